/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RIPAS commands: RMI_RTT_INIT_RIPAS (realm NEW, measured) and
 * RMI_RTT_SET_RIPAS (completes a realm's RSI_IPA_STATE_SET request recorded
 * in its REC) (DEN0137 B4.3.18, B4.3.21, B3.75; cca-interfaces.md §6.4,
 * §7.3; attestation-and-measurement.md §2.3).
 *
 * Both change the entries of the one RTT where the walk to @base ends, from
 * @base up to RttSkipEntriesWithRipas(): the first TABLE entry (and, for
 * SET_RIPAS without RSI_CHANGE_DESTROYED, the first DESTROYED entry), @top
 * or the end of that RTT, aligned down to the entry size.  x1 returns that
 * progress address; the host calls again from there.
 *
 * An ASSIGNED entry going from RAM to EMPTY loses its valid mapping: its
 * stage-2 TLB entries are invalidated (plat_s2_tlbi_ipa()).
 */
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rec.h>
#include <rmm/rmi-handlers.h>
#include <rmm/s2tt.h>

/* RttSkipEntriesWithRipas (B3.75), from the entry holding @base. */
static uint64_t skip_entries_with_ripas(const struct s2tt_walk *w, uint64_t base,
					uint64_t top, bool stop_at_destroyed)
{
	uint64_t size = s2tt_entry_size(w->level);
	uint64_t table_base = base & ~(size * S2TTES_PER_TABLE - 1);
	uint64_t result = table_base + size * S2TTES_PER_TABLE;

	for (unsigned int i = w->index; i < S2TTES_PER_TABLE; i++) {
		uint64_t addr = table_base + i * size;
		enum s2tte_kind kind;

		if (addr >= top)
			break;
		kind = s2tte_decode(s2tt_read(w->g_table, i), w->level);
		if (kind == S2TTE_TABLE ||
		    (stop_at_destroyed && (s2tte_kind_is_unassigned(kind) ||
					   s2tte_kind_is_assigned(kind)) &&
		     s2tte_kind_ripas(kind) == RMI_DESTROYED)) {
			result = addr;
			break;
		}
	}
	if (top < result)
		result = top;
	return result & ~(size - 1);
}

/*
 * Give RIPAS @ripas to every entry of the walk's RTT in [base, top) (@base
 * aligned down to the entry).  With @rim set, extend it with one RIPAS
 * descriptor per entry (B4.3.18.4).
 */
static void set_range_ripas(const struct s2tt_walk *w, uint64_t base, uint64_t top,
			    unsigned int ripas, uint8_t *rim, unsigned int algo,
			    const struct s2tt_ctx *s2)
{
	uint64_t size = s2tt_entry_size(w->level);
	uint64_t addr = base & ~(size - 1);

	for (unsigned int i = w->index; addr < top; i++, addr += size) {
		uint64_t s2tte = s2tt_read(w->g_table, i);

		rmm_assert(i < S2TTES_PER_TABLE);
		enum s2tte_kind kind = s2tte_decode(s2tte, w->level);

		if (s2tte_kind_ripas(kind) != ripas) {
			s2tt_write(w->g_table, i, s2tte_with_ripas(s2tte, w->level, ripas));
			/* ASSIGNED RAM -> EMPTY: a valid mapping becomes invalid. */
			if (kind == S2TTE_ASSIGNED_RAM)
				plat_s2_tlbi_ipa(s2->vmid, addr, w->level);
		}
		if (rim != NULL)
			measure_rim_extend_ripas(rim, algo, addr, addr + size);
	}
}

/*
 * Failure conditions (B4.3.18.2), in spec order: rd_align, rd_bound,
 * rd_state, size_valid, top_bound (INPUT); realm_state (REALM); base_align,
 * rtte_state (ERROR_RTT at the walk level); top_gran_align (INPUT);
 * no_progress (ERROR_RTT).  The RD stays locked for the RIM (RD -> RTTs).
 */
void rmi_rtt_init_ripas(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], base = args[1], top = args[2], walk_top;
	struct granule *g_rd;
	enum s2tte_kind kind;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	struct rd *rd;

	g_rd = find_lock_rd(rd_pa);
	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	rd = rd_map(g_rd);
	s2 = rd->s2;
	if (top <= base ||						/* size_valid */
	    !s2tt_ipa_is_protected(&s2, top - GRANULE_SIZE)) {		/* top_bound */
		res->x[0] = RMI_ERROR_INPUT;
		goto out_rd;
	}
	if (rd->state != REALM_NEW) {					/* realm_state */
		res->x[0] = RMI_ERROR_REALM;
		goto out_rd;
	}

	granule_lock(granule_from_pa(s2.rtt_base));
	s2tt_walk_lock(&s2, base, S2TT_PAGE_LEVEL, &w);
	kind = s2tte_decode(s2tt_read(w.g_table, w.index), w.level);
	if (!s2tt_addr_is_level_aligned(base, w.level) ||		/* base_align */
	    !s2tte_kind_is_unassigned(kind)) {				/* rtte_state */
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out_walk;
	}
	if (!pa_is_granule_aligned(top)) {				/* top_gran_align */
		res->x[0] = RMI_ERROR_INPUT;
		goto out_walk;
	}
	walk_top = skip_entries_with_ripas(&w, base, top, false);
	if (walk_top == base) {						/* no_progress */
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out_walk;
	}

	set_range_ripas(&w, base, walk_top, RMI_RAM,
			rd->measurements[MEASURE_RIM_SLOT], rd->hash_algo, &s2);
	res->x[0] = RMI_SUCCESS;
	res->x[1] = walk_top;
out_walk:
	granule_unlock(w.g_lock);
out_rd:
	rd_unmap(rd);
	granule_unlock(g_rd);
}

/*
 * Failure conditions (B4.3.21.2), in spec order: rd_align, rd_bound,
 * rd_state, rec_align, rec_bound, rec_gran_state (INPUT; RD and REC locked
 * in PA order); rec_state, rec_owner (REC); size_valid, base_bound,
 * top_bound (INPUT); base_align (ERROR_RTT); top_gran_align (INPUT);
 * no_progress (ERROR_RTT).  base_align and no_progress do not apply when
 * the entry at @base already has the requested RIPAS.
 *
 * In that case the spec's progress, MinAddress(top, walk_top), can be at
 * or below @base (@base inside a block whose RIPAS already matches, @top
 * inside the same block): progress would stall or go backwards.  This RMM
 * then reports the end of that entry (or @top) instead, which is what the
 * realm asked for.
 *
 * The REC stays locked during the walk (REC -> RTTs, external before
 * internal); the RD is released once the root RTT is locked.
 */
void rmi_rtt_set_ripas(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], rec_pa = args[1], base = args[2], top = args[3];
	struct granule_lock_req locks[2] = {
		{ .pa = rd_pa, .state = GRANULE_STATE_RD },
		{ .pa = rec_pa, .state = GRANULE_STATE_REC },
	};
	uint64_t walk_top, progress, size;
	struct granule *g_rd, *g_rec;
	unsigned int ripas;
	struct s2tt_walk w;
	struct s2tt_ctx s2;
	struct rec *rec;

	if (!granule_lock_set(locks, 2)) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	g_rd = locks[0].g;
	g_rec = locks[1].g;
	rec = rec_map(g_rec);
	if (rec_is_running(g_rec) ||					/* rec_state */
	    rec->owner != rd_pa) {					/* rec_owner */
		res->x[0] = RMI_ERROR_REC;
		granule_unlock(g_rd);
		goto out_rec;
	}
	if (top <= base ||						/* size_valid */
	    base != rec->ripas.addr ||					/* base_bound */
	    top > rec->ripas.top) {					/* top_bound */
		res->x[0] = RMI_ERROR_INPUT;
		granule_unlock(g_rd);
		goto out_rec;
	}

	s2 = rd_s2(g_rd);
	s2tt_lock_root_release_rd(&s2, g_rd);
	s2tt_walk_lock(&s2, base, S2TT_PAGE_LEVEL, &w);
	ripas = s2tte_kind_ripas(s2tte_decode(s2tt_read(w.g_table, w.index), w.level));
	if (!s2tt_addr_is_level_aligned(base, w.level) &&		/* base_align */
	    ripas != rec->ripas.value) {
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out_walk;
	}
	if (!pa_is_granule_aligned(top)) {				/* top_gran_align */
		res->x[0] = RMI_ERROR_INPUT;
		goto out_walk;
	}
	walk_top = skip_entries_with_ripas(&w, base, top, !rec->ripas.change_destroyed);
	if (walk_top == base && ripas != rec->ripas.value) {		/* no_progress */
		res->x[0] = RMI_RETURN(RMI_ERROR_RTT, w.level);
		goto out_walk;
	}

	progress = walk_top < top ? walk_top : top;
	if (progress <= base) {
		/* Only when the entry at base already has the RIPAS (above). */
		size = s2tt_entry_size(w.level);
		progress = (base & ~(size - 1)) + size;
		if (progress > top)
			progress = top;
	} else {
		set_range_ripas(&w, base, progress, rec->ripas.value, NULL, 0, &s2);
	}
	rec->ripas.addr = progress;
	res->x[0] = RMI_SUCCESS;
	res->x[1] = progress;
out_walk:
	granule_unlock(w.g_lock);
out_rec:
	rec_unmap(rec);
	granule_unlock(g_rec);
}
