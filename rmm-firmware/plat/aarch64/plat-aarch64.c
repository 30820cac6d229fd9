/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * aarch64 (R-EL2) platform layer.
 *
 * Memory model until the RMM's own stage-1 tables exist: tracked DRAM is
 * reachable at VA == PA, so mapping a granule is the identity.  NS granules
 * are accessed through the same mapping; the RMM's granule tracker mirrors
 * the GPT for tracked DRAM (every delegation goes through the RMM), so an NS
 * access is refused when the tracker says the granule is not NS.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <rmm/granule.h>
#include <rmm/plat.h>

uint64_t plat_smc1(uint64_t fid, uint64_t arg);
_Noreturn void plat_halt(void);

/*
 * Conservative description of QEMU "max" without LPA2, used until the boot
 * code reads the ID registers (ID_AA64MMFR0/PFR0/DFR0, PMCR_EL0, ICH_VTR_EL2)
 * and calls plat_features_set().
 */
static struct plat_features features = {
	.pa_bits = 48,
	.lpa2 = false,
	.sve = false,
	.sve_max_vl = 0,
	.num_bps = 5,
	.num_wps = 3,
	.pmu = false,
	.pmu_num_ctrs = 0,
	.pmu_hpmn0 = false,
	.gicv3_num_lrs = 3,
	.max_recs_order = 10,
	.vmid_bits = 16,
};

void plat_features_set(const struct plat_features *f);

void plat_features_set(const struct plat_features *f)
{
	features = *f;
}

const struct plat_features *plat_get_features(void)
{
	return &features;
}

void *plat_granule_map(uint64_t pa)
{
	return (void *)(uintptr_t)pa;
}

void plat_granule_unmap(void *va)
{
	(void)va;
}

static bool ns_access_permitted(uint64_t pa)
{
	struct granule *g = granule_from_pa(pa & ~GRANULE_MASK);

	return g != NULL && granule_get_state(g) == GRANULE_STATE_NS;
}

bool plat_ns_read(void *dst, uint64_t pa, size_t len)
{
	if (!ns_access_permitted(pa))
		return false;
	memcpy(dst, (const void *)(uintptr_t)pa, len);
	return true;
}

bool plat_ns_write(uint64_t pa, const void *src, size_t len)
{
	if (!ns_access_permitted(pa))
		return false;
	memcpy((void *)(uintptr_t)pa, src, len);
	return true;
}

int plat_gtsi_delegate(uint64_t pa)
{
	return (int)(int64_t)plat_smc1(RMM_GTSI_DELEGATE, pa);
}

int plat_gtsi_undelegate(uint64_t pa)
{
	return (int)(int64_t)plat_smc1(RMM_GTSI_UNDELEGATE, pa);
}

void plat_panic(const char *why)
{
	(void)why;
	plat_halt();
}
