// SPDX-License-Identifier: GPL-2.0-only
/*
 * COSE_Sign1 decoding and ECDSA verification (ref §5.2, §8.3 steps 2-3).
 * The input is untrusted: structure and sizes are checked before any
 * signature arithmetic.
 */
#include "attest_defs.h"
#include "cbor_dec.h"
#include "cose_sign1.h"

const char *cose_alg_name(int64_t alg)
{
	switch (alg) {
	case COSE_ALG_ES256: return "ES256";
	case COSE_ALG_ES384: return "ES384";
	case COSE_ALG_ES512: return "ES512";
	default:	     return "unknown";
	}
}

/*
 * Protected header: a map that must carry alg (label 1, an int).  "crit"
 * (label 2) is refused because we understand no critical extension
 * (RFC 9052 §3.1); any other label is skipped.
 */
static int decode_protected(const uint8_t *p, size_t len, int64_t *alg)
{
	struct cbor_dec d;
	size_t n, i;
	int64_t label;
	int have_alg = 0;

	cbor_dec_init(&d, p, len);
	if (cbor_get_map(&d, &n) != CBOR_OK)
		return -1;
	for (i = 0; i < n; i++) {
		if (cbor_get_int(&d, &label) != CBOR_OK)
			return -1;
		if (label == COSE_HDR_ALG) {
			if (have_alg++ || cbor_get_int(&d, alg) != CBOR_OK)
				return -1;
		} else if (label == 2) {
			return -1;
		} else if (cbor_skip(&d, NULL, NULL) != CBOR_OK) {
			return -1;
		}
	}
	return (cbor_dec_finish(&d) == CBOR_OK && have_alg) ? 0 : -1;
}

int cose_sign1_decode(const uint8_t *buf, size_t len, struct cose_sign1 *s)
{
	struct cbor_dec d;
	uint64_t tag;
	size_t n;

	cbor_dec_init(&d, buf, len);
	if (cbor_get_tag(&d, &tag) != CBOR_OK || tag != COSE_TAG_SIGN1)
		return COSE_ERR_FORMAT;
	if (cbor_get_array(&d, &n) != CBOR_OK || n != 4)
		return COSE_ERR_FORMAT;
	cbor_get_bstr(&d, &s->protected_hdr, &s->protected_len);
	if (cbor_peek_major(&d) != CBOR_MT_MAP)
		return COSE_ERR_FORMAT;
	cbor_skip(&d, NULL, NULL);		/* unprotected header: not used */
	cbor_get_bstr(&d, &s->payload, &s->payload_len);
	cbor_get_bstr(&d, &s->sig, &s->sig_len);
	if (cbor_dec_finish(&d) != CBOR_OK)
		return COSE_ERR_FORMAT;
	if (decode_protected(s->protected_hdr, s->protected_len, &s->alg) != 0)
		return COSE_ERR_FORMAT;
	return COSE_OK;
}

int cose_sign1_verify(const struct cose_sign1 *s, const uint8_t *point, size_t point_len)
{
	const br_hash_class *hc;
	br_ec_public_key pk;
	uint8_t hash[64];
	size_t clen;
	int curve;

	switch (point_len) {
	case 65: curve = BR_EC_secp256r1; clen = 32; break;
	case 97: curve = BR_EC_secp384r1; clen = 48; break;
	default: return COSE_ERR_KEY;
	}
	if (point[0] != 0x04)
		return COSE_ERR_KEY;
	if (s->alg == COSE_ALG_ES256 && curve == BR_EC_secp256r1)
		hc = &br_sha256_vtable;
	else if (s->alg == COSE_ALG_ES384 && curve == BR_EC_secp384r1)
		hc = &br_sha384_vtable;
	else
		return COSE_ERR_ALG;
	if (s->sig_len != 2 * clen)
		return COSE_ERR_SIG_LEN;

	cose_sign1_tbs_hash(hc, s->protected_hdr, s->protected_len,
			    s->payload, s->payload_len, hash);
	pk.curve = curve;
	pk.q = (unsigned char *)(uintptr_t)point;	/* BearSSL only reads it */
	pk.qlen = point_len;
	if (!br_ecdsa_i31_vrfy_raw(&br_ec_prime_i31, hash,
				   (hc->desc >> BR_HASHDESC_OUT_OFF) & BR_HASHDESC_OUT_MASK,
				   &pk, s->sig, s->sig_len))
		return COSE_ERR_SIG;
	return COSE_OK;
}
