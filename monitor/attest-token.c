// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform token (attestation-and-measurement.md §5.6), portable: EL3
 * signs it for the RMM, the host tests build it the same way and verify
 * it with tools/token.
 *
 * Claims and where their values come from:
 *   265  profile            "tag:arm.com,2023:cca_platform#1.0.0"
 *   10   challenge          the RMM's hash of the RAK claim (32/48/64 bytes)
 *   2396 implementation id  SHA-256 of PLAT_TOKEN_IMPL_ID_TEXT
 *   256  instance id        0x01 || SHA-256(CPAK public point): the UEID
 *                           names the device by its (TEST) identity key
 *   2401 config             "TEST" in ASCII: tells a verifier at a glance
 *                           that this platform runs with test keys
 *   2395 lifecycle          0x1000, assembly and test: the keys are TEST
 *                           keys, so the device must not claim "secured"
 *   2399 sw components      the monitor (SHA-256 of its flash image) and
 *                           the RMM (SHA-256 of the image it runs)
 *   2402 hash algorithm     "sha-256"
 * Images are not signed on this platform: signer ids are 32 zero bytes
 * (the claim is mandatory, ref §5.6).
 */
#include <string.h>

#include <bearssl_hash.h>

#include "attest_defs.h"
#include "cbor_enc.h"
#include "cose_sign1.h"
#include "plat_claims.h"

#include <attest.h>

/* Claims map scratch: the signed token must fit ATTEST_PLAT_TOKEN_MAX. */
static uint8_t claims_buf[ATTEST_PLAT_TOKEN_MAX];

static const uint8_t unsigned_signer[ATTEST_SHA256_LEN];
static const uint8_t plat_config[] = { 'T', 'E', 'S', 'T' };

int plat_token_build(const struct plat_token_inputs *in, const struct attest_key *cpak,
		     uint8_t *out, size_t cap, size_t *len)
{
	uint8_t impl_id[PLAT_IMPL_ID_LEN], instance_id[PLAT_INSTANCE_ID_LEN];
	struct plat_sw_component sw[2];
	br_sha256_context sha;
	struct plat_claims pc;
	struct cbor_enc e;
	size_t claims_len;

	if (in->challenge_len != 32 && in->challenge_len != 48 && in->challenge_len != 64)
		return -1;

	br_sha256_init(&sha);
	br_sha256_update(&sha, PLAT_TOKEN_IMPL_ID_TEXT, sizeof(PLAT_TOKEN_IMPL_ID_TEXT) - 1);
	br_sha256_out(&sha, impl_id);
	instance_id[0] = PLAT_UEID_TYPE_RAND;
	br_sha256_init(&sha);
	br_sha256_update(&sha, cpak->pk.q, cpak->pk.qlen);
	br_sha256_out(&sha, instance_id + 1);

	sw[0] = (struct plat_sw_component){
		.type = "MONITOR", .measurement = in->monitor_hash,
		.measurement_len = ATTEST_SHA256_LEN, .signer_id = unsigned_signer,
		.signer_id_len = sizeof(unsigned_signer), .hash_alg = ATTEST_HASH_SHA256,
	};
	sw[1] = (struct plat_sw_component){
		.type = "RMM", .measurement = in->rmm_hash,
		.measurement_len = ATTEST_SHA256_LEN, .signer_id = unsigned_signer,
		.signer_id_len = sizeof(unsigned_signer), .hash_alg = ATTEST_HASH_SHA256,
	};

	memset(&pc, 0, sizeof(pc));
	pc.profile = PLAT_PROFILE_1_0;
	pc.challenge = in->challenge;
	pc.challenge_len = in->challenge_len;
	pc.impl_id = impl_id;
	pc.instance_id = instance_id;
	pc.config = plat_config;
	pc.config_len = sizeof(plat_config);
	pc.lifecycle = PLAT_TOKEN_LIFECYCLE;
	pc.sw = sw;
	pc.num_sw = 2;
	pc.hash_alg = ATTEST_HASH_SHA256;

	cbor_enc_init(&e, claims_buf, sizeof(claims_buf));
	if (plat_claims_encode(&e, &pc) || cbor_enc_finish(&e, &claims_len))
		return -1;
	if (cose_sign1_es384_sign(out, cap, len, claims_buf, claims_len, &cpak->sk) != COSE_OK)
		return -1;
	return 0;
}
