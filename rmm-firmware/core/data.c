/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * DATA granules: RMI_DATA_CREATE, RMI_DATA_CREATE_UNKNOWN and
 * RMI_DATA_DESTROY (DEN0137 B4.3.1-B4.3.3; cca-interfaces.md §4.2;
 * attestation-and-measurement.md §2.2).
 *
 * Locks: the RD and the target granule (both external, DELEGATED target)
 * in PA order, then the RTTs from the root.  DATA_CREATE keeps the RD locked
 * for the RIM; DATA_DESTROY reaches the DATA granule (internal) through its
 * level-3 RTT.
 */
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rmi-handlers.h>
#include <rmm/s2tt.h>

/* ipa_align, ipa_bound: a granule-aligned Protected IPA. */
static bool data_ipa_valid(const struct s2tt_ctx *s2, uint64_t ipa)
{
	return pa_is_granule_aligned(ipa) && s2tt_ipa_is_protected(s2, ipa);
}

/*
 * Common part of DATA_CREATE and DATA_CREATE_UNKNOWN once every input check
 * passed: walk to the level-3 entry (rtt_walk, rtte_state: ERROR_RTT at the
 * walk level) and map @g_data there.  Called with the root RTT locked;
 * returns with it (or the RTT the walk ended on) unlocked.
 */
static uint64_t map_data(const struct s2tt_ctx *s2, uint64_t ipa,
			 struct granule *g_data, bool ram)
{
	enum s2tte_kind kind;
	struct s2tt_walk w;
	uint64_t s2tte, ret;
	unsigned int ripas;

	s2tt_walk_lock(s2, ipa, S2TT_PAGE_LEVEL, &w);
	s2tte = s2tt_read(w.g_table, w.index);
	kind = s2tte_decode(s2tte, w.level);
	if (w.level < S2TT_PAGE_LEVEL || !s2tte_kind_is_unassigned(kind)) {
		ret = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out;
	}

	/* DATA_CREATE: RIPAS RAM (B4.3.1.3); _UNKNOWN keeps the RIPAS. */
	ripas = ram ? RMI_RAM : s2tte_kind_ripas(kind);
	s2tt_write(w.g_table, w.index,
		   s2tte_create_assigned(granule_to_pa(g_data), ripas, S2TT_PAGE_LEVEL));
	granule_refcount_inc(w.g_table, 1);
	granule_set_state(g_data, GRANULE_STATE_DATA);
	ret = RMI_SUCCESS;
out:
	granule_unlock(w.g_lock);
	return ret;
}

/*
 * Failure conditions (B4.3.1.2), checked in this order: src_align,
 * src_bound, data_align, data_bound, rd_align, rd_bound (INPUT); flags
 * other than RMI_NO_MEASURE_CONTENT / RMI_MEASURE_CONTENT (INPUT;
 * cca-interfaces.md §2, RmiDataFlags has one bit); data_state, rd_state
 * (INPUT, PA-ordered locks); data_bound2 (cannot fail: tracked DRAM is below
 * 2^48); src_pas (INPUT: the single copy from the NS source into the locked
 * target fails); ipa_align, ipa_bound (INPUT); realm_state (REALM);
 * rtt_walk, rtte_state (ERROR_RTT).  The spec's orderings ([rd_bound,
 * rd_state] < [realm_state], [rd_*, ipa_bound] < [rtt_walk, rtte_state])
 * hold.  The content is copied before the walk; any later failure wipes the
 * target again, keeping the DELEGATED zero invariant.
 */
void rmi_data_create(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], data_pa = args[1], ipa = args[2];
	uint64_t src_pa = args[3], flags = args[4];
	struct granule_lock_req locks[2] = {
		{ .pa = rd_pa, .state = GRANULE_STATE_RD },
		{ .pa = data_pa, .state = GRANULE_STATE_DELEGATED },
	};
	struct granule *g_rd, *g_data;
	struct s2tt_ctx s2;
	struct rd *rd;
	void *data;
	bool copied;

	res->x[0] = RMI_ERROR_INPUT;
	if (granule_from_pa(src_pa) == NULL ||		/* src_align, src_bound */
	    granule_from_pa(data_pa) == NULL ||		/* data_align, data_bound */
	    granule_from_pa(rd_pa) == NULL)		/* rd_align, rd_bound */
		return;
	if (flags != RMI_NO_MEASURE_CONTENT && flags != RMI_MEASURE_CONTENT)
		return;
	if (!granule_lock_set(locks, 2))		/* rd_state, data_state */
		return;
	g_rd = locks[0].g;
	g_data = locks[1].g;

	/* src_pas: the one and only read of the source. */
	data = plat_granule_map(data_pa);
	copied = plat_ns_read(data, src_pa, GRANULE_SIZE);
	plat_granule_unmap(data);
	if (!copied)
		goto fail;

	rd = rd_map(g_rd);
	s2 = rd->s2;
	if (!data_ipa_valid(&s2, ipa)) {		/* ipa_align, ipa_bound */
		rd_unmap(rd);
		goto fail;
	}
	if (rd->state != REALM_NEW) {			/* realm_state */
		rd_unmap(rd);
		res->x[0] = RMI_ERROR_REALM;
		goto fail;
	}

	/* The RD stays locked (RD -> RTTs): the RIM is extended on success. */
	granule_lock(granule_from_pa(s2.rtt_base));
	res->x[0] = map_data(&s2, ipa, g_data, true);
	if (res->x[0] == RMI_SUCCESS) {
		const void *content = NULL;

		if (flags == RMI_MEASURE_CONTENT)
			content = plat_granule_map(data_pa);
		measure_rim_extend_data(rd->measurements[MEASURE_RIM_SLOT],
					rd->hash_algo, ipa, flags, content);
		if (content != NULL)
			plat_granule_unmap((void *)content);
	}
	rd_unmap(rd);
	if (res->x[0] == RMI_SUCCESS) {
		granule_unlock(g_data);
		granule_unlock(g_rd);
		return;
	}
fail:
	/* Whatever the copy left in the target is wiped (zero invariant). */
	granule_memzero(g_data);
	granule_unlock(g_data);
	granule_unlock(g_rd);
}

/*
 * Failure conditions (B4.3.2.2), in this order: data_align, data_bound,
 * rd_align, rd_bound (INPUT); data_state, rd_state (INPUT, PA-ordered
 * locks); data_bound2 (cannot fail); ipa_align, ipa_bound (INPUT);
 * rtt_walk, rtte_state (ERROR_RTT).  Any realm state.  The granule is
 * DELEGATED, hence already wiped (zero).
 */
void rmi_data_create_unknown(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], data_pa = args[1], ipa = args[2];
	struct granule_lock_req locks[2] = {
		{ .pa = rd_pa, .state = GRANULE_STATE_RD },
		{ .pa = data_pa, .state = GRANULE_STATE_DELEGATED },
	};
	struct granule *g_data;
	struct s2tt_ctx s2;
	struct rd *rd;

	res->x[0] = RMI_ERROR_INPUT;
	if (granule_from_pa(data_pa) == NULL || granule_from_pa(rd_pa) == NULL)
		return;
	if (!granule_lock_set(locks, 2))
		return;
	g_data = locks[1].g;

	rd = rd_map(locks[0].g);
	s2 = rd->s2;
	rd_unmap(rd);
	if (!data_ipa_valid(&s2, ipa)) {
		granule_unlock(g_data);
		granule_unlock(locks[0].g);
		return;
	}

	s2tt_lock_root_release_rd(&s2, locks[0].g);
	res->x[0] = map_data(&s2, ipa, g_data, false);
	granule_unlock(g_data);
}

/*
 * Failure conditions (B4.3.3.2): rd_align, rd_bound, rd_state, ipa_align,
 * ipa_bound (INPUT, x2 = 0); rtt_walk, rtte_state (ERROR_RTT at the walk
 * level, x2 = RttSkipNonLiveEntries).  On success x1 = the DATA granule,
 * x2 = the top of the non-live region after the entry became UNASSIGNED.
 */
void rmi_data_destroy(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], ipa = args[1];
	struct granule *g_rd, *g_data;
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
	if (!data_ipa_valid(&s2, ipa)) {
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, ipa, S2TT_PAGE_LEVEL, &w);
	s2tte = s2tt_read(w.g_table, w.index);
	kind = s2tte_decode(s2tte, w.level);
	if (w.level < S2TT_PAGE_LEVEL || !s2tte_kind_is_assigned(kind)) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		res->x[2] = s2tt_skip_non_live(&w, ipa);
		granule_unlock(w.g_lock);
		return;
	}

	/* assigned_ram -> unassigned_destroyed; EMPTY / DESTROYED kept. */
	s2tt_write(w.g_table, w.index, s2tte_create_unassigned(
		kind == S2TTE_ASSIGNED_RAM ? RMI_DESTROYED : s2tte_kind_ripas(kind)));
	plat_s2_tlbi_ipa(s2.vmid, ipa, w.level);
	granule_refcount_dec(w.g_table, 1);

	/* Internal DATA granule, reached through the locked level-3 RTT. */
	g_data = granule_from_pa(s2tte_pa(s2tte));
	rmm_assert(g_data != NULL);
	granule_lock(g_data);
	rmm_assert(granule_get_state(g_data) == GRANULE_STATE_DATA);
	granule_memzero(g_data);
	granule_unlock_transition(g_data, GRANULE_STATE_DELEGATED);

	res->x[0] = RMI_SUCCESS;
	res->x[1] = s2tte_pa(s2tte);
	res->x[2] = s2tt_skip_non_live(&w, ipa);
	granule_unlock(w.g_lock);
}
