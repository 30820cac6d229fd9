// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI from the test realm.  What the RMM answers itself (VERSION,
 * FEATURES) and what goes to the host and comes back through
 * RMI_PSCI_COMPLETE (CPU_ON, AFFINITY_INFO): REC0 starts REC1, parks in a
 * host call while the host runs REC1 until its CPU_OFF, then checks what
 * REC1 left in memory.
 */
#include <abi/psci.h>
#include "realm.h"

static volatile uint64_t secondary_context;
static volatile uint64_t secondary_mpidr;

void secondary_entry(void);

static int64_t psci(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return (int64_t)smc(fid, a1, a2, a3, 0).x[0];
}

void test_psci_primary(void)
{
	uint64_t entry = (uint64_t)(uintptr_t)secondary_entry;
	int64_t ret;

	ret = psci(PSCI_FID_VERSION, 0, 0, 0);
	rok(ret == PSCI_VERSION_1_1, "PSCI_VERSION = 0x%lx (1.1)", (uint64_t)ret);
	ret = psci(PSCI_FID_FEATURES, PSCI_FID_CPU_ON_64, 0, 0);
	rok(ret == PSCI_E_SUCCESS, "PSCI_FEATURES(CPU_ON) = %ld", ret);
	ret = psci(PSCI_FID_FEATURES, PSCI_FID_MIGRATE_32, 0, 0);
	rok(ret == PSCI_E_NOT_SUPPORTED, "PSCI_FEATURES(MIGRATE) = %ld (NOT_SUPPORTED)", ret);
	ret = psci(PSCI_FID_AFFINITY_INFO_64, TR_REC1_MPIDR, 0, 0);
	rok(ret == 1, "PSCI_AFFINITY_INFO(REC1) before CPU_ON = %ld (OFF)", ret);
	ret = psci(PSCI_FID_CPU_ON_64, TR_REC1_MPIDR, TR_UNPROTECTED + 0x1000, 0);
	rok(ret == PSCI_E_INVALID_ADDRESS,
	    "PSCI_CPU_ON with an entry point outside protected memory = %ld (INVALID_ADDRESS)",
	    ret);

	ret = psci(PSCI_FID_CPU_ON_64, TR_REC1_MPIDR, entry, TR_REC1_CONTEXT);
	rok(ret == PSCI_E_SUCCESS, "PSCI_CPU_ON(REC1) = %ld, completed by the host", ret);
	ret = psci(PSCI_FID_CPU_ON_64, TR_REC1_MPIDR, entry, TR_REC1_CONTEXT);
	rok(ret == PSCI_E_ALREADY_ON, "PSCI_CPU_ON(REC1) again = %ld (ALREADY_ON)", ret);
	ret = psci(PSCI_FID_AFFINITY_INFO_64, TR_REC1_MPIDR, 0, 0);
	rok(ret == 0, "PSCI_AFFINITY_INFO(REC1) after CPU_ON = %ld (ON)", ret);

	host_call(TR_HC_RUN_OTHERS, NULL, 0, NULL);
	rok(secondary_context == TR_REC1_CONTEXT && (secondary_mpidr & 0xFFFFFF) == TR_REC1_MPIDR,
	    "REC1 ran with context 0x%lx and MPIDR 0x%lx", secondary_context, secondary_mpidr);
	ret = psci(PSCI_FID_AFFINITY_INFO_64, TR_REC1_MPIDR, 0, 0);
	rok(ret == 1, "PSCI_AFFINITY_INFO(REC1) after its CPU_OFF = %ld (OFF)", ret);
}

void realm_secondary(uint64_t context);
void realm_secondary(uint64_t context)
{
	secondary_mpidr = read_sysreg(mpidr_el1);
	secondary_context = context;
	rok(context == TR_REC1_CONTEXT, "REC1 started at the CPU_ON entry point, x0 = 0x%lx",
	    context);
	psci(PSCI_FID_CPU_OFF, 0, 0, 0);
	panic("PSCI CPU_OFF returned");
}
