/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Granule Protection Table construction and granule transitions, in
 * portable C: no system registers and no inline assembly, so the same file
 * builds for the firmware and for host unit tests.  The few operations that
 * need the CPU (locking, cache maintenance to the PoPA, TLB invalidation by
 * PA) are the gpt_arch_* hooks, provided by gpt-arch.c in the firmware and
 * by fakes in tests/test_gpt.c.
 *
 * Supported geometry: 4 KiB granules (PGS 0), L0GPTSZ 30 (1 GiB per L0
 * entry), any PPS; one 128 KiB L1 table per GiB that needs granule detail.
 */
#ifndef MONITOR_GPT_H
#define MONITOR_GPT_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* Granule Protection Information values. */
#define GPI_NO_ACCESS		0x0U
#define GPI_SECURE		0x8U
#define GPI_NS			0x9U
#define GPI_ROOT		0xAU
#define GPI_REALM		0xBU
#define GPI_ANY			0xFU

/* Physical address spaces, as tagged in bits [63:62] of a PA operand. */
#define GPT_PAS_SECURE		0U
#define GPT_PAS_ROOT		1U
#define GPT_PAS_NS		2U
#define GPT_PAS_REALM		3U
#define GPT_PAS_SHIFT		62

#define GPT_GRANULE_SHIFT	12
#define GPT_GRANULE_SIZE	(1ULL << GPT_GRANULE_SHIFT)
#define GPT_L0GPTSZ_BITS	30
#define GPT_L1_ENTRY_SHIFT	16	/* one 64-bit L1 entry = 16 granules */
#define GPT_L1_ENTRIES		(1U << (GPT_L0GPTSZ_BITS - GPT_L1_ENTRY_SHIFT))
#define GPT_L1_TABLE_BYTES	(GPT_L1_ENTRIES * 8U)

struct gpt_region {
	uint64_t base;
	uint64_t size;
	unsigned int gpi;
	bool delegable;		/* granules may move NS <-> Realm at run time */
};

struct gpt {
	unsigned int pps_bits;		/* protected physical address size */
	uint64_t *l0;			/* L0 table, 2^(pps - 30) entries */
	uint64_t *l1;			/* L1 area, as seen by this code */
	uint64_t l1_pa;			/* L1 area, as seen by the GPC */
	unsigned int l1_capacity;	/* tables that fit the area */
	unsigned int l1_used;
	const struct gpt_region *regions;	/* sorted, non-overlapping */
	size_t nregions;
	unsigned int default_gpi;	/* for PAs in no region */
};

/*
 * Fill L0 and L1 from g->regions.  An L0 entry gets an L1 table when its
 * GiB holds more than one GPI or any delegable granule; otherwise a block
 * descriptor.  Returns 0, or -1 if the L1 area is too small or the layout
 * is malformed.
 */
int gpt_build(struct gpt *g);

/* GPI of the granule containing pa; -1 if pa is outside the PPS. */
int gpt_get_gpi(const struct gpt *g, uint64_t pa);

/*
 * NS -> Realm and Realm -> NS for one 4 KiB granule, with the maintenance
 * sequences the architecture requires.  Return E_RMM_OK, E_RMM_BAD_ADDR
 * (unaligned, outside delegable DRAM) or E_RMM_BAD_PAS (granule not in the
 * source PAS: Root, Secure, or already in the target PAS).
 */
int gpt_table_delegate(struct gpt *g, uint64_t pa);
int gpt_table_undelegate(struct gpt *g, uint64_t pa);

/* Provided by the environment. */
void gpt_arch_lock(void);
void gpt_arch_unlock(void);
/* Clean and invalidate one granule to the PoPA, for the PA in the given PAS. */
void gpt_arch_popa_clean_inval(uint64_t pa, unsigned int pas);
/* Make a GPT store visible, then invalidate cached GPT info for one granule
 * across the outer-shareable domain and wait for it. */
void gpt_arch_tlbi_granule(uint64_t pa);

#endif /* MONITOR_GPT_H */
