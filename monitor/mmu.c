// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL3 stage 1: a flat identity map, 39-bit VA starting at level 1.
 *
 *   flash0  2 MiB blocks  Normal WB, read-only, executable   Root PAS
 *   devices 2 MiB blocks  Device-nGnRE, RW, XN               Root PAS
 *   SRAM    2 MiB blocks  Normal WB, RW, XN                  Root PAS
 *   DRAM    1 GiB blocks  Normal WB, RW, XN                  Non-secure PAS
 *
 * Under RME, bit 11 of an EL3 descriptor is NSE and {NSE, NS} picks the
 * output PAS.  The monitor's own memory is Root (the GPT gives it GPI
 * ROOT); DRAM is reached through the Non-secure PAS because everything the
 * monitor writes there (kernel, initrd, DTB) belongs to the NS world, and a
 * Root access to an NS granule would fault once the GPC is on.  Devices
 * are accessed as Root, which the GIC and QEMU treat as Secure.  With WXN
 * set nothing writable is ever executable.
 *
 * One more 4 KiB page, the RMM-EL3 shared page, is mapped a second time at
 * MMU_SHARED_ALIAS_VA through the Realm PAS: once the GPC is on the page is
 * Realm, so the attestation services can reach it only that way (an NS
 * access would be a granule protection fault at EL3).
 */
#include <stdint.h>
#include <arch.h>
#include <mmu.h>
#include <panic.h>
#include <plat/layout.h>

#define PTE_BLOCK		0x1ULL
#define PTE_TABLE		0x3ULL
#define PTE_ATTR(i)		((uint64_t)(i) << 2)
#define PTE_NS			BIT(5)
#define PTE_AP_RO		BIT(7)
#define PTE_SH_INNER		(3ULL << 8)
#define PTE_AF			BIT(10)
#define PTE_NSE			BIT(11)
#define PTE_XN			BIT(54)

#define PAS_ROOT		PTE_NSE
#define PAS_NS			PTE_NS
#define PAS_REALM		(PTE_NSE | PTE_NS)
#define PTE_PAGE		0x3ULL

#define MAIR_IDX_DEVICE		0
#define MAIR_IDX_NORMAL		1
#define MAIR_VALUE		((0x04ULL << (8 * MAIR_IDX_DEVICE)) |	/* Device-nGnRE */ \
				 (0xFFULL << (8 * MAIR_IDX_NORMAL)))	/* Normal WB RA WA */

#define TCR_T0SZ_39BIT		25
#define TCR_IRGN0_WBWA		(1ULL << 8)
#define TCR_ORGN0_WBWA		(1ULL << 10)
#define TCR_SH0_INNER		(3ULL << 12)
#define TCR_PS_40BIT		(2ULL << 16)
#define TCR_EL3_RES1		(BIT(23) | BIT(31))
#define TCR_VALUE		(TCR_T0SZ_39BIT | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | \
				 TCR_SH0_INNER | TCR_PS_40BIT | TCR_EL3_RES1)

#define L1_SHIFT		30
#define L2_SHIFT		21
#define XLAT_ENTRIES		512
#define VA_LIMIT		(1ULL << (64 - TCR_T0SZ_39BIT))

#define ATTR_CODE		(PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_AP_RO | PAS_ROOT)
#define ATTR_DEVICE		(PTE_ATTR(MAIR_IDX_DEVICE) | PTE_AF | PTE_XN | PAS_ROOT)
#define ATTR_SRAM		(PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_XN | PAS_ROOT)
#define ATTR_DRAM		(PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_XN | PAS_NS)
#define ATTR_REALM		(PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_XN | PAS_REALM)
#define L3_SHIFT		12

_Static_assert(MMU_SHARED_ALIAS_VA + (1ULL << L1_SHIFT) == VA_LIMIT, "alias is the last L1 slot");

static uint64_t xlat_l1[XLAT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t xlat_l2_low[XLAT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t xlat_l2_alias[XLAT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t xlat_l3_alias[XLAT_ENTRIES] __attribute__((aligned(4096)));

static void map_2m_blocks(uint64_t base, uint64_t end, uint64_t attr)
{
	for (; base < end; base += 1ULL << L2_SHIFT)
		xlat_l2_low[base >> L2_SHIFT] = base | attr | PTE_BLOCK;
}

void mmu_init(uint64_t dram_base, uint64_t dram_end)
{
	uint64_t pa;

	if (dram_base & ((1ULL << L1_SHIFT) - 1) || dram_end > MMU_SHARED_ALIAS_VA ||
	    dram_base < (1ULL << L1_SHIFT))
		panic("DRAM 0x%lx-0x%lx does not fit the EL3 map", dram_base, dram_end);

	map_2m_blocks(FLASH0_BASE, FLASH0_BASE + FLASH0_SIZE, ATTR_CODE);
	map_2m_blocks(DEVICE_BASE, DEVICE_END, ATTR_DEVICE);
	map_2m_blocks(SRAM_BASE, SRAM_BASE + SRAM_SIZE, ATTR_SRAM);
	xlat_l1[0] = (uint64_t)(uintptr_t)xlat_l2_low | PTE_TABLE;

	for (pa = dram_base; pa < dram_end; pa += 1ULL << L1_SHIFT)
		xlat_l1[pa >> L1_SHIFT] = pa | ATTR_DRAM | PTE_BLOCK;

	/* The shared page's Realm view: L1 -> L2 -> L3, one page. */
	xlat_l3_alias[(MMU_SHARED_ALIAS_VA >> L3_SHIFT) % XLAT_ENTRIES] =
		RMM_SHARED_PAGE | ATTR_REALM | PTE_PAGE;
	xlat_l2_alias[(MMU_SHARED_ALIAS_VA >> L2_SHIFT) % XLAT_ENTRIES] =
		(uint64_t)(uintptr_t)xlat_l3_alias | PTE_TABLE;
	xlat_l1[MMU_SHARED_ALIAS_VA >> L1_SHIFT] = (uint64_t)(uintptr_t)xlat_l2_alias | PTE_TABLE;
	dsb_sy();
}

void mmu_enable_this_cpu(void)
{
	uint64_t sctlr = read_sysreg(sctlr_el3);

	if (sctlr & SCTLR_M)
		return;
	write_sysreg(mair_el3, MAIR_VALUE);
	write_sysreg(tcr_el3, TCR_VALUE);
	write_sysreg(ttbr0_el3, (uint64_t)(uintptr_t)xlat_l1);
	dsb_sy();
	__asm__ volatile("tlbi alle3" ::: "memory");
	dsb_sy();
	isb();
	write_sysreg(sctlr_el3, sctlr | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_WXN);
	isb();
}
