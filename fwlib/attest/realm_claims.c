// SPDX-License-Identifier: GPL-2.0-only
/*
 * Realm token claims encoder (ref §5.3) and the RAK binding (ref §5.5).
 */
#include <string.h>

#include <bearssl_hash.h>

#include "realm_claims.h"

/* Only memcpy/memset/memcmp/strlen may be used from libc (fwlib rule). */
static int str_eq(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && memcmp(a, b, n) == 0;
}

static int valid_hash_name(const char *s, size_t meas_len)
{
	if (!s)
		return 0;
	if (meas_len == 0)
		return str_eq(s, ATTEST_HASH_SHA256) ||
		       str_eq(s, ATTEST_HASH_SHA512);
	return str_eq(s, meas_len == 32 ? ATTEST_HASH_SHA256 : ATTEST_HASH_SHA512);
}

int realm_claims_encode(struct cbor_enc *e, const struct realm_claims *c)
{
	unsigned int i;

	if (!c->challenge || !c->rpv || !c->rak || !c->rak_len || !c->rim)
		return -1;
	if (c->meas_len != 32 && c->meas_len != 64)
		return -1;
	/* RIM/REM length must match the measurement algorithm (ref §8.3 step 5). */
	if (!valid_hash_name(c->meas_hash_alg, c->meas_len) ||
	    !valid_hash_name(c->rak_hash_alg, 0))
		return -1;
	for (i = 0; i < REALM_NUM_REMS; i++)
		if (!c->rem[i])
			return -1;

	cbor_put_map(e, 8);
	cbor_put_uint(e, REALM_CLAIM_CHALLENGE);
	cbor_put_bstr(e, c->challenge, REALM_CHALLENGE_LEN);
	cbor_put_uint(e, REALM_CLAIM_PROFILE);
	cbor_put_tstr_z(e, REALM_PROFILE_1_0);
	cbor_put_uint(e, REALM_CLAIM_RPV);
	cbor_put_bstr(e, c->rpv, REALM_RPV_LEN);
	cbor_put_uint(e, REALM_CLAIM_MEAS_HASH_ALG);
	cbor_put_tstr_z(e, c->meas_hash_alg);
	cbor_put_uint(e, REALM_CLAIM_PUB_KEY);
	cbor_put_bstr(e, c->rak, c->rak_len);
	cbor_put_uint(e, REALM_CLAIM_RIM);
	cbor_put_bstr(e, c->rim, c->meas_len);
	cbor_put_uint(e, REALM_CLAIM_REMS);
	cbor_put_array(e, REALM_NUM_REMS);
	for (i = 0; i < REALM_NUM_REMS; i++)
		cbor_put_bstr(e, c->rem[i], c->meas_len);
	cbor_put_uint(e, REALM_CLAIM_PUB_KEY_HASH_ALG);
	cbor_put_tstr_z(e, c->rak_hash_alg);
	return 0;
}

void realm_rak_binding_sha256(const uint8_t *rak, size_t rak_len, uint8_t out[32])
{
	br_sha256_context ctx;

	br_sha256_init(&ctx);
	br_sha256_update(&ctx, rak, rak_len);
	br_sha256_out(&ctx, out);
}
