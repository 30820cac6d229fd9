/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The RMM's stage-1 translation tables (EL2&0 regime, 4 KiB granule,
 * 39-bit VA from level 1), laid out as plat-aarch64.h describes.  Built
 * once by the boot CPU with the MMU off (tables are addressed by PA) and
 * shared by every CPU.  Blocks are used wherever alignment allows; tables
 * come from a fixed pool, and running out of it fails the boot.
 */
#include <stdbool.h>
#include <stdint.h>
#include <plat-aarch64.h>
#include <runtime/arch.h>
#include <runtime/boot.h>

#define XLAT_ENTRIES		512
#define XLAT_POOL_TABLES	24
#define XLAT_ADDR_MASK		0x0000FFFFFFFFF000ULL

#define PTE_VALID		BIT(0)
#define PTE_TABLE		(BIT(0) | BIT(1))	/* levels 1-2; page at level 3 */
#define PTE_BLOCK		BIT(0)
#define PTE_ATTR(i)		((uint64_t)(i) << 2)
#define PTE_NS			BIT(5)		/* at R-EL2: Non-secure PAS */
#define PTE_AP_RO		BIT(7)
#define PTE_SH_INNER		(3ULL << 8)
#define PTE_AF			BIT(10)
#define PTE_PXN			BIT(53)
#define PTE_UXN			BIT(54)

#define MAIR_IDX_DEVICE		0
#define MAIR_IDX_NORMAL		1
#define MAIR_VALUE		((0x04ULL << (8 * MAIR_IDX_DEVICE)) |	/* Device-nGnRE */ \
				 (0xFFULL << (8 * MAIR_IDX_NORMAL)))	/* Normal WB RA WA */

/* TCR_EL2 with E2H = 1 (TCR_EL1 layout): TTBR0 only, 4 KiB, 40-bit PA. */
#define TCR_T0SZ		(64 - RMM_VA_BITS)
#define TCR_IRGN0_WBWA		(1ULL << 8)
#define TCR_ORGN0_WBWA		(1ULL << 10)
#define TCR_SH0_INNER		(3ULL << 12)
#define TCR_EPD1		BIT(23)
#define TCR_TG1_4K		(2ULL << 30)
#define TCR_IPS_40BIT		(2ULL << 32)
#define TCR_VALUE		(TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | \
				 TCR_EPD1 | TCR_TG1_4K | TCR_IPS_40BIT)

#define ATTR_NORMAL		(PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_UXN)
#define ATTR_CODE		(ATTR_NORMAL | PTE_AP_RO)
#define ATTR_RODATA		(ATTR_NORMAL | PTE_AP_RO | PTE_PXN)
#define ATTR_RW			(ATTR_NORMAL | PTE_PXN)
#define ATTR_NS_RW		(ATTR_RW | PTE_NS)
#define ATTR_DEVICE_NS		(PTE_ATTR(MAIR_IDX_DEVICE) | PTE_AF | PTE_PXN | PTE_UXN | PTE_NS)

static uint64_t xlat_root[XLAT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t xlat_pool[XLAT_POOL_TABLES][XLAT_ENTRIES] __attribute__((aligned(4096)));
static unsigned int xlat_used;

static unsigned int level_shift(unsigned int level)
{
	return 39 - 9 * level;		/* 1: 1 GiB, 2: 2 MiB, 3: 4 KiB */
}

/*
 * Map [va, va + size) to pa at this level and below.  Regions must not
 * overlap: a block is only written into an empty entry.
 */
static int map_level(uint64_t *table, unsigned int level, uint64_t va, uint64_t pa,
		     uint64_t size, uint64_t attr)
{
	uint64_t block = 1ULL << level_shift(level);

	while (size) {
		uint64_t *e = &table[(va >> level_shift(level)) & (XLAT_ENTRIES - 1)];
		uint64_t chunk = block - (va & (block - 1));

		if (chunk > size)
			chunk = size;
		if (level == 3) {
			if (*e)
				return -1;
			*e = pa | attr | PTE_TABLE;
		} else if (!*e && chunk == block && !(pa & (block - 1))) {
			*e = pa | attr | PTE_BLOCK;
		} else {
			if (*e && (*e & PTE_TABLE) != PTE_TABLE)
				return -1;
			if (!*e) {
				if (xlat_used == XLAT_POOL_TABLES)
					return -1;
				*e = (uint64_t)(uintptr_t)xlat_pool[xlat_used++] | PTE_TABLE;
			}
			if (map_level((uint64_t *)(uintptr_t)(*e & XLAT_ADDR_MASK), level + 1,
				      va, pa, chunk, attr))
				return -1;
		}
		va += chunk;
		pa += chunk;
		size -= chunk;
	}
	return 0;
}

static int map(uint64_t va, uint64_t pa, uint64_t size, uint64_t attr)
{
	if (!size)
		return 0;
	if ((va | pa | size) & GRANULE_MASK || va + size > (1ULL << RMM_VA_BITS))
		return -1;
	return map_level(xlat_root, 1, va, pa, size, attr);
}

/* A DRAM bank in the Realm PAS at VA == PA, around the RMM image. */
static int map_dram_realm(uint64_t base, uint64_t end)
{
	uint64_t img_start = (uint64_t)(uintptr_t)__rmm_start;
	uint64_t img_end = (uint64_t)(uintptr_t)__rmm_end;

	if (end <= img_start || base >= img_end)
		return map(base, base, end - base, ATTR_RW);
	if (base < img_start && map(base, base, img_start - base, ATTR_RW))
		return -1;
	if (end > img_end && map(img_end, img_end, end - img_end, ATTR_RW))
		return -1;
	return 0;
}

int rmm_xlat_build(const struct rmm_boot_info *info)
{
	uint64_t text = (uint64_t)(uintptr_t)__rmm_start;
	uint64_t ro = (uint64_t)(uintptr_t)__text_end;
	uint64_t rw = (uint64_t)(uintptr_t)__ro_end;
	uint64_t end = (uint64_t)(uintptr_t)__rmm_end;
	size_t i;

	if (map(text, text, ro - text, ATTR_CODE) ||
	    map(ro, ro, rw - ro, ATTR_RODATA) ||
	    map(rw, rw, end - rw, ATTR_RW))
		return -1;
	if (info->console_base && map(info->console_base, info->console_base,
				      GRANULE_SIZE, ATTR_DEVICE_NS))
		return -1;
	for (i = 0; i < info->num_dram; i++) {
		uint64_t base = info->dram[i].base, size = info->dram[i].size;

		if (map_dram_realm(base, base + size) ||
		    map(RMM_NS_ALIAS_BASE + base, base, size, ATTR_NS_RW))
			return -1;
	}
	return 0;
}

void rmm_mmu_enable(void)
{
	write_sysreg(mair_el2, MAIR_VALUE);
	write_sysreg(tcr_el2, TCR_VALUE);
	write_sysreg(ttbr0_el2, (uint64_t)(uintptr_t)xlat_root);
	dsb_sy();
	__asm__ volatile("tlbi alle2" ::: "memory");
	dsb_sy();
	isb();
	write_sysreg(sctlr_el2, SCTLR_EL2_MMU_OFF | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_WXN);
	isb();
}
