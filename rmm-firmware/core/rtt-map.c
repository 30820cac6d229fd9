/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Unprotected mappings: RMI_RTT_MAP_UNPROTECTED and RMI_RTT_UNMAP_UNPROTECTED
 * (DEN0137 B4.3.19, B4.3.22, B3.56, A5.5.11; cca-interfaces.md §4.2, §6.4).
 *
 * ASSIGNED_NS entries name host memory, not RMM granules: they do not count
 * in the RTT refcount (an unprotected RTT stays non-live, A5.5.8), but they
 * are live entries for the "top of non-live region" output (B3.76).
 */
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rmi-handlers.h>
#include <rmm/s2tt.h>

/*
 * level_bound (RttLevelIsBlockOrPage: a level that can hold a block or page
 * entry, at or below the starting level), ipa_align, ipa_bound (an
 * Unprotected IPA below 2^ipa_width).
 */
static bool unprot_level_valid(const struct s2tt_ctx *s2, int64_t level)
{
	int64_t min = s2->level_start > S2TT_MIN_BLOCK_LEVEL ?
		      s2->level_start : S2TT_MIN_BLOCK_LEVEL;

	return level >= min && level <= S2TT_PAGE_LEVEL;
}

static bool unprot_ipa_valid(const struct s2tt_ctx *s2, uint64_t ipa, int level)
{
	return s2tt_addr_is_level_aligned(ipa, level) &&
	       ipa < (1ULL << s2->ipa_bits) && !s2tt_ipa_is_protected(s2, ipa);
}

/*
 * Failure conditions (B4.3.19.2), in spec order: attr_valid, rd_align,
 * rd_bound, rd_state, level_bound, addr_align, addr_bound, ipa_align,
 * ipa_bound (INPUT); rtt_walk, rtte_state (ERROR_RTT at the walk level).
 * addr_bound (OA >= 2^48 without LPA2) is already refused by attr_valid:
 * bits [63:48] of a descriptor are not host-controlled.
 */
void rmi_rtt_map_unprotected(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1], desc = args[3];
	int64_t level = (int64_t)args[2];
	struct granule *g_rd;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	uint64_t oa = s2tte_pa(desc);

	if (!s2tte_host_ns_attr_is_valid(desc)) {			/* attr_valid */
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	s2 = rd_s2(g_rd);
	if (!unprot_level_valid(&s2, level) ||				/* level_bound */
	    !s2tt_addr_is_level_aligned(oa, (int)level) ||		/* addr_align */
	    oa >= (1ULL << S2TT_MAX_IPA_BITS) ||			/* addr_bound */
	    !unprot_ipa_valid(&s2, ipa, (int)level)) {		/* ipa_align, ipa_bound */
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level, &w);
	if (w.level < level ||						/* rtt_walk */
	    s2tte_decode(s2tt_read(w.g_table, w.index), w.level) !=	/* rtte_state */
	    S2TTE_UNASSIGNED_NS) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
	} else {
		s2tt_write(w.g_table, w.index, s2tte_create_assigned_ns(desc, w.level));
		res->x[0] = RMI_SUCCESS;
	}
	granule_unlock(w.g_lock);
}

/*
 * Failure conditions (B4.3.22.2), in spec order: rd_align, rd_bound,
 * rd_state, level_bound, ipa_align, ipa_bound (INPUT, x1 = 0); rtt_walk,
 * rtte_state (ERROR_RTT at the walk level, x1 = RttSkipNonLiveEntries).
 * On success x1 = the top of the non-live region after the unmap.
 */
void rmi_rtt_unmap_unprotected(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1];
	int64_t level = (int64_t)args[2];
	struct granule *g_rd;
	struct s2tt_walk w;
	struct s2tt_ctx s2;

	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	s2 = rd_s2(g_rd);
	if (!unprot_level_valid(&s2, level) ||				/* level_bound */
	    !unprot_ipa_valid(&s2, ipa, (int)level)) {		/* ipa_align, ipa_bound */
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, (int)level, &w);
	if (w.level < level ||						/* rtt_walk */
	    s2tte_decode(s2tt_read(w.g_table, w.index), w.level) !=	/* rtte_state */
	    S2TTE_ASSIGNED_NS) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
	} else {
		s2tt_write(w.g_table, w.index, s2tte_create_unassigned_ns());
		plat_s2_tlbi_ipa(s2.vmid, ipa, w.level);
		res->x[0] = RMI_SUCCESS;
	}
	res->x[1] = s2tt_skip_non_live(&w, ipa);
	granule_unlock(w.g_lock);
}
