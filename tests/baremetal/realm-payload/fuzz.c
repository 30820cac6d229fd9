// SPDX-License-Identifier: GPL-2.0-only
/*
 * RSI robustness from inside the realm (issue #4: "no realm-controlled
 * value can crash the RMM"): random RSI calls with arguments drawn from
 * buffers the realm owns, the RIPAS scratch range and hostile values
 * (unaligned, unprotected, beyond the IPA space, ~0).  Every return must
 * be a defined RSI status or SMC_UNKNOWN; the tests that follow (PSCI,
 * SYSTEM_OFF) show that the realm and the RMM are still sane.
 *
 * What is left out, so that the realm survives its own fuzzing: PSCI
 * calls that stop a CPU or the system, RSI_HOST_CALL (its immediates are
 * the test protocol) and IPA ranges that cover the realm's own image (the
 * host only changes RIPAS inside the scratch range anyway).
 */
#include <abi/psci.h>
#include <abi/smccc.h>
#include <rng.h>
#include "realm.h"

#define FUZZ_CALLS	2000

static uint8_t buffer[GRANULE] ALIGNED(GRANULE);
static uint64_t rng = 0x0DDBA11CAFEULL;

static uint64_t rand64(void)
{
	return rng_next(&rng);
}

static uint64_t ipa(void)
{
	const uint64_t buf = (uint64_t)(uintptr_t)buffer;
	const uint64_t v[] = {
		buf, buf + 8, buf + 0x100, TR_SCRATCH_BASE, TR_SCRATCH_TOP - GRANULE,
		TR_SCRATCH_TOP, TR_SHARED_IPA, TR_MMIO_IPA, TR_UNPROTECTED - GRANULE,
		1UL << TR_IPA_BITS, ~0UL, 0,
	};

	return rand64() % 8 ? v[rand64() % ARRAY_SIZE(v)] : rand64();
}

static uint64_t small(void)
{
	return rand64() % 4 ? rand64() % 8 : rand64();
}

static const uint32_t fids[] = {
	RSI_VERSION, RSI_FEATURES, RSI_MEASUREMENT_READ, RSI_MEASUREMENT_EXTEND,
	RSI_ATTESTATION_TOKEN_INIT, RSI_ATTESTATION_TOKEN_CONTINUE, RSI_REALM_CONFIG,
	RSI_IPA_STATE_SET, RSI_IPA_STATE_GET,
	RSI_PLANE_ENTER, RSI_MEM_GET_PERM_VALUE, RSI_VDEV_GET_INFO,	/* 1.1, not offered */
	PSCI_FID_VERSION, PSCI_FID_FEATURES, PSCI_FID_AFFINITY_INFO_64, SMCCC_VERSION,
	0xC40001AB, 0xC40001FF,						/* unallocated */
};

static bool defined(uint32_t fid, uint64_t ret)
{
	int64_t sret = (int64_t)ret;

	if (ret == SMC_UNKNOWN)
		return true;
	switch (fid) {
	case PSCI_FID_VERSION:
		return ret == PSCI_VERSION_1_1;
	case PSCI_FID_FEATURES:
		return sret == PSCI_E_SUCCESS || sret == PSCI_E_NOT_SUPPORTED;
	case PSCI_FID_AFFINITY_INFO_64:	/* ON, OFF, ON_PENDING or INVALID_PARAMS */
		return (sret >= 0 && sret <= 2) || sret == PSCI_E_INVALID_PARAMS;
	case SMCCC_VERSION:
		return ret == SMCCC_VERSION_1_2;
	default:
		return ret <= RSI_ERROR_UNKNOWN;
	}
}

void test_rsi_fuzz(void)
{
	unsigned int bad = 0, unknown = 0;
	uint64_t first_bad = 0;

	for (unsigned int i = 0; i < FUZZ_CALLS; i++) {
		uint32_t fid = fids[rand64() % ARRAY_SIZE(fids)];
		struct smc_regs r = { { fid } };

		for (unsigned int j = 1; j < ARRAY_SIZE(r.x); j++)
			r.x[j] = rand64() % 2 ? ipa() : small();
		if (fid == PSCI_FID_FEATURES && rand64() % 2)
			r.x[1] = PSCI_FID_VERSION + rand64() % 0x20;	/* real PSCI FIDs */
		if (fid == RSI_IPA_STATE_SET && rand64() % 2) {
			/* Often a valid request, so that some reach the host. */
			r.x[1] = ipa();
			r.x[2] = ipa();
			r.x[3] = rand64() % 3;
			r.x[4] = rand64() % 2;
		}
		smc_call(&r);
		unknown += r.x[0] == SMC_UNKNOWN;
		if (!defined(fid, r.x[0]) && !bad++)
			first_bad = fid;
	}
	rok(!bad, "%u RSI/PSCI calls with hostile arguments: %u undefined results (first FID 0x%lx), %u SMC_UNKNOWN",
	    FUZZ_CALLS, bad, first_bad, unknown);
}
