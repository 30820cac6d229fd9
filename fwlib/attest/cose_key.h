/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * COSE_Key (RFC 9053 §7.1.1) for an EC2 public key: the REL0 form of realm
 * claim 44237 (ref §5.4).  For P-384 the encoding is exactly 107 bytes:
 *   A4 01 02 20 02 21 58 30 <X:48> 22 58 30 <Y:48>
 * i.e. {1: 2 (EC2), -1: 2 (P-384), -2: x, -3: y}; the keys are in the
 * deterministic order of their encodings (01 < 20 < 21 < 22), which is also
 * the order TF-RMM's t_cose emits.
 */
#ifndef FWLIB_ATTEST_COSE_KEY_H
#define FWLIB_ATTEST_COSE_KEY_H

#include <stddef.h>
#include <stdint.h>

#define COSE_KEY_MAX_COORD	66	/* P-521 */

struct cose_ec2_key {
	int crv;			/* COSE_CRV_P256 / COSE_CRV_P384 */
	size_t coord_len;		/* 32 / 48 */
	const uint8_t *x, *y;		/* point into the caller's data */
};

/*
 * Encode an EC2 public key from the uncompressed SEC1 point 04 || X || Y
 * (what BearSSL's br_ec_public_key.q holds).  Curve from the point size:
 * 65 bytes = P-256, 97 bytes = P-384.  0 on success, -1 on bad input or if
 * @cap is too small; *len gets the length written (107 for P-384).
 */
int cose_key_encode_ec2(void *out, size_t cap, size_t *len,
			const uint8_t *point, size_t point_len);

/*
 * Decode an EC2 COSE_Key (untrusted input).  Requires kty EC2, a supported
 * crv and x/y of the curve's size; other labels are refused, as are
 * duplicates.  The whole buffer must be the one map.
 */
int cose_key_decode_ec2(const uint8_t *buf, size_t len, struct cose_ec2_key *key);

/* SEC1 uncompressed point 04 || X || Y from a decoded key; returns its length or 0. */
size_t cose_key_to_point(const struct cose_ec2_key *key, uint8_t *point, size_t cap);

#endif /* FWLIB_ATTEST_COSE_KEY_H */
