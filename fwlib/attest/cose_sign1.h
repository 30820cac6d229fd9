/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * COSE_Sign1 (RFC 9052 §4.2) as used by both CCA tokens (ref §5.2):
 *   tag 18 [ protected: bstr({1: alg}), unprotected: {}, payload: bstr,
 *            signature: bstr(r || s) ]
 * signed over the Sig_structure ["Signature1", protected, h'', payload].
 *
 * Signing is ES384 only (the realm token, ref §5.2; EL3's test platform
 * token).  Verification accepts ES256 and ES384 (a platform token may be
 * ES256, ref §5.2).  ECDSA comes from BearSSL (ref §10); its signer derives
 * the nonce k deterministically (RFC 6979: HMAC_DRBG seeded with the private
 * key and the reduced hash, in src/ec/ecdsa_i31_sign_raw.c), so signing needs
 * no random number generator.  The host tests check this against the
 * RFC 6979 §A.2.6 P-384/SHA-384 vector.
 */
#ifndef FWLIB_ATTEST_COSE_SIGN1_H
#define FWLIB_ATTEST_COSE_SIGN1_H

#include <stddef.h>
#include <stdint.h>

#include <bearssl_ec.h>
#include <bearssl_hash.h>

#define COSE_ES384_SIG_LEN	96	/* raw r || s, 48 + 48 bytes big-endian */

/* A decoded COSE_Sign1; all pointers point into the caller's buffer. */
struct cose_sign1 {
	const uint8_t *protected_hdr;	/* bstr content of the protected header */
	size_t protected_len;
	int64_t alg;			/* protected label 1 */
	const uint8_t *payload;
	size_t payload_len;
	const uint8_t *sig;
	size_t sig_len;
};

enum cose_err {
	COSE_OK = 0,
	COSE_ERR_FORMAT = -1,		/* not a well-formed tagged COSE_Sign1 */
	COSE_ERR_ALG = -2,		/* unsupported alg, or alg does not fit the key */
	COSE_ERR_KEY = -3,		/* key unusable (size / curve) */
	COSE_ERR_SIG_LEN = -4,		/* signature not 2 * coordinate size */
	COSE_ERR_SIG = -5,		/* signature does not verify */
	COSE_ERR_SPACE = -6,		/* output buffer too small */
};

/*
 * Hash the Sig_structure for @protected_hdr / @payload with @hc (without
 * materialising it: the structure is fed to the hash piecewise).  @out gets
 * the digest (hc's output size).
 */
void cose_sign1_tbs_hash(const br_hash_class *hc, const uint8_t *protected_hdr,
			 size_t protected_len, const uint8_t *payload,
			 size_t payload_len, uint8_t *out);

/*
 * Build a tagged ES384 COSE_Sign1 of @payload into @out (no overlap with
 * @payload).  @sk must be a P-384 key.  On success *len = bytes written.
 * Fails with COSE_ERR_SPACE, never writing past @cap, when @out is too small.
 */
int cose_sign1_es384_sign(void *out, size_t cap, size_t *len,
			  const uint8_t *payload, size_t payload_len,
			  const br_ec_private_key *sk);

/* Decode a tagged COSE_Sign1 (untrusted input); the buffer must hold exactly it. */
int cose_sign1_decode(const uint8_t *buf, size_t len, struct cose_sign1 *s);

/*
 * Verify with an uncompressed SEC1 public point (65 bytes P-256, 97 bytes
 * P-384).  The alg must match the curve (ES256/P-256, ES384/P-384).
 */
int cose_sign1_verify(const struct cose_sign1 *s, const uint8_t *point, size_t point_len);

const char *cose_alg_name(int64_t alg);

#endif /* FWLIB_ATTEST_COSE_SIGN1_H */
