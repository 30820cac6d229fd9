// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ref §8.3 checklist, in order; the first failure ends verification:
 *   1. tag-399 (or 907) collection with exactly keys 44234 and 44241
 *   2. platform COSE_Sign1 (ES256/ES384), signature with the CPAK if given
 *   3. realm COSE_Sign1, ES384, signature with the RAK of claim 44237
 *      (COSE_Key when the realm profile 265 is present, raw point otherwise)
 *   4. binding: H_{44240}(claim 44237 bytes) == platform claim 10 (ref §5.5)
 *   5. claim sizes and types (token_check.c)
 *   6. expected challenge and RIM, when given
 * Signatures come before claim checks so that no claim value is trusted
 * before its signature verified; the RAK is the one exception, necessarily
 * (it is the key the realm signature is checked with, ref §8.1 step 2).
 */
#include <string.h>

#include <bearssl_hash.h>

#include "attest_defs.h"
#include "cose_key.h"
#include "token.h"
#include "token_claims.h"

static int decode_rak(struct cca_token *t, char *msg, size_t msgsz)
{
	const struct realm_info *r = &t->realm;
	struct cose_ec2_key key;

	if (!(r->present & REALM_HAVE_RAK))
		return token_fail(msg, msgsz, "realm claim 44237 (public key): missing");
	t->rak_legacy = !(r->present & REALM_HAVE_PROFILE);
	if (t->rak_legacy) {	/* EAC5: raw 04 || X || Y (ref §5.3) */
		if (r->rak.len != REALM_LEGACY_RAK_LEN || r->rak.p[0] != 0x04)
			return token_fail(msg, msgsz, "realm claim 44237 (public key): not a 97-byte P-384 point");
		memcpy(t->rak_point, r->rak.p, r->rak.len);
		t->rak_point_len = r->rak.len;
		return 0;
	}
	if (cose_key_decode_ec2(r->rak.p, r->rak.len, &key) != 0 || key.crv != COSE_CRV_P384)
		return token_fail(msg, msgsz, "realm claim 44237 (public key): not an EC2 P-384 COSE_Key");
	t->rak_point_len = cose_key_to_point(&key, t->rak_point, sizeof(t->rak_point));
	return 0;
}

static const br_hash_class *hash_by_name(const struct text *name)
{
	switch (token_hash_len(name)) {
	case 32: return &br_sha256_vtable;
	case 48: return &br_sha384_vtable;
	case 64: return &br_sha512_vtable;
	default: return NULL;
	}
}

static int check_binding(struct cca_token *t, char *msg, size_t msgsz)
{
	const struct realm_info *r = &t->realm;
	const br_hash_class *hc = hash_by_name(&r->rak_alg);
	br_hash_compat_context ctx;

	if (!(r->present & REALM_HAVE_RAK_ALG) || !hc)
		return token_fail(msg, msgsz, "binding: realm claim 44240 (public key hash algorithm) missing or unknown");
	if (!(t->plat.present & PLAT_HAVE_CHALLENGE))
		return token_fail(msg, msgsz, "binding: platform claim 10 (challenge) missing");
	hc->init(&ctx.vtable);
	hc->update(&ctx.vtable, r->rak.p, r->rak.len);
	hc->out(&ctx.vtable, t->binder);
	t->binder_len = token_hash_len(&r->rak_alg);
	if (t->plat.challenge.len != t->binder_len ||
	    memcmp(t->plat.challenge.p, t->binder, t->binder_len) != 0)
		return token_fail(msg, msgsz, "binding: platform challenge (claim 10) != %.*s(realm claim 44237)",
				  (int)r->rak_alg.len, r->rak_alg.p);
	return 0;
}

int cca_token_verify(const uint8_t *buf, size_t len, const struct verify_opts *o,
		     struct cca_token *t, char *msg, size_t msgsz)
{
	int rc;

	memset(t, 0, sizeof(*t));
	/* 1 */
	if (token_parse_collection(buf, len, t, msg, msgsz))
		return -1;
	/* 2 */
	if (cose_sign1_decode(t->plat_raw.p, t->plat_raw.len, &t->plat_cose) != COSE_OK)
		return token_fail(msg, msgsz, "platform token: not a tagged COSE_Sign1 with an alg header");
	if (t->plat_cose.alg != COSE_ALG_ES256 && t->plat_cose.alg != COSE_ALG_ES384)
		return token_fail(msg, msgsz, "platform token: alg %lld is not ES256 or ES384",
				  (long long)t->plat_cose.alg);
	if (token_parse_plat_claims(t->plat_cose.payload, t->plat_cose.payload_len,
				    &t->plat, msg, msgsz))
		return -1;
	if (o->cpak) {
		rc = cose_sign1_verify(&t->plat_cose, o->cpak, o->cpak_len);
		if (rc == COSE_ERR_ALG)
			return token_fail(msg, msgsz, "platform signature: alg %s does not match the CPAK's curve",
					  cose_alg_name(t->plat_cose.alg));
		if (rc == COSE_ERR_SIG_LEN)
			return token_fail(msg, msgsz, "platform signature: %zu bytes, wrong size for %s",
					  t->plat_cose.sig_len, cose_alg_name(t->plat_cose.alg));
		if (rc != COSE_OK)
			return token_fail(msg, msgsz, "platform signature: does not verify with the CPAK");
		t->plat_sig_checked = true;
	}
	/* 3 */
	if (cose_sign1_decode(t->realm_raw.p, t->realm_raw.len, &t->realm_cose) != COSE_OK)
		return token_fail(msg, msgsz, "realm token: not a tagged COSE_Sign1 with an alg header");
	if (t->realm_cose.alg != COSE_ALG_ES384)
		return token_fail(msg, msgsz, "realm token: alg %lld is not ES384",
				  (long long)t->realm_cose.alg);
	if (token_parse_realm_claims(t->realm_cose.payload, t->realm_cose.payload_len,
				     &t->realm, msg, msgsz))
		return -1;
	if (decode_rak(t, msg, msgsz))
		return -1;
	rc = cose_sign1_verify(&t->realm_cose, t->rak_point, t->rak_point_len);
	if (rc == COSE_ERR_SIG_LEN)
		return token_fail(msg, msgsz, "realm signature: %zu bytes, expected 96",
				  t->realm_cose.sig_len);
	if (rc != COSE_OK)
		return token_fail(msg, msgsz, "realm signature: does not verify with the RAK (claim 44237)");
	/* 4 */
	if (check_binding(t, msg, msgsz))
		return -1;
	/* 5 */
	if (token_check_realm_claims(&t->realm, msg, msgsz) ||
	    token_check_plat_claims(&t->plat, msg, msgsz))
		return -1;
	/* 6 */
	if (o->challenge && memcmp(o->challenge, t->realm.challenge.p, REALM_CHALLENGE_LEN) != 0)
		return token_fail(msg, msgsz, "challenge: realm claim 10 differs from the expected challenge");
	if (o->rim && (o->rim_len != t->realm.rim.len ||
		       memcmp(o->rim, t->realm.rim.p, o->rim_len) != 0))
		return token_fail(msg, msgsz, "RIM: realm claim 44238 differs from the expected RIM");
	return 0;
}
