// SPDX-License-Identifier: GPL-2.0-only
/*
 * The test realm's memory checks: RIPAS queries and changes (the host
 * accepts, except for changes to RAM at TR_REJECT_BASE: only those may be
 * rejected), an access to RIPAS EMPTY memory, emulated MMIO and a shared
 * page.
 */
#include "realm.h"

struct ripas_run {
	uint64_t status, top, ripas;
};

static struct ripas_run ipa_state_get(uint64_t base, uint64_t top)
{
	struct smc_regs r = smc(RSI_IPA_STATE_GET, base, top, 0, 0);

	return (struct ripas_run){ r.x[0], r.x[1], r.x[2] };
}

/* The RIPAS of every granule in [base, top) is @ripas (asks again per run). */
static bool range_is(uint64_t base, uint64_t top, uint64_t ripas)
{
	while (base < top) {
		struct ripas_run r = ipa_state_get(base, top);

		if (r.status != RSI_SUCCESS || r.ripas != ripas || r.top <= base || r.top > top)
			return false;
		base = r.top;
	}
	return true;
}

/* RSI_IPA_STATE_SET until done or refused: the RMM may stop early. */
static uint64_t ipa_state_set(uint64_t base, uint64_t top, uint64_t ripas, uint64_t *response)
{
	struct smc_regs r;

	do {
		r = smc(RSI_IPA_STATE_SET, base, top, ripas, 0);
		*response = r.x[2];
		if (r.x[0] != RSI_SUCCESS || r.x[2] != RSI_ACCEPT)
			break;
		if (r.x[1] <= base)
			return ~0ULL;	/* no progress: report as a failure */
		base = r.x[1];
	} while (base < top);
	return r.x[0];
}

void test_ipa_state(void)
{
	struct ripas_run g = ipa_state_get(TR_RAM_BASE, TR_RAM_TOP);
	uint64_t ret, resp, v;

	rok(g.status == RSI_SUCCESS && g.ripas == RSI_RIPAS_RAM && g.top > TR_RAM_BASE,
	    "RSI_IPA_STATE_GET(RAM) = %lu: RIPAS %lu up to 0x%lx", g.status, g.ripas, g.top);
	rok(range_is(TR_RAM_BASE, TR_RAM_TOP, RSI_RIPAS_RAM),
	    "all of RAM [0x%lx, 0x%lx) is RIPAS RAM after RMI_RTT_INIT_RIPAS", TR_RAM_BASE,
	    TR_RAM_TOP);
	rok(range_is(TR_RAM_TOP, TR_RAM_TOP + 0x200000, RSI_RIPAS_EMPTY),
	    "the 2 MiB above RAM are RIPAS EMPTY");
	g = ipa_state_get(TR_RAM_BASE + 8, TR_RAM_TOP);
	rok(g.status == RSI_ERROR_INPUT, "RSI_IPA_STATE_GET(unaligned) = %lu (ERROR_INPUT)",
	    g.status);
	g = ipa_state_get(TR_RAM_BASE, TR_UNPROTECTED + GRANULE);
	rok(g.status == RSI_ERROR_INPUT, "RSI_IPA_STATE_GET(into the unprotected half) = %lu (ERROR_INPUT)",
	    g.status);

	ret = ipa_state_set(TR_SCRATCH_BASE, TR_REJECT_BASE, RSI_RIPAS_EMPTY, &resp);
	rok(ret == RSI_SUCCESS && resp == RSI_ACCEPT &&
	    range_is(TR_SCRATCH_BASE, TR_REJECT_BASE, RSI_RIPAS_EMPTY),
	    "RSI_IPA_STATE_SET(RAM -> EMPTY) = %lu, response %lu (host accepted), now EMPTY",
	    ret, resp);
	rok(probe_read64(TR_SCRATCH_BASE, &v) && ESR_EC(exc.esr) == EC_DABT_CUR &&
	    ESR_FSC(exc.esr) == FSC_SEA,
	    "reading RIPAS EMPTY memory is a synchronous external abort: ESR_EL1 0x%lx", exc.esr);
	ret = ipa_state_set(TR_SCRATCH_BASE, TR_REJECT_BASE, RSI_RIPAS_RAM, &resp);
	rok(ret == RSI_SUCCESS && resp == RSI_ACCEPT &&
	    range_is(TR_SCRATCH_BASE, TR_REJECT_BASE, RSI_RIPAS_RAM),
	    "RSI_IPA_STATE_SET(EMPTY -> RAM) = %lu, response %lu, RAM again", ret, resp);
	rok(!probe_read64(TR_SCRATCH_BASE, &v),
	    "the page is usable again (the host populated it on the realm's access)");

	ret = ipa_state_set(TR_REJECT_BASE, TR_SCRATCH_TOP, RSI_RIPAS_EMPTY, &resp);
	rok(ret == RSI_SUCCESS && resp == RSI_ACCEPT &&
	    range_is(TR_REJECT_BASE, TR_SCRATCH_TOP, RSI_RIPAS_EMPTY),
	    "RSI_IPA_STATE_SET(RAM -> EMPTY) at the reject range = %lu, response %lu", ret, resp);
	ret = ipa_state_set(TR_REJECT_BASE, TR_SCRATCH_TOP, RSI_RIPAS_RAM, &resp);
	rok(ret == RSI_SUCCESS && resp == RSI_REJECT &&
	    range_is(TR_REJECT_BASE, TR_SCRATCH_TOP, RSI_RIPAS_EMPTY),
	    "RSI_IPA_STATE_SET(EMPTY -> RAM) the host rejects = %lu, response %lu (REJECT), still EMPTY",
	    ret, resp);
	ret = smc(RSI_IPA_STATE_SET, TR_SCRATCH_BASE, TR_SCRATCH_TOP, RSI_RIPAS_DESTROYED, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_IPA_STATE_SET(to DESTROYED) = %lu (ERROR_INPUT)", ret);
	ret = smc(RSI_IPA_STATE_SET, TR_SCRATCH_TOP, TR_SCRATCH_BASE, RSI_RIPAS_EMPTY, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_IPA_STATE_SET(top below base) = %lu (ERROR_INPUT)", ret);
	ret = smc(RSI_IPA_STATE_SET, TR_SCRATCH_BASE, TR_SCRATCH_TOP, RSI_RIPAS_EMPTY, 2).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_IPA_STATE_SET(unknown flag) = %lu (ERROR_INPUT)", ret);
}

/*
 * MMIO accessors with one plain load/store each: an access with base
 * register writeback (which the compiler may pick for a volatile pointer)
 * has no valid instruction syndrome, and the host could not emulate it.
 */
static uint64_t mmio_read64(uint64_t ipa)
{
	uint64_t v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(ipa) : "memory");
	return v;
}

static uint32_t mmio_read32(uint64_t ipa)
{
	uint32_t v;

	__asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(ipa) : "memory");
	return v;
}

static void mmio_write64(uint64_t ipa, uint64_t v)
{
	__asm__ volatile("str %0, [%1]" : : "r"(v), "r"(ipa) : "memory");
}

void test_mmio(void)
{
	uint64_t v = mmio_read64(TR_MMIO_IPA);
	uint32_t w;

	rok(v == TR_MMIO_READ_VALUE, "64-bit MMIO read completed by the host: 0x%lx", v);
	w = mmio_read32(TR_MMIO_IPA + 0x10);
	rok(w == (uint32_t)TR_MMIO_READ_VALUE, "32-bit MMIO read completed by the host: 0x%x", w);
	mmio_write64(TR_MMIO_IPA + 8, TR_MMIO_WRITE_VALUE);	/* the host reports what it saw */
	rok(probe_read64(TR_MMIO_IPA + 0x100, &v) && ESR_EC(exc.esr) == EC_DABT_CUR &&
	    ESR_FSC(exc.esr) == FSC_SEA,
	    "an MMIO read the host refuses is a synchronous external abort: ESR_EL1 0x%lx",
	    exc.esr);
}

void test_shared(void)
{
	volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)TR_SHARED_IPA;
	unsigned int bad = 0;

	for (unsigned int i = 0; i < GRANULE / 8; i++)
		p[i] = tr_shared_word(i, 0);
	host_call(TR_HC_SHARED, NULL, 0, NULL);
	for (unsigned int i = 0; i < GRANULE / 8; i++)
		bad += p[i] != tr_shared_word(i, 1);
	rok(!bad, "the shared page carries data both ways (%u words wrong)", bad);
}
