/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RTT structure commands: RMI_RTT_CREATE, RMI_RTT_DESTROY, RMI_RTT_FOLD and
 * RMI_RTT_READ_ENTRY (DEN0137 B4.3.15-B4.3.17, B4.3.20; cca-interfaces.md
 * §4.2).  Input checks (RMI_ERROR_INPUT) always come before the walk
 * (RMI_ERROR_RTT), as the spec's failure-condition orderings require.
 *
 * Stage-2 TLB maintenance after an entry changes is not done here yet: no
 * realm can run (RMI_REC_ENTER is not provided), so no TLB holds realm
 * translations.
 */
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rmi-handlers.h>
#include <rmm/s2tt.h>

/*
 * level_bound, ipa_align, ipa_bound.  @min_level is the lowest level the
 * command accepts, @align_level the level whose entry size @ipa must be
 * aligned to.
 */
static bool rtt_args_valid(const struct s2tt_ctx *s2, uint64_t ipa, int64_t level,
			   int64_t min_level, int64_t align_level)
{
	if (level < min_level || level > S2TT_PAGE_LEVEL)
		return false;
	if (!s2tt_addr_is_level_aligned(ipa, (int)align_level))
		return false;
	return ipa < (1ULL << s2->ipa_bits);
}

/*
 * Failure conditions (B4.3.15.2): rd_align, rd_bound, rd_state, level_bound,
 * ipa_align, ipa_bound, rtt_align, rtt_bound, rtt_state, rtt_bound2 (INPUT);
 * rtt_walk, rtte_state (ERROR_RTT at walk.level).
 */
void rmi_rtt_create(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], rtt_pa = args[1], ipa = args[2];
	int64_t level = (int64_t)args[3];
	struct granule_lock_req locks[2] = {
		{ .pa = rd_pa, .state = GRANULE_STATE_RD },
		{ .pa = rtt_pa, .state = GRANULE_STATE_DELEGATED },
	};
	struct granule *g_rd, *g_rtt;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	enum s2tte_kind parent_kind;
	uint64_t parent, *table;
	unsigned int child_refs;

	/* External granules first, in PA order (<rmm/granule.h>). */
	if (!granule_lock_set(locks, 2)) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	g_rd = locks[0].g;
	g_rtt = locks[1].g;
	s2 = rd_s2(g_rd);

	/* rtt_bound2 holds trivially: without LPA2 tracked DRAM is < 2^48. */
	if (!rtt_args_valid(&s2, ipa, level, s2.level_start + 1, level - 1) ||
	    rtt_pa >= (1ULL << S2TT_MAX_IPA_BITS)) {
		granule_unlock(g_rtt);
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level - 1, &w);
	parent = s2tt_read(w.g_table, w.index);
	parent_kind = s2tte_decode(parent, w.level);
	if (w.level < level - 1 || parent_kind == S2TTE_TABLE) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out;
	}

	/* The new RTT describes exactly what the parent entry did (A5.5.7). */
	table = plat_granule_map(rtt_pa);
	child_refs = s2tt_init_unfold(table, parent, (int)level);
	plat_granule_unmap(table);
	granule_refcount_inc(g_rtt, (uint16_t)child_refs);

	/* A protected assigned block was already counted by the parent. */
	if (!s2tte_kind_is_refcounted(parent_kind))
		granule_refcount_inc(w.g_table, 1);
	granule_set_state(g_rtt, GRANULE_STATE_RTT);
	s2tt_write(w.g_table, w.index, s2tte_create_table(rtt_pa));
	/* The entry may have been a valid block a realm has cached. */
	plat_s2_tlbi_ipa(s2.vmid, ipa, w.level);
	res->x[0] = RMI_SUCCESS;
out:
	granule_unlock(g_rtt);
	granule_unlock(w.g_lock);
}

/*
 * Failure conditions (B4.3.16.2): rd_align, rd_bound, rd_state, level_bound,
 * ipa_align, ipa_bound (INPUT, top = 0); rtt_walk, rtte_state (ERROR_RTT at
 * walk.level, top = walk_top); rtt_live (ERROR_RTT at level, top = ipa).
 */
void rmi_rtt_destroy(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1];
	int64_t level = (int64_t)args[2];
	struct granule *g_rd, *g_child;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	uint64_t parent;

	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	s2 = rd_s2(g_rd);
	if (!rtt_args_valid(&s2, ipa, level, s2.level_start + 1, level - 1)) {
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level - 1, &w);
	parent = s2tt_read(w.g_table, w.index);
	if (w.level < level - 1 || s2tte_decode(parent, w.level) != S2TTE_TABLE) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		res->x[2] = s2tt_skip_non_live(&w, ipa);
		granule_unlock(w.g_lock);
		return;
	}

	g_child = granule_from_pa(s2tte_pa(parent));
	rmm_assert(g_child != NULL);
	granule_lock(g_child);
	if (granule_refcount_read(g_child) != 0) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, level);
		res->x[2] = ipa;
		granule_unlock(g_child);
		granule_unlock(w.g_lock);
		return;
	}

	/* Protected: RIPAS DESTROYED (B4.3.16.3); unprotected: UNASSIGNED_NS. */
	s2tt_write(w.g_table, w.index, s2tt_ipa_is_protected(&s2, ipa) ?
		   s2tte_create_unassigned(RMI_DESTROYED) :
		   s2tte_create_unassigned_ns());
	plat_s2_tlbi_ipa(s2.vmid, ipa, w.level);	/* walk caches */
	granule_refcount_dec(w.g_table, 1);
	granule_memzero(g_child);
	granule_unlock_transition(g_child, GRANULE_STATE_DELEGATED);

	res->x[0] = RMI_SUCCESS;
	res->x[1] = s2tte_pa(parent);
	res->x[2] = s2tt_skip_non_live(&w, ipa);
	granule_unlock(w.g_lock);
}

/*
 * Failure conditions (B4.3.17.2): rd_align, rd_bound, rd_state, level_bound,
 * ipa_align, ipa_bound (INPUT); rtt_walk, rtte_state (ERROR_RTT at
 * walk.level); rtt_homo (ERROR_RTT at level).
 */
void rmi_rtt_fold(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1];
	int64_t level = (int64_t)args[2];
	struct granule *g_rd, *g_child;
	uint64_t parent, folded;
	const uint64_t *table;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	bool homogeneous;

	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	s2 = rd_s2(g_rd);
	if (!rtt_args_valid(&s2, ipa, level, s2.level_start + 1, level - 1)) {
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level - 1, &w);
	parent = s2tt_read(w.g_table, w.index);
	if (w.level < level - 1 || s2tte_decode(parent, w.level) != S2TTE_TABLE) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		granule_unlock(w.g_lock);
		return;
	}

	g_child = granule_from_pa(s2tte_pa(parent));
	rmm_assert(g_child != NULL);
	granule_lock(g_child);
	table = plat_granule_map(s2tte_pa(parent));
	homogeneous = s2tt_fold(table, (int)level, &folded);
	plat_granule_unmap((void *)table);
	if (!homogeneous) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, level);
		granule_unlock(g_child);
		granule_unlock(w.g_lock);
		return;
	}

	s2tt_write(w.g_table, w.index, folded);
	plat_s2_tlbi_ipa(s2.vmid, ipa, w.level);
	if (s2tte_kind_is_refcounted(s2tte_decode(folded, w.level))) {
		/* 512 assigned entries become one block the parent already counts. */
		granule_refcount_dec(g_child, (uint16_t)S2TTES_PER_TABLE);
	} else {
		granule_refcount_dec(w.g_table, 1);
	}
	rmm_assert(granule_refcount_read(g_child) == 0);
	granule_memzero(g_child);
	granule_unlock_transition(g_child, GRANULE_STATE_DELEGATED);

	res->x[0] = RMI_SUCCESS;
	res->x[1] = s2tte_pa(parent);
	granule_unlock(w.g_lock);
}

/*
 * Failure conditions (B4.3.20.2): rd_align, rd_bound, rd_state, level_bound
 * (start level .. 3), ipa_align, ipa_bound, all RMI_ERROR_INPUT.  Outputs
 * per entry kind: cca-interfaces.md §6.4.
 */
void rmi_rtt_read_entry(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1];
	int64_t level = (int64_t)args[2];
	struct granule *g_rd;
	enum s2tte_kind kind;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	uint64_t s2tte;

	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	s2 = rd_s2(g_rd);
	if (!rtt_args_valid(&s2, ipa, level, s2.level_start, level)) {
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level, &w);
	s2tte = s2tt_read(w.g_table, w.index);
	granule_unlock(w.g_lock);

	kind = s2tte_decode(s2tte, w.level);
	res->x[0] = RMI_SUCCESS;
	res->x[1] = (uint64_t)w.level;
	res->x[4] = s2tte_kind_ripas(kind);
	switch (kind) {
	case S2TTE_ASSIGNED_EMPTY:
	case S2TTE_ASSIGNED_RAM:
		res->x[2] = RMI_ASSIGNED;
		res->x[3] = s2tte_pa(s2tte);
		break;
	case S2TTE_ASSIGNED_DESTROYED:
		res->x[2] = RMI_ASSIGNED;
		break;
	case S2TTE_ASSIGNED_NS:
		res->x[2] = RMI_ASSIGNED;
		res->x[3] = s2tte_host_ns_bits(s2tte);
		break;
	case S2TTE_TABLE:
		res->x[2] = RMI_TABLE;
		res->x[3] = s2tte_pa(s2tte);
		break;
	default:
		res->x[2] = RMI_UNASSIGNED;
		break;
	}
}
