// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMC dispatch.  The caller's world is established first, from SCR_EL3 as
 * it was when the SMC was taken; smc_route() (<smc-route.h>, host-tested)
 * then sends RMI and RMM-EL3 calls to rmmd or refuses them, and looks every
 * other function ID up in one static table that also says which worlds may
 * call it.  Anything not in the table returns SMC_UNKNOWN, the architected
 * answer for an unknown function ID.  Arguments are copied out of the saved
 * frame once, and SMC32 arguments are truncated, so no handler sees the
 * caller's upper bits.
 */
#include <stdint.h>
#include <stdbool.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <arch.h>
#include <exception.h>
#include <psci.h>
#include <rmmd.h>
#include <smc.h>
#include <smc-route.h>

static uint64_t smccc_version(const struct smc_args *a);
static uint64_t smccc_arch_features(const struct smc_args *a);

static const struct smc_handler smc_handlers[] = {
	{ SMCCC_VERSION,		WORLD_NS, smccc_version },
	{ SMCCC_ARCH_FEATURES,		WORLD_NS, smccc_arch_features },
	{ PSCI_FID_VERSION,		WORLD_NS, psci_version },
	{ PSCI_FID_CPU_SUSPEND_32,	WORLD_NS, psci_cpu_suspend },
	{ PSCI_FID_CPU_SUSPEND_64,	WORLD_NS, psci_cpu_suspend },
	{ PSCI_FID_CPU_OFF,		WORLD_NS, psci_cpu_off },
	{ PSCI_FID_CPU_ON_32,		WORLD_NS, psci_cpu_on },
	{ PSCI_FID_CPU_ON_64,		WORLD_NS, psci_cpu_on },
	{ PSCI_FID_AFFINITY_INFO_32,	WORLD_NS, psci_affinity_info },
	{ PSCI_FID_AFFINITY_INFO_64,	WORLD_NS, psci_affinity_info },
	{ PSCI_FID_MIGRATE_INFO_TYPE,	WORLD_NS, psci_migrate_info_type },
	{ PSCI_FID_SYSTEM_OFF,		WORLD_NS, psci_system_off },
	{ PSCI_FID_SYSTEM_RESET,	WORLD_NS, psci_system_reset },
	{ PSCI_FID_FEATURES,		WORLD_NS, psci_features },
};

static const struct smc_handler *smc_lookup(uint32_t fid, unsigned int world)
{
	return smc_table_find(smc_handlers, sizeof(smc_handlers) / sizeof(smc_handlers[0]),
			      fid, world);
}

bool smc_fid_implemented(uint32_t fid, unsigned int world)
{
	return smc_lookup(fid, world) != NULL;
}

static uint64_t smccc_version(const struct smc_args *a)
{
	(void)a;
	return SMCCC_VERSION_1_2;
}

/* Only Arm Architecture Service calls are answered here (SMCCC 7.4). */
static uint64_t smccc_arch_features(const struct smc_args *a)
{
	uint32_t fid = (uint32_t)a->a[1];

	if (SMCCC_FID_OEN(fid) == SMCCC_OEN_ARCH && smc_fid_implemented(fid, a->world))
		return SMCCC_E_SUCCESS;
	return (uint64_t)(int64_t)SMCCC_E_NOT_SUPPORTED;
}

static unsigned int caller_world(void)
{
	uint64_t scr = read_sysreg(scr_el3);

	if (!(scr & SCR_NS))
		return WORLD_SECURE;
	return (scr & SCR_NSE) ? WORLD_REALM : WORLD_NS;
}

void smc_handle(struct el3_frame *f)
{
	const struct smc_handler *h;
	struct smc_args args;
	unsigned int i;

	args.world = caller_world();
	args.fid = (uint32_t)f->x[0];	/* the FID is W0; bits [63:32] are ignored */
	args.a[0] = args.fid;
	for (i = 1; i < 8; i++)
		args.a[i] = SMCCC_FID_IS_SMC64(args.fid) ? f->x[i] : (uint32_t)f->x[i];

	/*
	 * rmmd answers SMC_UNKNOWN itself while no RMM runs.  The SVE hint
	 * (bit 16) is part of the FID forwarded; x0..x7 are taken whole from
	 * the frame.
	 */
	switch (smc_route(args.fid, args.world)) {
	case SMC_ROUTE_RMMD:
		rmmd_smc(f, args.fid, args.world);
		return;
	case SMC_ROUTE_REFUSE:
		f->x[0] = SMC_UNKNOWN;
		return;
	case SMC_ROUTE_TABLE:
		break;
	}

	h = smc_lookup(args.fid, args.world);
	f->x[0] = h ? h->call(&args) : SMC_UNKNOWN;
}
