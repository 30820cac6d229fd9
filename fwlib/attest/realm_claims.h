/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Realm token claims map, RMM 1.0-REL0 (ref §5.3), and the RAK binding
 * hash the RMM hands to EL3 as the platform challenge (ref §5.5).
 */
#ifndef FWLIB_ATTEST_REALM_CLAIMS_H
#define FWLIB_ATTEST_REALM_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "attest_defs.h"
#include "cbor_enc.h"

struct realm_claims {
	const uint8_t *challenge;	/* REALM_CHALLENGE_LEN bytes (RSI X1..X8) */
	const uint8_t *rpv;		/* REALM_RPV_LEN bytes */
	const uint8_t *rak;		/* encoded COSE_Key (107 bytes for P-384) */
	size_t rak_len;
	const char *meas_hash_alg;	/* "sha-256" or "sha-512" (44236) */
	const char *rak_hash_alg;	/* "sha-256" in REL0 (44240) */
	size_t meas_len;		/* 32 or 64: hash length of meas_hash_alg */
	const uint8_t *rim;		/* meas_len bytes */
	const uint8_t *rem[REALM_NUM_REMS];	/* meas_len bytes each */
};

/*
 * Append the claims map (8 entries, profile "tag:arm.com,2023:realm#1.0.0")
 * to @e.  Keys are emitted in RFC 8949 §4.2.1 order (sorted encoded keys:
 * 10, 265, 44235 .. 44240); map order carries no meaning for verifiers
 * (ref §5.3).  -1 on invalid input (nothing is written then); encoder
 * overflow is reported by cbor_enc_finish().
 */
int realm_claims_encode(struct cbor_enc *e, const struct realm_claims *c);

/* SHA-256 of the claim 44237 bytes: the platform challenge (ref §5.5). */
void realm_rak_binding_sha256(const uint8_t *rak, size_t rak_len, uint8_t out[32]);

#endif /* FWLIB_ATTEST_REALM_CLAIMS_H */
