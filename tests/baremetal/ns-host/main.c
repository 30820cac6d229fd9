// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ns-host tests: what the Non-secure world can and cannot do through
 * the monitor's SMC interface, checked from NS-EL2 without Linux in the
 * way (issue acceptance: RMI_VERSION, delegate -> GPF -> undelegate,
 * refused delegates, unknown FIDs, RMM-EL3 FIDs refused from NS), then
 * the bare-metal realm test (realm-test.c) or, with realm_stack.bench=1
 * on the command line, the RMM benchmark (bench.c).
 *
 * The test granule is 2 MiB below the end of DRAM (from the DTB's /memory
 * node): far from the DTB, this image and the initrd, and the monitor
 * reserves nothing at the top of DRAM (plat/layout.h).
 */
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rmm-el3.h>
#include <abi/smccc.h>
#include <ns-host.h>
#include <plat/layout.h>
#include <realm-host.h>

/* The test realms' granules: 48 MiB below the test granule, 16 MiB each. */
#define POOL_SIZE	0x3000000UL
#define POOL_PART	(POOL_SIZE / 3)

extern char _head[], _end[];

static_assert(LOAD_ADDR == KERNEL_BASE, "the Makefile's LOAD_ADDR must be layout.h's KERNEL_BASE");

static uint64_t dram_base, dram_end, initrd_end;

/* DRAM from /memory, and a free granule checked against initrd and image. */
static uint64_t find_test_granule(const void *dtb)
{
	const uint32_t *ac, *sc, *reg, *ie;
	uint32_t len, ilen;
	uint64_t g;

	if (!ok(fdt_valid(dtb), "x0 = 0x%lx is a flattened device tree", (uint64_t)(uintptr_t)dtb))
		finish("no DTB in x0");
	ac = fdt_prop(dtb, "", "#address-cells", &len);
	sc = fdt_prop(dtb, "", "#size-cells", &len);
	reg = fdt_prop(dtb, "memory", "reg", &len);
	if (!ac || !sc || !reg || fdt_cells(ac, 1) != 2 || fdt_cells(sc, 1) != 2 || len < 16)
		finish("DTB: no /memory reg with 2 address and 2 size cells");
	dram_base = fdt_cells(reg, 2);
	dram_end = dram_base + fdt_cells(reg + 2, 2);
	ie = fdt_prop(dtb, "chosen", "linux,initrd-end", &ilen);
	if (ie)
		initrd_end = fdt_cells(ie, ilen / 4);

	g = dram_end - 0x200000;
	if (!ok(dram_base == DRAM_BASE && g > initrd_end && g > (uintptr_t)_end &&
		g >= RMM_CARVEOUT_END,
		"DRAM 0x%lx-0x%lx, initrd ends 0x%lx, test granule 0x%lx is free NS DRAM",
		dram_base, dram_end - 1, initrd_end, g))
		finish("no free NS granule to delegate");	/* never scribble on the initrd */
	return g;
}

static void test_version(void)
{
	struct smc_ret r = smc(RMI_VERSION, RMI_ABI_VERSION_1_0, 0, 0);

	ok(r.x0 == RMI_SUCCESS && r.x1 == RMI_ABI_VERSION_1_0 && r.x2 >= RMI_ABI_VERSION_1_0,
	   "RMI_VERSION(1.0): status %lu, lower %lu.%lu, higher %lu.%lu", r.x0,
	   RMI_ABI_VERSION_MAJOR(r.x1), RMI_ABI_VERSION_MINOR(r.x1),
	   RMI_ABI_VERSION_MAJOR(r.x2), RMI_ABI_VERSION_MINOR(r.x2));
}

/* Delegate, fault on access, undelegate, access again (and it was wiped). */
static void test_delegate_cycle(uint64_t g)
{
	uint64_t v = 0, ret;

	fill(g);
	ok(intact(g), "NS reads and writes 0x%lx before delegation", g);
	ret = rmi(RMI_GRANULE_DELEGATE, g);
	ok(ret == RMI_SUCCESS, "RMI_GRANULE_DELEGATE(0x%lx) = %lu", g, ret);

	ok(probe_read(g + 0x10, &v) && is_gpf_at(g + 0x10) && v == SENTINEL,
	   "NS read of the delegated granule takes a GPF: ESR_EL2 0x%lx (EC 0x%lx, DFSC 0x%lx), FAR 0x%lx",
	   fault.esr, ESR_EC(fault.esr), ESR_DFSC(fault.esr), fault.far);
	ok(probe_write(g, 0) && is_gpf_at(g) && (fault.esr & ESR_WNR),
	   "NS write to the delegated granule takes a GPF: ESR_EL2 0x%lx (WnR), FAR 0x%lx",
	   fault.esr, fault.far);

	ret = rmi(RMI_GRANULE_DELEGATE, g);
	ok(ret == RMI_ERROR_INPUT, "RMI_GRANULE_DELEGATE of a delegated granule = %lu (ERROR_INPUT)", ret);
	ret = rmi(RMM_GTSI_UNDELEGATE, g);
	ok(ret == SMC_UNKNOWN && probe_read(g, &v) && is_gpf_at(g),
	   "RMM_GTSI_UNDELEGATE from NS = 0x%lx (SMC_UNKNOWN), the granule still faults", ret);

	ret = rmi(RMI_GRANULE_UNDELEGATE, g);
	ok(ret == RMI_SUCCESS, "RMI_GRANULE_UNDELEGATE(0x%lx) = %lu", g, ret);
	/* The RMM wipes on delegate (a delegated granule is all zero): nothing of ours survives. */
	ok(!probe_read(g, &v) && all_zero(g),
	   "NS read works again after undelegate and the granule is all zero");
	ret = rmi(RMI_GRANULE_UNDELEGATE, g);
	ok(ret == RMI_ERROR_INPUT, "RMI_GRANULE_UNDELEGATE of an NS granule = %lu (ERROR_INPUT)", ret);
}

/* Each refused delegate must leave the NS test granule as it was. */
static void refused(uint64_t g, uint64_t pa, const char *what)
{
	uint64_t ret = rmi(RMI_GRANULE_DELEGATE, pa);

	ok(ret == RMI_ERROR_INPUT && intact(g),
	   "RMI_GRANULE_DELEGATE of %s 0x%lx = %lu (ERROR_INPUT), test granule unchanged",
	   what, pa, ret);
}

static void test_refusals(uint64_t g)
{
	uint64_t v;

	fill(g);
	refused(g, ROOT_SRAM_BASE, "Root SRAM (monitor data)");
	refused(g, GPT_L0_BASE, "Root SRAM (GPT L0 table)");
	ok(probe_read(ROOT_SRAM_BASE, &v) && is_gpf_at(ROOT_SRAM_BASE),
	   "Root SRAM still faults for NS: ESR_EL2 0x%lx", fault.esr);
	refused(g, RMM_CARVEOUT_BASE, "the RMM carve-out (Realm)");
	ok(probe_read(RMM_CARVEOUT_BASE, &v) && is_gpf_at(RMM_CARVEOUT_BASE),
	   "the RMM carve-out still faults for NS: ESR_EL2 0x%lx", fault.esr);
	refused(g, RMM_SHARED_PAGE, "the RMM-EL3 shared page (Realm)");
	refused(g, g + 0x800, "an unaligned address");
	refused(g, dram_end, "the first granule beyond DRAM");
	refused(g, 1ULL << 40, "1 TiB, far beyond DRAM");
}

static void test_unknown_fids(void)
{
	static const uint32_t fids[] = {
		0xC4000300,	/* standard service, unallocated */
		0x8400FFFF,	/* SMC32 standard service, unallocated */
		0xC7000000,	/* standard hypervisor service: this monitor offers none */
		0x84000150,	/* RMI_VERSION's number as SMC32: not RMI */
	};

	for (unsigned int i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint64_t ret = rmi(fids[i], 0);

		ok(ret == SMC_UNKNOWN, "unknown FID 0x%x returns 0x%lx (SMC_UNKNOWN)", fids[i], ret);
	}
}

/* RMM->EL3 calls are for the Realm world only; from NS they change nothing. */
static void test_rmm_el3_from_ns(uint64_t g)
{
	static const struct { uint32_t fid; const char *name; } calls[] = {
		{ RMM_GTSI_DELEGATE,		"RMM_GTSI_DELEGATE" },
		{ RMM_ATTEST_GET_REALM_KEY,	"RMM_ATTEST_GET_REALM_KEY" },
		{ RMM_ATTEST_GET_PLAT_TOKEN,	"RMM_ATTEST_GET_PLAT_TOKEN" },
		{ RMM_BOOT_COMPLETE,		"RMM_BOOT_COMPLETE" },
		{ RMM_RMI_REQ_COMPLETE,		"RMM_RMI_REQ_COMPLETE" },
	};

	fill(g);
	for (unsigned int i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		/* x1 = the granule (PA / buffer), x2 = its size, x3 = 0. */
		uint64_t ret = smc(calls[i].fid, g, GRANULE, 0).x0;

		ok(ret == SMC_UNKNOWN && intact(g),
		   "%s (0x%x) from NS = 0x%lx (SMC_UNKNOWN), granule 0x%lx still NS and unchanged",
		   calls[i].name, calls[i].fid, ret, g);
	}
}

static void test_versions(void)
{
	uint64_t v = smc(PSCI_FID_VERSION, 0, 0, 0).x0;

	ok(v == PSCI_VERSION_1_1, "PSCI_VERSION = %lu.%lu", v >> 16, v & 0xFFFF);
	v = smc(SMCCC_VERSION, 0, 0, 0).x0;
	ok(v == SMCCC_VERSION_1_2, "SMCCC_VERSION = %lu.%lu", v >> 16, v & 0xFFFF);
}

/* "realm_stack.bench=1" on the command line: the benchmark, nothing else. */
static bool bench_mode(const void *dtb)
{
	static const char key[] = "realm_stack.bench=1";
	uint32_t len;
	const char *args = (const char *)fdt_prop(dtb, "chosen", "bootargs", &len);

	for (uint32_t i = 0; args && i + sizeof(key) - 1 <= len; i++) {
		uint32_t j = 0;

		while (j < sizeof(key) - 1 && args[i + j] == key[j])
			j++;
		if (j == sizeof(key) - 1)
			return true;
	}
	return false;
}

void ns_main(const void *dtb)
{
	uint64_t g;

	con_printf("# ns-host: bare-metal NS-EL2 payload (CurrentEL %lu), DTB at 0x%lx\n",
		   read_sysreg(CurrentEL) >> 2, (uint64_t)(uintptr_t)dtb);
	/*
	 * Code and data are reached PC-relatively, but the tables of names are
	 * absolute pointers: only the monitor's load address works (QEMU's own
	 * -kernel loader puts an Image elsewhere).  &_head is PC-relative.
	 */
	if ((uintptr_t)_head != LOAD_ADDR)
		finish("not loaded at the link address (booted by the monitor?)");
	g = find_test_granule(dtb);
	if (!ok(g - POOL_SIZE > initrd_end && g - POOL_SIZE > (uintptr_t)_end,
		"the realm's granule pool 0x%lx-0x%lx is free NS DRAM", g - POOL_SIZE, g - 1))
		finish("no room for the test realm");
	if (bench_mode(dtb)) {
		realm_bench(g - POOL_SIZE, g);
		finish(NULL);
	}
	test_version();
	test_delegate_cycle(g);
	test_refusals(g);
	test_unknown_fids();
	test_rmm_el3_from_ns(g);
	test_versions();
	realm_fuzz(g - POOL_SIZE, g - 2 * POOL_PART);
	realm_smp(g - 2 * POOL_PART, g - POOL_PART);
	realm_test(g - POOL_PART, g);	/* last: its token is the one verified */
	finish(NULL);
}
