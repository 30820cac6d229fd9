/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Stage-2 translation tables (RTTs) of a realm: descriptor encoding, level
 * geometry and the locked table walk (cca-interfaces.md §4.2, §6.4).
 *
 * 4 KiB granules, no LPA2: levels 0..3, 512 entries per RTT, IPA width 32..48.
 *
 * Encoding.  Valid descriptors are architectural stage-2 descriptors; the
 * RMM-only states live in invalid descriptors (bit 0 clear):
 *   bits[1:0]  00 invalid, 01 block (level 1, 2), 11 table (< 3) / page (3)
 *   invalid:   HIPAS bits[4:2] (UNASSIGNED 0, ASSIGNED 1, UNASSIGNED_NS 2),
 *              RIPAS bits[6:5]; an ASSIGNED entry keeps its OA in [47:12]
 *   valid:     MemAttr[5:2], S2AP[7:6], SH[9:8], AF[10], OA[47:12],
 *              XN[54:53], NS[55] (set only for unprotected, host-owned maps)
 */
#ifndef RMM_S2TT_H
#define RMM_S2TT_H

#include <stdbool.h>
#include <stdint.h>
#include <rmm/granule.h>

#define S2TT_PAGE_LEVEL		3
#define S2TT_MIN_LEVEL		0
#define S2TT_MIN_BLOCK_LEVEL	1
#define S2TT_MIN_IPA_BITS	32
#define S2TT_MAX_IPA_BITS	48
#define S2TTES_PER_TABLE	512U
#define S2TT_MAX_ROOT_RTTS	16U

/* Decoded entry kinds (TF-RMM names in cca-interfaces.md §6.4). */
enum s2tte_kind {
	S2TTE_UNASSIGNED_EMPTY,
	S2TTE_UNASSIGNED_RAM,
	S2TTE_UNASSIGNED_DESTROYED,
	S2TTE_ASSIGNED_EMPTY,
	S2TTE_ASSIGNED_RAM,
	S2TTE_ASSIGNED_DESTROYED,
	S2TTE_UNASSIGNED_NS,
	S2TTE_ASSIGNED_NS,
	S2TTE_TABLE,
	S2TTE_INVALID_ENCODING,		/* never written by the RMM */
};

/* The translation configuration of a realm (copied out of its RD). */
struct s2tt_ctx {
	uint64_t rtt_base;		/* first starting-level RTT */
	unsigned int ipa_bits;
	int level_start;
	unsigned int num_root_rtts;
	unsigned int vmid;		/* for stage-2 TLB maintenance */
};

unsigned int s2tt_level_shift(int level);
static inline uint64_t s2tt_entry_size(int level)
{
	return 1ULL << s2tt_level_shift(level);
}
bool s2tt_addr_is_level_aligned(uint64_t addr, int level);

/*
 * RttConfigIsValid (DEN0137 B4.3.9.2 rtt_num_level), after the
 * AArch64.S2InconsistentSL rules for 4 KiB granules: the starting level must
 * resolve between 1 and 13 IPA bits (up to 16 concatenated tables), level 0
 * needs a PA size of at least 44 bits, and num_root_rtts must match.
 */
bool s2tt_config_is_valid(unsigned int ipa_bits, int64_t level_start,
			  uint64_t num_root_rtts, unsigned int pa_bits);
unsigned int s2tt_num_root_rtts(unsigned int ipa_bits, int level_start);

static inline bool s2tt_ipa_is_protected(const struct s2tt_ctx *ctx, uint64_t ipa)
{
	return ipa < (1ULL << (ctx->ipa_bits - 1));
}

/* Descriptor constructors and accessors. */
uint64_t s2tte_create_unassigned(unsigned int ripas);
uint64_t s2tte_create_unassigned_ns(void);
uint64_t s2tte_create_assigned(uint64_t pa, unsigned int ripas, int level);
uint64_t s2tte_create_assigned_ns(uint64_t host_desc, int level);
uint64_t s2tte_create_table(uint64_t pa);
enum s2tte_kind s2tte_decode(uint64_t s2tte, int level);
uint64_t s2tte_pa(uint64_t s2tte);
unsigned int s2tte_kind_ripas(enum s2tte_kind kind);
uint64_t s2tte_host_ns_bits(uint64_t s2tte);

/*
 * RttDescriptorIsValidForUnprotected (DEN0137 B3.56, A5.5.11): only OA[47:12],
 * MemAttr[2:0] (bits[4:2]; MemAttr[3] is RES0 with FWB) and S2AP[7:6] may be
 * set, and MemAttr 0b100 (reserved with FWB) is refused.  The level
 * alignment of the OA is the caller's separate check (addr_align).
 */
bool s2tte_host_ns_attr_is_valid(uint64_t desc);

/* RTTE liveness (A5.5.8): ASSIGNED, ASSIGNED_NS or TABLE. */
bool s2tte_kind_is_live(enum s2tte_kind kind);
/* Entries counted in an RTT's refcount: live, except ASSIGNED_NS. */
bool s2tte_kind_is_refcounted(enum s2tte_kind kind);
/* Protected UNASSIGNED / ASSIGNED entries (any RIPAS). */
bool s2tte_kind_is_unassigned(enum s2tte_kind kind);
bool s2tte_kind_is_assigned(enum s2tte_kind kind);
/* The same UNASSIGNED / ASSIGNED entry with RIPAS @ripas. */
uint64_t s2tte_with_ripas(uint64_t s2tte, int level, unsigned int ripas);

/*
 * Fill the entries of a new level-@level RTT so that together they describe
 * exactly what @parent (a level - 1 entry) described (DEN0137 A5.5.7).
 * Returns the number of child entries that count in the child's refcount.
 */
unsigned int s2tt_init_unfold(uint64_t *table, uint64_t parent, int level);

/*
 * If all 512 entries of @table (at @level) fold into one entry at level - 1,
 * store it in *@folded and return true (DEN0137 A5.5.6 RttIsHomogeneous).
 */
bool s2tt_fold(const uint64_t *table, int level, uint64_t *folded);

/*
 * Locked walk.  The caller holds the lock of the first root RTT
 * (granule_from_pa(ctx->rtt_base)); the walk descends hand-over-hand towards
 * @level and stops early at an entry that is not TABLE.  On return:
 *   g_lock   the one RTT granule still locked (the caller unlocks it)
 *   g_table  the RTT holding the entry (== g_lock except at a concatenated
 *            root, whose first granule is the lock for all of them)
 *   index    entry index within g_table, level the level reached
 */
struct s2tt_walk {
	struct granule *g_lock;
	struct granule *g_table;
	unsigned int index;
	int level;
};
void s2tt_walk_lock(const struct s2tt_ctx *ctx, uint64_t ipa, int level,
		    struct s2tt_walk *walk);

/*
 * RttSkipNonLiveEntries (B3.76): from the entry holding @ipa in the RTT where
 * walk @w stopped, the IPA of the first live entry (the base of @ipa's own
 * entry if that is live), or the top of the RTT's range if there is none.
 */
uint64_t s2tt_skip_non_live(const struct s2tt_walk *w, uint64_t ipa);

/* RD -> RTT root hand-over (<rmm/granule.h> rule 3): lock root, unlock RD. */
void s2tt_lock_root_release_rd(const struct s2tt_ctx *ctx, struct granule *g_rd);

/* Read or write one entry of an RTT the caller has locked. */
uint64_t s2tt_read(struct granule *g_table, unsigned int index);
void s2tt_write(struct granule *g_table, unsigned int index, uint64_t s2tte);

#endif /* RMM_S2TT_H */
