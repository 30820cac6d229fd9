/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RTT descriptors, geometry, unfold/fold and the locked walk.  The encoding
 * is described in <rmm/s2tt.h>; the RMM-only states are an implementation
 * choice, the valid descriptors follow the Arm ARM stage-2 format with
 * FEAT_S2FWB (cca-interfaces.md §6.4).
 */
#include <abi/rmi.h>
#include <rmm/assert.h>
#include <rmm/plat.h>
#include <rmm/s2tt.h>

#define DESC_TYPE_MASK		0x3ULL
#define DESC_TYPE_INVALID	0x0ULL
#define DESC_TYPE_BLOCK		0x1ULL
#define DESC_TYPE_TABLE_PAGE	0x3ULL

#define DESC_HIPAS_SHIFT	2
#define DESC_HIPAS_MASK		(0x7ULL << DESC_HIPAS_SHIFT)
#define HIPAS_UNASSIGNED	0ULL
#define HIPAS_ASSIGNED		1ULL
#define HIPAS_UNASSIGNED_NS	2ULL
#define DESC_RIPAS_SHIFT	5
#define DESC_RIPAS_MASK		(0x3ULL << DESC_RIPAS_SHIFT)

#define DESC_OA_MASK		0x0000FFFFFFFFF000ULL	/* [47:12] */
#define DESC_MEMATTR_MASK	(0xFULL << 2)
#define DESC_MEMATTR_NORMAL_WB	(0x6ULL << 2)		/* FWB: Normal WB */
#define DESC_MEMATTR_RESERVED	(0x4ULL << 2)
#define DESC_S2AP_MASK		(0x3ULL << 6)
#define DESC_S2AP_RW		(0x3ULL << 6)
#define DESC_SH_OS		(0x2ULL << 8)
#define DESC_SH_IS		(0x3ULL << 8)
#define DESC_MEMATTR3		(0x8ULL << 2)		/* RES0 with FWB */
#define DESC_AF			(1ULL << 10)
#define DESC_XN_EL1_EL0		(0x2ULL << 53)
#define DESC_NS			(1ULL << 55)

unsigned int s2tt_level_shift(int level)
{
	rmm_assert(level >= S2TT_MIN_LEVEL && level <= S2TT_PAGE_LEVEL);
	return GRANULE_SHIFT + 9U * (unsigned int)(S2TT_PAGE_LEVEL - level);
}

bool s2tt_addr_is_level_aligned(uint64_t addr, int level)
{
	return (addr & (s2tt_entry_size(level) - 1)) == 0;
}

static unsigned int root_index_bits(unsigned int ipa_bits, int level_start)
{
	return ipa_bits - s2tt_level_shift(level_start);
}

unsigned int s2tt_num_root_rtts(unsigned int ipa_bits, int level_start)
{
	unsigned int bits = root_index_bits(ipa_bits, level_start);

	return bits > 9 ? 1U << (bits - 9) : 1U;
}

bool s2tt_config_is_valid(unsigned int ipa_bits, int64_t level_start,
			  uint64_t num_root_rtts, unsigned int pa_bits)
{
	unsigned int shift;

	if (ipa_bits < S2TT_MIN_IPA_BITS || ipa_bits > S2TT_MAX_IPA_BITS)
		return false;
	if (level_start < S2TT_MIN_LEVEL || level_start > S2TT_PAGE_LEVEL)
		return false;
	if (level_start == 0 && pa_bits < 44)
		return false;
	shift = s2tt_level_shift((int)level_start);
	if (ipa_bits <= shift || ipa_bits - shift > 9 + 4)
		return false;
	return num_root_rtts == s2tt_num_root_rtts(ipa_bits, (int)level_start);
}

uint64_t s2tte_create_unassigned(unsigned int ripas)
{
	return (HIPAS_UNASSIGNED << DESC_HIPAS_SHIFT) |
	       ((uint64_t)ripas << DESC_RIPAS_SHIFT);
}

uint64_t s2tte_create_unassigned_ns(void)
{
	return HIPAS_UNASSIGNED_NS << DESC_HIPAS_SHIFT;
}

static uint64_t leaf_type(int level)
{
	return level == S2TT_PAGE_LEVEL ? DESC_TYPE_TABLE_PAGE : DESC_TYPE_BLOCK;
}

uint64_t s2tte_create_assigned(uint64_t pa, unsigned int ripas, int level)
{
	rmm_assert((pa & ~DESC_OA_MASK) == 0);
	if (ripas == RMI_RAM)
		return pa | leaf_type(level) | DESC_MEMATTR_NORMAL_WB |
		       DESC_S2AP_RW | DESC_SH_IS | DESC_AF;
	return pa | (HIPAS_ASSIGNED << DESC_HIPAS_SHIFT) |
	       ((uint64_t)ripas << DESC_RIPAS_SHIFT);
}

/*
 * Shareability is the RMM's (DEN0137 A5.5.11): Inner Shareable when the
 * host asked for cacheable (Normal Write-Back) memory, Outer Shareable for
 * non-cacheable and Device memory.
 */
uint64_t s2tte_create_assigned_ns(uint64_t host_desc, int level)
{
	uint64_t attrs = s2tte_host_ns_bits(host_desc);
	uint64_t sh = (attrs & DESC_MEMATTR_MASK) == DESC_MEMATTR_NORMAL_WB ?
		      DESC_SH_IS : DESC_SH_OS;

	return attrs | leaf_type(level) | sh | DESC_AF | DESC_XN_EL1_EL0 | DESC_NS;
}

uint64_t s2tte_create_table(uint64_t pa)
{
	rmm_assert((pa & ~DESC_OA_MASK) == 0);
	return pa | DESC_TYPE_TABLE_PAGE;
}

enum s2tte_kind s2tte_decode(uint64_t s2tte, int level)
{
	uint64_t type = s2tte & DESC_TYPE_MASK;

	if (type == DESC_TYPE_INVALID) {
		uint64_t hipas = (s2tte & DESC_HIPAS_MASK) >> DESC_HIPAS_SHIFT;
		uint64_t ripas = (s2tte & DESC_RIPAS_MASK) >> DESC_RIPAS_SHIFT;

		if (hipas == HIPAS_UNASSIGNED) {
			if (ripas == RMI_EMPTY)
				return S2TTE_UNASSIGNED_EMPTY;
			if (ripas == RMI_RAM)
				return S2TTE_UNASSIGNED_RAM;
			if (ripas == RMI_DESTROYED)
				return S2TTE_UNASSIGNED_DESTROYED;
		} else if (hipas == HIPAS_ASSIGNED) {
			if (ripas == RMI_EMPTY)
				return S2TTE_ASSIGNED_EMPTY;
			if (ripas == RMI_DESTROYED)
				return S2TTE_ASSIGNED_DESTROYED;
		} else if (hipas == HIPAS_UNASSIGNED_NS) {
			return S2TTE_UNASSIGNED_NS;
		}
		return S2TTE_INVALID_ENCODING;
	}
	if (type == DESC_TYPE_TABLE_PAGE && level < S2TT_PAGE_LEVEL)
		return S2TTE_TABLE;
	if ((type == DESC_TYPE_TABLE_PAGE && level == S2TT_PAGE_LEVEL) ||
	    (type == DESC_TYPE_BLOCK && level >= S2TT_MIN_BLOCK_LEVEL &&
	     level < S2TT_PAGE_LEVEL))
		return (s2tte & DESC_NS) ? S2TTE_ASSIGNED_NS : S2TTE_ASSIGNED_RAM;
	return S2TTE_INVALID_ENCODING;
}

uint64_t s2tte_pa(uint64_t s2tte)
{
	return s2tte & DESC_OA_MASK;
}

unsigned int s2tte_kind_ripas(enum s2tte_kind kind)
{
	switch (kind) {
	case S2TTE_UNASSIGNED_RAM:
	case S2TTE_ASSIGNED_RAM:
		return RMI_RAM;
	case S2TTE_UNASSIGNED_DESTROYED:
	case S2TTE_ASSIGNED_DESTROYED:
		return RMI_DESTROYED;
	default:
		return RMI_EMPTY;
	}
}

uint64_t s2tte_host_ns_bits(uint64_t s2tte)
{
	return s2tte & (DESC_OA_MASK | DESC_MEMATTR_MASK | DESC_S2AP_MASK);
}

bool s2tte_host_ns_attr_is_valid(uint64_t desc)
{
	uint64_t memattr = desc & DESC_MEMATTR_MASK;

	/* Only ADDR, MemAttr[2:0] and S2AP are host-controlled (A5.5.11). */
	if (desc != s2tte_host_ns_bits(desc) || (memattr & DESC_MEMATTR3) != 0)
		return false;
	/* MemAttr 0b100 is reserved with FEAT_S2FWB. */
	return memattr != DESC_MEMATTR_RESERVED;
}

bool s2tte_kind_is_live(enum s2tte_kind kind)
{
	return kind == S2TTE_ASSIGNED_EMPTY || kind == S2TTE_ASSIGNED_RAM ||
	       kind == S2TTE_ASSIGNED_DESTROYED || kind == S2TTE_ASSIGNED_NS ||
	       kind == S2TTE_TABLE;
}

bool s2tte_kind_is_refcounted(enum s2tte_kind kind)
{
	return kind != S2TTE_ASSIGNED_NS && s2tte_kind_is_live(kind);
}

bool s2tte_kind_is_unassigned(enum s2tte_kind kind)
{
	return kind == S2TTE_UNASSIGNED_EMPTY || kind == S2TTE_UNASSIGNED_RAM ||
	       kind == S2TTE_UNASSIGNED_DESTROYED;
}

bool s2tte_kind_is_assigned(enum s2tte_kind kind)
{
	return kind == S2TTE_ASSIGNED_EMPTY || kind == S2TTE_ASSIGNED_RAM ||
	       kind == S2TTE_ASSIGNED_DESTROYED;
}

uint64_t s2tte_with_ripas(uint64_t s2tte, int level, unsigned int ripas)
{
	enum s2tte_kind kind = s2tte_decode(s2tte, level);

	if (s2tte_kind_is_unassigned(kind))
		return s2tte_create_unassigned(ripas);
	rmm_assert(s2tte_kind_is_assigned(kind));
	return s2tte_create_assigned(s2tte_pa(s2tte), ripas, level);
}

uint64_t s2tt_skip_non_live(const struct s2tt_walk *w, uint64_t ipa)
{
	uint64_t size = s2tt_entry_size(w->level);
	uint64_t entry_base = ipa & ~(size - 1);
	uint64_t table_base = ipa & ~(size * S2TTES_PER_TABLE - 1);

	for (unsigned int i = w->index; i < S2TTES_PER_TABLE; i++) {
		uint64_t s2tte = s2tt_read(w->g_table, i);

		if (s2tte_kind_is_live(s2tte_decode(s2tte, w->level)))
			return i == w->index ? entry_base : table_base + i * size;
	}
	return table_base + S2TTES_PER_TABLE * size;
}

void s2tt_lock_root_release_rd(const struct s2tt_ctx *ctx, struct granule *g_rd)
{
	granule_lock(granule_from_pa(ctx->rtt_base));
	granule_unlock(g_rd);
}

unsigned int s2tt_init_unfold(uint64_t *table, uint64_t parent, int level)
{
	enum s2tte_kind kind = s2tte_decode(parent, level - 1);
	uint64_t step = s2tt_entry_size(level);
	unsigned int i;

	switch (kind) {
	case S2TTE_UNASSIGNED_EMPTY:
	case S2TTE_UNASSIGNED_RAM:
	case S2TTE_UNASSIGNED_DESTROYED:
		for (i = 0; i < S2TTES_PER_TABLE; i++)
			table[i] = s2tte_create_unassigned(s2tte_kind_ripas(kind));
		return 0;
	case S2TTE_UNASSIGNED_NS:
		for (i = 0; i < S2TTES_PER_TABLE; i++)
			table[i] = s2tte_create_unassigned_ns();
		return 0;
	case S2TTE_ASSIGNED_EMPTY:
	case S2TTE_ASSIGNED_RAM:
	case S2TTE_ASSIGNED_DESTROYED:
		for (i = 0; i < S2TTES_PER_TABLE; i++)
			table[i] = s2tte_create_assigned(s2tte_pa(parent) + i * step,
							 s2tte_kind_ripas(kind), level);
		return S2TTES_PER_TABLE;
	case S2TTE_ASSIGNED_NS:
		for (i = 0; i < S2TTES_PER_TABLE; i++)
			table[i] = s2tte_create_assigned_ns(
				s2tte_host_ns_bits(parent) + i * step, level);
		return 0;
	default:
		/* Callers reject TABLE parents; nothing else exists. */
		rmm_assert(false);
		return 0;
	}
}

bool s2tt_fold(const uint64_t *table, int level, uint64_t *folded)
{
	enum s2tte_kind kind = s2tte_decode(table[0], level);
	uint64_t step = s2tt_entry_size(level);
	uint64_t first_pa = s2tte_pa(table[0]);
	unsigned int i;

	switch (kind) {
	case S2TTE_UNASSIGNED_EMPTY:
	case S2TTE_UNASSIGNED_RAM:
	case S2TTE_UNASSIGNED_DESTROYED:
	case S2TTE_UNASSIGNED_NS:
		for (i = 1; i < S2TTES_PER_TABLE; i++)
			if (table[i] != table[0])
				return false;
		*folded = table[0];
		return true;
	case S2TTE_ASSIGNED_EMPTY:
	case S2TTE_ASSIGNED_RAM:
	case S2TTE_ASSIGNED_DESTROYED:
	case S2TTE_ASSIGNED_NS:
		/* A block needs level - 1 >= 1 and a block-aligned OA. */
		if (level - 1 < S2TT_MIN_BLOCK_LEVEL ||
		    !s2tt_addr_is_level_aligned(first_pa, level - 1))
			return false;
		for (i = 1; i < S2TTES_PER_TABLE; i++)
			if (table[i] != table[0] + i * step)
				return false;
		if (kind == S2TTE_ASSIGNED_NS)
			*folded = s2tte_create_assigned_ns(table[0], level - 1);
		else
			*folded = s2tte_create_assigned(first_pa,
							s2tte_kind_ripas(kind), level - 1);
		return true;
	default:
		return false;
	}
}

uint64_t s2tt_read(struct granule *g_table, unsigned int index)
{
	uint64_t *table = plat_granule_map(granule_to_pa(g_table));
	uint64_t s2tte = __atomic_load_n(&table[index], __ATOMIC_RELAXED);

	plat_granule_unmap(table);
	return s2tte;
}

void s2tt_write(struct granule *g_table, unsigned int index, uint64_t s2tte)
{
	uint64_t *table = plat_granule_map(granule_to_pa(g_table));

	/* Single-copy atomic: the table walker may read it concurrently. */
	__atomic_store_n(&table[index], s2tte, __ATOMIC_RELEASE);
	plat_granule_unmap(table);
}

void s2tt_walk_lock(const struct s2tt_ctx *ctx, uint64_t ipa, int level,
		    struct s2tt_walk *walk)
{
	struct granule *g_root = granule_from_pa(ctx->rtt_base);
	unsigned int shift = s2tt_level_shift(ctx->level_start);
	uint64_t idx = ipa >> shift;
	struct granule *g_lock, *g_table;
	int cur = ctx->level_start;

	rmm_assert(g_root != NULL && granule_is_locked(g_root));
	rmm_assert(idx < (uint64_t)ctx->num_root_rtts * S2TTES_PER_TABLE);

	g_lock = g_root;
	g_table = granule_from_pa(ctx->rtt_base +
				  (idx / S2TTES_PER_TABLE) * GRANULE_SIZE);
	idx %= S2TTES_PER_TABLE;

	while (cur < level) {
		uint64_t s2tte = s2tt_read(g_table, (unsigned int)idx);
		struct granule *g_child;

		if (s2tte_decode(s2tte, cur) != S2TTE_TABLE)
			break;
		g_child = granule_from_pa(s2tte_pa(s2tte));
		rmm_assert(g_child != NULL);
		granule_lock(g_child);
		rmm_assert(granule_get_state(g_child) == GRANULE_STATE_RTT);
		granule_unlock(g_lock);
		g_lock = g_table = g_child;
		cur++;
		idx = (ipa >> s2tt_level_shift(cur)) & (S2TTES_PER_TABLE - 1);
	}

	walk->g_lock = g_lock;
	walk->g_table = g_table;
	walk->index = (unsigned int)idx;
	walk->level = cur;
}
