// SPDX-License-Identifier: GPL-2.0-only
/*
 * ES384 COSE_Sign1 signing (ref §5.2).  BearSSL's br_ecdsa_i31_sign_raw
 * picks k per RFC 6979 (deterministic), so no RNG is involved; it writes
 * the raw r || s form COSE wants (RFC 9053 §2.1), not ASN.1.
 */
#include "attest_defs.h"
#include "cbor_enc.h"
#include "cose_sign1.h"

/* bstr-wrapped protected header {1: -35}: A1 01 38 22 (ref §5.2). */
static const uint8_t es384_protected[] = { 0xa1, 0x01, 0x38, 0x22 };

static void encode(struct cbor_enc *e, const uint8_t *payload,
		   size_t payload_len, const uint8_t *sig)
{
	cbor_put_tag(e, COSE_TAG_SIGN1);
	cbor_put_array(e, 4);
	cbor_put_bstr(e, es384_protected, sizeof(es384_protected));
	cbor_put_map(e, 0);			/* unprotected: {} (no kid) */
	cbor_put_bstr(e, payload, payload_len);
	cbor_put_bstr(e, sig, COSE_ES384_SIG_LEN);
}

int cose_sign1_es384_sign(void *out, size_t cap, size_t *len,
			  const uint8_t *payload, size_t payload_len,
			  const br_ec_private_key *sk)
{
	uint8_t hash[48], sig[COSE_ES384_SIG_LEN] = { 0 };
	struct cbor_enc e;
	size_t n;

	if (!sk || sk->curve != BR_EC_secp384r1)
		return COSE_ERR_KEY;

	/* Measure first: do not spend a signature on a buffer that is too small. */
	cbor_enc_init(&e, NULL, 0);
	encode(&e, payload, payload_len, sig);
	if (cbor_enc_len(&e) > cap)
		return COSE_ERR_SPACE;

	cose_sign1_tbs_hash(&br_sha384_vtable, es384_protected,
			    sizeof(es384_protected), payload, payload_len, hash);
	if (br_ecdsa_i31_sign_raw(&br_ec_prime_i31, &br_sha384_vtable, hash, sk,
				  sig) != COSE_ES384_SIG_LEN)
		return COSE_ERR_KEY;

	cbor_enc_init(&e, out, cap);
	encode(&e, payload, payload_len, sig);
	if (cbor_enc_finish(&e, &n) != 0)
		return COSE_ERR_SPACE;
	if (len)
		*len = n;
	return COSE_OK;
}
