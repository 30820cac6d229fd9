/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * aarch64 (R-EL2) platform layer.
 *
 * Memory model (plat-aarch64.h): every DRAM bank is mapped twice by the
 * runtime's stage-1 tables, at VA == PA in the Realm PAS and at
 * RMM_NS_ALIAS_BASE + PA in the Non-secure PAS.  Granules the RMM owns are
 * therefore reachable at their PA; a Non-secure granule is only ever
 * touched through the alias, so the GPT itself decides whether the access
 * is allowed (a granule that is not NS faults and the copy reports false),
 * without trusting the host's view or racing with a concurrent delegation.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <plat-aarch64.h>

/*
 * Conservative description until the boot code has read the ID registers
 * and called plat_features_set().
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

static struct rmm_memory_bank ns_banks[GRANULE_MAX_BANKS];
static size_t ns_num_banks;

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

void plat_ns_banks_set(const struct rmm_memory_bank *banks, size_t num)
{
	if (num > GRANULE_MAX_BANKS)
		num = 0;
	memcpy(ns_banks, banks, num * sizeof(banks[0]));
	ns_num_banks = num;
}

/* [pa, pa + len) inside one DRAM bank, hence inside the NS alias. */
static void *ns_alias(uint64_t pa, size_t len)
{
	size_t i;

	if (pa + len < pa)
		return NULL;
	for (i = 0; i < ns_num_banks; i++) {
		if (pa >= ns_banks[i].base && pa + len <= ns_banks[i].base + ns_banks[i].size)
			return (void *)(uintptr_t)(RMM_NS_ALIAS_BASE + pa);
	}
	return NULL;
}

bool plat_ns_read(void *dst, uint64_t pa, size_t len)
{
	const void *src = ns_alias(pa, len);

	return src != NULL && plat_ns_copy(dst, src, len);
}

bool plat_ns_write(uint64_t pa, const void *src, size_t len)
{
	void *dst = ns_alias(pa, len);

	return dst != NULL && plat_ns_copy(dst, src, len);
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
	rmm_puts("rmm: PANIC: ");
	rmm_puts(why);
	rmm_puts("\n");
	plat_halt();
}
