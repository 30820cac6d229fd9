/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pure part of SMC dispatch (monitor/smc.c): where a function ID from a
 * given world goes.  Header-only and free of system registers, so the host
 * test monitor/tests/test_smc_route.c checks exactly the code the monitor
 * runs without monitor/Makefile listing another source.
 */
#ifndef MONITOR_SMC_ROUTE_H
#define MONITOR_SMC_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <abi/smccc.h>
#include <abi/rmi.h>
#include <abi/rmm-el3.h>
#include <smc.h>

/* SMCCC: bits [23:17] of a fast-call FID are reserved and must be zero. */
#define SMCCC_FID_MBZ_MASK	(0x7FU << 17)

enum smc_route {
	SMC_ROUTE_TABLE,	/* the monitor's own handler table decides */
	SMC_ROUTE_RMMD,		/* rmmd: RMI from NS, anything RMI/RMM-EL3 from Realm */
	SMC_ROUTE_REFUSE,	/* SMC_UNKNOWN, without looking any further */
};

/* One entry of the monitor's handler table and the worlds allowed to call it. */
struct smc_handler {
	uint32_t fid;
	unsigned int worlds;
	uint64_t (*call)(const struct smc_args *a);
};

static inline bool smc_is_std_smc64(uint32_t fid)
{
	return (fid & (SMCCC_FAST_CALL | SMCCC_SMC64)) == (SMCCC_FAST_CALL | SMCCC_SMC64) &&
	       SMCCC_FID_OEN(fid) == SMCCC_OEN_STD && !(fid & SMCCC_FID_MBZ_MASK);
}

static inline bool smc_is_rmi(uint32_t fid)
{
	uint32_t fnum = SMCCC_FID_FNUM(fid);

	return smc_is_std_smc64(fid) &&
	       ((fnum >= RMI_FNUM_RANGE1_FIRST && fnum <= RMI_FNUM_RANGE1_LAST) ||
		(fnum >= RMI_FNUM_RANGE2_FIRST && fnum <= RMI_FNUM_RANGE2_LAST));
}

static inline bool smc_is_rmm_el3(uint32_t fid)
{
	uint32_t fnum = SMCCC_FID_FNUM(fid);

	return smc_is_std_smc64(fid) && fnum >= RMM_EL3_FNUM_FIRST && fnum <= RMM_EL3_FNUM_LAST;
}

/*
 * RMI calls from NS go to the RMM; the Realm world (the RMM) may make
 * RMM->EL3 calls and complete RMIs.  Nobody else reaches rmmd: an RMM-EL3
 * FID from NS, or either range from Secure, is refused outright.  The SVE
 * hint (bit 16) is not part of the range check.  RMM_RMI_REQ_COMPLETE
 * (0x18F) sits at the end of the RMI range, so from NS it is forwarded as
 * an RMI and the RMM answers SMC_UNKNOWN (as with TF-A's RMMD).
 */
static inline enum smc_route smc_route(uint32_t fid, unsigned int world)
{
	if (smc_is_rmi(fid) || smc_is_rmm_el3(fid)) {
		if ((world == WORLD_NS && smc_is_rmi(fid)) || world == WORLD_REALM)
			return SMC_ROUTE_RMMD;
		return SMC_ROUTE_REFUSE;
	}
	return SMC_ROUTE_TABLE;
}

/* The first entry for fid decides: NULL if absent or not callable from world. */
static inline const struct smc_handler *smc_table_find(const struct smc_handler *t, size_t n,
						       uint32_t fid, unsigned int world)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].fid == fid)
			return (t[i].worlds & world) ? &t[i] : NULL;
	}
	return NULL;
}

#endif /* MONITOR_SMC_ROUTE_H */
