/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm attestation (attestation-and-measurement.md §5-§7; DEN0137 A7.2,
 * B5.3.2 / B5.3.3): the RAK the RMM holds for this boot, and the per-REC
 * token generation behind RSI_ATTESTATION_TOKEN_INIT / _CONTINUE.
 *
 * RAK.  attest_init() asks EL3 once per boot (RMM_ATTEST_GET_REALM_KEY,
 * boot CPU, before any realm runs) for the 48-byte P-384 private scalar and
 * derives the public key, its COSE_Key encoding (realm claim 44237, 107
 * bytes) and the platform challenge bound to it, SHA-256 of those bytes
 * (claim 44240 is "sha-256", ref §5.5).  Everything stays in RMM memory and
 * is read-only afterwards.
 *
 * Token generation, per REC (the REC is RUNNING while any of this happens,
 * so nothing else touches the REC or its auxiliary granules):
 *
 *   INIT      store the 64-byte challenge (x1..x8) and a snapshot of the
 *             RIM and REMs; state SIGN; x1 = ATTEST_TOKEN_MAX_SIZE.  A new
 *             INIT abandons whatever was in progress.
 *   CONTINUE  argument checks, then one bounded step per call:
 *     SIGN    encode the realm claims and sign them ES384 with the RAK;
 *             INCOMPLETE, x1 = 0                       (one ECDSA signature)
 *     PLAT    fetch the platform token from EL3 (challenge = the RAK
 *             binding), frame both tokens as the tag-399 collection, then
 *             COPY                                     (EL3 signs once)
 *     COPY    copy min(size, remaining) bytes to granule + offset; x1 = the
 *             count; INCOMPLETE while bytes remain, SUCCESS (state NONE)
 *             with the last one.
 *   Without a generation in progress CONTINUE is RSI_ERROR_STATE; a failed
 *   step is RSI_ERROR_UNKNOWN and ends the generation.
 *
 * Storage: REC aux granule 0 holds the challenge, the measurement
 * snapshot, the collection headers and the signed realm token; aux granule
 * 1 the platform token (ATTEST_PLAT_TOKEN_MAX).  The collection is never
 * assembled in one piece: CONTINUE copies from the four segments
 * header | platform token | header | realm token.
 */
#ifndef RMM_ATTEST_H
#define RMM_ATTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/rsi-handlers.h>

#define ATTEST_CHALLENGE_SIZE		64
#define ATTEST_RAK_SCALAR_SIZE		48	/* P-384 */
#define ATTEST_RAK_POINT_SIZE		97	/* 04 || X || Y */
#define ATTEST_RAK_COSE_KEY_SIZE	107	/* ref §5.4 */
#define ATTEST_RAK_BINDING_SIZE		32	/* SHA-256 of the COSE_Key */
/* What EL3 may return (TF-A's ATTEST_PLAT_TOKEN_SIZE, ref §6): one granule. */
#define ATTEST_PLAT_TOKEN_MAX		GRANULE_SIZE
/* Realm claims and the signed realm token (about 600 / 700 bytes with SHA-512). */
#define ATTEST_REALM_PAYLOAD_MAX	1024
#define ATTEST_REALM_TOKEN_MAX		1024
/* tag(399) map(2) 44234 bstr-head(<= 0xFFFF) / 44241 bstr-head */
#define ATTEST_HDR_MAX			16
#define ATTEST_HDR0_MAX			(3 + 1 + 3 + 3)
#define ATTEST_HDR1_MAX			(3 + 3)
/* The upper bound RSI_ATTESTATION_TOKEN_INIT reports. */
#define ATTEST_TOKEN_MAX_SIZE		(ATTEST_HDR0_MAX + ATTEST_PLAT_TOKEN_MAX + \
					 ATTEST_HDR1_MAX + ATTEST_REALM_TOKEN_MAX)

/* Bound on E_RMM_AGAIN retries of one EL3 call. */
#define ATTEST_EL3_AGAIN_MAX		16

enum attest_state {
	ATTEST_NONE = 0,		/* no token generation in progress */
	ATTEST_SIGN,			/* INIT done: realm token to sign */
	ATTEST_PLAT,			/* realm token signed: platform token to get */
	ATTEST_COPY,			/* token complete: bytes to hand out */
};

/* REC aux granule 0. */
struct attest_aux {
	uint8_t challenge[ATTEST_CHALLENGE_SIZE];
	uint8_t meas[MEASURE_NUM_SLOTS][MEASURE_SIZE];	/* snapshot at INIT */
	uint8_t hdr[2][ATTEST_HDR_MAX];
	uint8_t payload[ATTEST_REALM_PAYLOAD_MAX];	/* realm claims (scratch) */
	uint8_t realm[ATTEST_REALM_TOKEN_MAX];		/* signed realm token */
};
static_assert(sizeof(struct attest_aux) <= GRANULE_SIZE, "attest_aux fits a granule");
#define ATTEST_AUX_MAIN			0
#define ATTEST_AUX_PLAT			1

/*
 * Boot CPU, once: fetch the RAK from EL3 and derive its public forms.
 * Returns the EL3 status (E_RMM_OK) or E_RMM_INVAL if the scalar is not a
 * valid P-384 private key.  Without a RAK every token generation fails
 * with RSI_ERROR_UNKNOWN.
 */
int attest_init(void);
bool attest_ready(void);
/* The RAK's COSE_Key (claim 44237) and its SHA-256 (the platform challenge). */
const uint8_t *attest_rak_cose_key(size_t *len);
const uint8_t *attest_rak_binding(void);

/* core/rsi.c dispatch; rec->pc is the SMC. */
void rsi_attest_token_init(struct rec_ctx *c);
enum rec_action rsi_attest_token_continue(struct rec_ctx *c);

#endif /* RMM_ATTEST_H */
