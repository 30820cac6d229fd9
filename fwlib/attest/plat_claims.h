/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Platform token claims map (ref §5.6), for an EL3 that signs its own test
 * platform token (ref §6) and for host tests.
 */
#ifndef FWLIB_ATTEST_PLAT_CLAIMS_H
#define FWLIB_ATTEST_PLAT_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "attest_defs.h"
#include "cbor_enc.h"

/* One entry of claim 2399; measurement and signer id are mandatory. */
struct plat_sw_component {
	const char *type;		/* 1, optional (NULL) */
	const uint8_t *measurement;	/* 2 */
	size_t measurement_len;
	const char *version;		/* 4, optional */
	const uint8_t *signer_id;	/* 5 */
	size_t signer_id_len;
	const char *hash_alg;		/* 6, optional */
};

struct plat_claims {
	const char *profile;		/* 265; NULL = PLAT_PROFILE_1_0 */
	const uint8_t *challenge;	/* 10: hash of the RAK claim, 32/48/64 B */
	size_t challenge_len;
	const uint8_t *impl_id;		/* 2396: PLAT_IMPL_ID_LEN bytes */
	const uint8_t *instance_id;	/* 256: 33 bytes, first 0x01 */
	const uint8_t *config;		/* 2401: any length */
	size_t config_len;
	uint32_t lifecycle;		/* 2395: e.g. 0x3000 (secured) */
	const struct plat_sw_component *sw;	/* 2399: >= 1 entry */
	size_t num_sw;
	const char *vsi;		/* 2400, optional */
	const char *hash_alg;		/* 2402 */
};

/*
 * Append the claims map to @e, keys in RFC 8949 §4.2.1 order.  Validates
 * the constraints of ref §5.6 (sizes, UEID type, lifecycle range); -1 and
 * nothing written if they do not hold.
 */
int plat_claims_encode(struct cbor_enc *e, const struct plat_claims *c);

/* ref §5.6 lifecycle ranges: 0x0000-0x00ff, 0x1000-0x10ff, ... 0x6000-0x60ff. */
int plat_lifecycle_valid(uint64_t v);

#endif /* FWLIB_ATTEST_PLAT_CLAIMS_H */
