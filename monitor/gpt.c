// SPDX-License-Identifier: GPL-2.0-only
/*
 * Granule Protection Table: building and granule transitions (portable;
 * see include/gpt.h for the split with gpt-arch.c).
 */
#include <abi/rmm-el3.h>
#include <gpt.h>

#define L0_DESC_BLOCK		0x1ULL
#define L0_DESC_TABLE		0x3ULL
#define L0_DESC_TYPE_MASK	0xFULL
#define L0_BLOCK_GPI_SHIFT	4
#define L0_TABLE_ADDR_MASK	0x000FFFFFFFFFF000ULL
#define GPI_MASK		0xFULL
#define GPIS_PER_L1_ENTRY	16
#define L1_ENTRY_SPAN		(1ULL << GPT_L1_ENTRY_SHIFT)
#define L0_SPAN			(1ULL << GPT_L0GPTSZ_BITS)

static uint64_t l1_replicate(unsigned int gpi)
{
	return (uint64_t)gpi * 0x1111111111111111ULL;
}

static uint64_t l0_entries(const struct gpt *g)
{
	return 1ULL << (g->pps_bits - GPT_L0GPTSZ_BITS);
}

static const struct gpt_region *region_of(const struct gpt *g, uint64_t pa)
{
	size_t i;

	for (i = 0; i < g->nregions; i++) {
		const struct gpt_region *r = &g->regions[i];

		if (pa >= r->base && pa - r->base < r->size)
			return r;
	}
	return NULL;
}

static unsigned int gpi_at(const struct gpt *g, uint64_t pa)
{
	const struct gpt_region *r = region_of(g, pa);

	return r ? r->gpi : g->default_gpi;
}

static bool overlaps(const struct gpt_region *r, uint64_t base, uint64_t size)
{
	return r->base < base + size && base < r->base + r->size;
}

static bool covers(const struct gpt_region *r, uint64_t base, uint64_t size)
{
	return r->base <= base && base + size <= r->base + r->size;
}

/* Does [base, base + size) need per-granule GPIs? */
static bool needs_detail(const struct gpt *g, uint64_t base, uint64_t size, bool want_delegable)
{
	unsigned int gpi = gpi_at(g, base);
	size_t i;

	for (i = 0; i < g->nregions; i++) {
		const struct gpt_region *r = &g->regions[i];

		if (!overlaps(r, base, size))
			continue;
		if ((want_delegable && r->delegable) || !covers(r, base, size) || r->gpi != gpi)
			return true;
	}
	return false;
}

static void fill_l1(const struct gpt *g, uint64_t *table, uint64_t base)
{
	unsigned int i, n;

	for (i = 0; i < GPT_L1_ENTRIES; i++) {
		uint64_t pa = base + (uint64_t)i * L1_ENTRY_SPAN;
		uint64_t entry = 0;

		if (!needs_detail(g, pa, L1_ENTRY_SPAN, false)) {
			table[i] = l1_replicate(gpi_at(g, pa));
			continue;
		}
		for (n = 0; n < GPIS_PER_L1_ENTRY; n++)
			entry |= (uint64_t)gpi_at(g, pa + n * GPT_GRANULE_SIZE) << (4 * n);
		table[i] = entry;
	}
}

static bool layout_valid(const struct gpt *g)
{
	size_t i;

	if (g->pps_bits < GPT_L0GPTSZ_BITS || g->pps_bits > 52)
		return false;
	for (i = 0; i < g->nregions; i++) {
		const struct gpt_region *r = &g->regions[i];

		if (!r->size || (r->base | r->size) & (GPT_GRANULE_SIZE - 1) ||
		    r->base + r->size < r->base || r->gpi > GPI_MASK)
			return false;
		if (i && r->base < g->regions[i - 1].base + g->regions[i - 1].size)
			return false;
	}
	return true;
}

int gpt_build(struct gpt *g)
{
	uint64_t i;

	if (!layout_valid(g))
		return -1;
	g->l1_used = 0;
	for (i = 0; i < l0_entries(g); i++) {
		uint64_t base = i * L0_SPAN;
		uint64_t *table;

		if (!needs_detail(g, base, L0_SPAN, true)) {
			g->l0[i] = ((uint64_t)gpi_at(g, base) << L0_BLOCK_GPI_SHIFT) | L0_DESC_BLOCK;
			continue;
		}
		if (g->l1_used == g->l1_capacity)
			return -1;
		table = g->l1 + (uint64_t)g->l1_used * GPT_L1_ENTRIES;
		fill_l1(g, table, base);
		g->l0[i] = (g->l1_pa + (uint64_t)g->l1_used * GPT_L1_TABLE_BYTES) | L0_DESC_TABLE;
		g->l1_used++;
	}
	return 0;
}

/* The L1 entry holding pa's GPI, or NULL if pa is covered by an L0 block. */
static uint64_t *l1_entry_of(const struct gpt *g, uint64_t pa)
{
	uint64_t desc = g->l0[pa >> GPT_L0GPTSZ_BITS];
	uint64_t table_pa = desc & L0_TABLE_ADDR_MASK;

	if ((desc & L0_DESC_TYPE_MASK) != L0_DESC_TABLE)
		return NULL;
	return g->l1 + (table_pa - g->l1_pa) / 8 +
	       ((pa >> GPT_L1_ENTRY_SHIFT) & (GPT_L1_ENTRIES - 1));
}

static unsigned int nibble_of(uint64_t pa)
{
	return (unsigned int)((pa >> GPT_GRANULE_SHIFT) & (GPIS_PER_L1_ENTRY - 1)) * 4;
}

int gpt_get_gpi(const struct gpt *g, uint64_t pa)
{
	const uint64_t *entry;

	if (pa >> g->pps_bits)
		return -1;
	entry = l1_entry_of(g, pa);
	if (!entry)
		return (int)((g->l0[pa >> GPT_L0GPTSZ_BITS] >> L0_BLOCK_GPI_SHIFT) & GPI_MASK);
	return (int)((*entry >> nibble_of(pa)) & GPI_MASK);
}

/* One 64-bit store: the GPC never sees a half-updated entry. */
static void set_gpi(const struct gpt *g, uint64_t pa, unsigned int gpi)
{
	uint64_t *entry = l1_entry_of(g, pa);
	unsigned int shift = nibble_of(pa);

	*(volatile uint64_t *)entry = (*entry & ~(GPI_MASK << shift)) | ((uint64_t)gpi << shift);
}

/* Granule-aligned, in a delegable region and backed by an L1 table. */
static bool delegable(const struct gpt *g, uint64_t pa)
{
	const struct gpt_region *r;

	if (pa & (GPT_GRANULE_SIZE - 1) || pa >> g->pps_bits)
		return false;
	r = region_of(g, pa);
	return r && r->delegable && l1_entry_of(g, pa);
}

int gpt_table_delegate(struct gpt *g, uint64_t pa)
{
	if (!delegable(g, pa))
		return E_RMM_BAD_ADDR;
	gpt_arch_lock();
	if (gpt_get_gpi(g, pa) != (int)GPI_NS) {
		gpt_arch_unlock();
		return E_RMM_BAD_PAS;
	}
	/* Drop anything speculatively fetched under the target PAS. */
	gpt_arch_popa_clean_inval(pa, GPT_PAS_REALM);
	set_gpi(g, pa, GPI_REALM);
	gpt_arch_tlbi_granule(pa);
	/* NS data must not linger where the Realm PAS could hit it. */
	gpt_arch_popa_clean_inval(pa, GPT_PAS_NS);
	gpt_arch_unlock();
	return E_RMM_OK;
}

int gpt_table_undelegate(struct gpt *g, uint64_t pa)
{
	if (!delegable(g, pa))
		return E_RMM_BAD_ADDR;
	gpt_arch_lock();
	if (gpt_get_gpi(g, pa) != (int)GPI_REALM) {
		gpt_arch_unlock();
		return E_RMM_BAD_PAS;
	}
	/* No access while cached copies in either PAS are removed. */
	set_gpi(g, pa, GPI_NO_ACCESS);
	gpt_arch_tlbi_granule(pa);
	gpt_arch_popa_clean_inval(pa, GPT_PAS_REALM);
	gpt_arch_popa_clean_inval(pa, GPT_PAS_NS);
	set_gpi(g, pa, GPI_NS);
	gpt_arch_tlbi_granule(pa);
	gpt_arch_unlock();
	return E_RMM_OK;
}
