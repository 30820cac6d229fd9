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
/* The RMM-EL3 shared page (Realm PAS, mapped at VA = PA); 0 until boot sets it. */
static uint64_t el3_shared_pa;
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

void plat_el3_shared_set(uint64_t pa)
{
	el3_shared_pa = pa;
}

/* Callers serialise (<rmm/plat.h>): the page is one for all CPUs. */
int plat_el3_get_realm_key(uint8_t *scalar, size_t cap, size_t *len)
{
	uint8_t *shared = (uint8_t *)(uintptr_t)el3_shared_pa;
	struct plat_smc_regs r = { .x = {
		RMM_ATTEST_GET_REALM_KEY, el3_shared_pa, GRANULE_SIZE, RMM_EL3_ECC_CURVE_P384,
	} };
	int ret;

	if (el3_shared_pa == 0)
		return E_RMM_UNK;
	plat_smc_exchange(&r);
	ret = (int)(int64_t)r.x[0];
	if (ret == E_RMM_OK && (r.x[1] == 0 || r.x[1] > cap))
		ret = E_RMM_INVAL;
	if (ret == E_RMM_OK) {
		memcpy(scalar, shared, r.x[1]);
		*len = r.x[1];
	}
	/* The private key lives on only in RMM memory. */
	memset(shared, 0, GRANULE_SIZE);
	return ret;
}

int plat_el3_get_plat_token(const uint8_t *challenge, size_t c_size, void *dst,
			    size_t cap, size_t *hunk, size_t *remaining)
{
	uint8_t *shared = (uint8_t *)(uintptr_t)el3_shared_pa;
	size_t size = cap < GRANULE_SIZE ? cap : GRANULE_SIZE;
	struct plat_smc_regs r = { .x = {
		RMM_ATTEST_GET_PLAT_TOKEN, el3_shared_pa, size, c_size,
	} };
	int ret;

	*hunk = *remaining = 0;
	if (el3_shared_pa == 0)
		return E_RMM_UNK;
	if (c_size > size)
		return E_RMM_INVAL;
	if (c_size != 0)
		memcpy(shared, challenge, c_size);
	plat_smc_exchange(&r);
	ret = (int)(int64_t)r.x[0];
	if (ret != E_RMM_OK)
		return ret;
	if (r.x[1] > size)
		return E_RMM_FAULT;		/* EL3 broke the protocol */
	memcpy(dst, shared, r.x[1]);
	*hunk = r.x[1];
	*remaining = r.x[2];
	return E_RMM_OK;
}

void plat_panic(const char *why)
{
	rmm_puts("rmm: PANIC: ");
	rmm_puts(why);
	rmm_puts("\n");
	plat_halt();
}
