/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_REC_CREATE and RMI_REC_DESTROY (DEN0137 B4.3.12, B4.3.13;
 * cca-interfaces.md §5.2, §6.3), and the REC helpers the realm-exit runtime
 * uses to record requests for the host (<rmm/rec.h>).
 */
#include <string.h>
#include <abi/rsi.h>
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec.h>
#include <rmm/rmi-handlers.h>

#define MPIDR_AFF0(m)	((m) & 0xFULL)
#define MPIDR_AFF1(m)	(((m) >> 8) & 0xFFULL)
#define MPIDR_AFF2(m)	(((m) >> 16) & 0xFFULL)
#define MPIDR_AFF3(m)	(((m) >> 24) & 0xFFULL)

struct rec *rec_map(struct granule *g_rec)
{
	rmm_assert(granule_is_locked(g_rec));
	return plat_granule_map(granule_to_pa(g_rec));
}

void rec_unmap(struct rec *rec)
{
	plat_granule_unmap(rec);
}

uint64_t rec_mpidr_to_index(uint64_t m)
{
	return MPIDR_AFF0(m) + 16 * (MPIDR_AFF1(m) + 256 * (MPIDR_AFF2(m) +
						       256 * MPIDR_AFF3(m)));
}

uint64_t rec_mpidr_to_arch(uint64_t m)
{
	return MPIDR_AFF0(m) | MPIDR_AFF1(m) << 8 | MPIDR_AFF2(m) << 16 |
	       MPIDR_AFF3(m) << 32;
}

void rec_reset_state(struct rec *rec, uint64_t pc, const uint64_t *gprs,
		     unsigned int num_gprs, uint64_t sctlr_el1)
{
	rmm_assert(num_gprs <= REC_NUM_GPRS);
	memset(rec->gprs, 0, sizeof(rec->gprs));
	for (unsigned int i = 0; i < num_gprs; i++)
		rec->gprs[i] = gprs[i];
	rec->pc = pc;
	rec->pstate = REC_PSTATE_INIT;
	rec->sctlr_el1 = sctlr_el1;
	/* Architecturally UNKNOWN at reset: zero, so nothing leaks across. */
	memset(&rec->sysregs, 0, sizeof(rec->sysregs));
	memset(&rec->fp, 0, sizeof(rec->fp));
	rec->pending = REC_PENDING_NONE;
}

void rec_ripas_request(struct rec *rec, uint64_t base, uint64_t top,
		       unsigned int ripas, uint64_t flags)
{
	rec->ripas.addr = base;
	rec->ripas.top = top;
	rec->ripas.value = (uint8_t)ripas;
	rec->ripas.change_destroyed = (flags & RSI_CHANGE_DESTROYED) != 0;
}

void rec_psci_request(struct rec *rec, uint64_t fid, uint64_t mpidr,
		      uint64_t entry, uint64_t context_id)
{
	rec->gprs[0] = fid;
	rec->gprs[1] = mpidr;
	rec->gprs[2] = entry;
	rec->gprs[3] = context_id;
	rec->psci_pending = true;
}

/* AuxAligned, AuxAlias (B3.10, B3.9); bound and state come with the locks. */
static bool aux_aligned(const struct rmi_rec_params *p)
{
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++)
		if (!pa_is_granule_aligned(p->aux[i]))
			return false;
	return true;
}

static bool aux_alias(uint64_t rec_pa, const struct rmi_rec_params *p)
{
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++) {
		if (p->aux[i] == rec_pa)
			return true;
		for (unsigned int j = 0; j < i; j++)
			if (p->aux[j] == p->aux[i])
				return true;
	}
	return false;
}

static void unlock_all(struct granule_lock_req *locks, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		granule_unlock(locks[i].g);
}

/*
 * Failure conditions (B4.3.12.2), checked in this order: params_align,
 * params_bound, params_pas (INPUT); rec_align, rec_bound, rd_align,
 * rd_bound (INPUT); num_aux, aux_align, aux_alias (INPUT, needed to build
 * the lock set); rec_state, rd_state, aux_state (INPUT: every external
 * granule locked in PA order); realm_state, num_recs (REALM); mpidr_index
 * (INPUT).  The only ordering the spec imposes, [rd_bound, rd_state] <
 * [realm_state, num_recs], holds.  The aux granules are external here
 * (named by the host) and must be locked with the RD and the REC in one
 * PA-ordered set: locking them after the RD could deadlock against a
 * command that holds one of them and waits for the RD (<rmm/granule.h>).
 */
void rmi_rec_create(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], rec_pa = args[1], params_pa = args[2];
	struct granule_lock_req locks[2 + REC_NUM_AUX_GRANULES];
	const struct plat_features *f = plat_get_features();
	struct rmi_rec_params p;	/* the only copy ever read */
	struct granule *g_rd, *g_rec;
	struct rd *rd;
	struct rec *rec;
	unsigned int i, n = 0;

	res->x[0] = RMI_ERROR_INPUT;

	/* params_align, params_bound, params_pas: copied once. */
	if (granule_from_pa(params_pa) == NULL ||
	    !plat_ns_read(&p, params_pa, sizeof(p)))
		return;
	/* rec_align, rec_bound, rd_align, rd_bound */
	if (granule_from_pa(rec_pa) == NULL || granule_from_pa(rd_pa) == NULL)
		return;
	/* num_aux, aux_align, aux_alias */
	if (p.num_aux != REC_NUM_AUX_GRANULES || !aux_aligned(&p) ||
	    aux_alias(rec_pa, &p))
		return;

	/* rec_state, rd_state, aux_state (aux_bound is part of it: B3.13) */
	locks[n++] = (struct granule_lock_req){ .pa = rd_pa, .state = GRANULE_STATE_RD };
	locks[n++] = (struct granule_lock_req){ .pa = rec_pa, .state = GRANULE_STATE_DELEGATED };
	for (i = 0; i < REC_NUM_AUX_GRANULES; i++)
		locks[n++] = (struct granule_lock_req){
			.pa = p.aux[i], .state = GRANULE_STATE_DELEGATED };
	if (!granule_lock_set(locks, n))
		return;
	g_rd = locks[0].g;
	g_rec = locks[1].g;

	rd = rd_map(g_rd);
	if (rd->state != REALM_NEW ||						/* realm_state */
	    granule_refcount_read(g_rd) == (1UL << f->max_recs_order) - 1) {	/* num_recs */
		res->x[0] = RMI_ERROR_REALM;
		goto out;
	}
	if (rec_mpidr_to_index(p.mpidr) != rd->rec_index)			/* mpidr_index */
		goto out;

	/* The REC granule is DELEGATED, hence zero: only set what is not. */
	rec = rec_map(g_rec);
	rec->owner = rd_pa;
	rec->mpidr = p.mpidr & RMI_REC_MPIDR_VALID_MASK;
	rec->rec_idx = rd->rec_index;
	rec->runnable = (p.flags & RMI_REC_PARAMS_FLAG_RUNNABLE) != 0;
	rec->vmpidr_el2 = rec_mpidr_to_arch(p.mpidr) | VMPIDR_RES1;
	rec_reset_state(rec, p.pc, p.gprs, RMI_REC_PARAMS_GPRS, REC_SCTLR_EL1_INIT);
	rec->num_aux = REC_NUM_AUX_GRANULES;
	for (i = 0; i < REC_NUM_AUX_GRANULES; i++)
		rec->aux[i] = p.aux[i];
	rec_unmap(rec);

	if (p.flags & RMI_REC_PARAMS_FLAG_RUNNABLE)
		measure_rim_extend_rec(rd->measurements[MEASURE_RIM_SLOT],
				       rd->hash_algo, &p);
	rd->rec_index++;
	granule_refcount_inc(g_rd, 1);

	for (i = 2; i < n; i++)
		granule_set_state(locks[i].g, GRANULE_STATE_REC_AUX);
	granule_set_state(g_rec, GRANULE_STATE_REC);
	res->x[0] = RMI_SUCCESS;
out:
	rd_unmap(rd);
	unlock_all(locks, n);
}

/*
 * Failure conditions (B4.3.13.2): rec_align, rec_bound, rec_gran_state
 * (INPUT), rec_state (REC: the REC is running).  The aux granules are
 * internal here, locked after their REC in ascending PA order; the RD's
 * REC count drops last, without the RD lock (<rmm/granule.h>).
 */
void rmi_rec_destroy(const uint64_t *args, struct rmi_result *res)
{
	struct granule *g_rec = find_lock_granule(args[0], GRANULE_STATE_REC);
	uint64_t aux[RMI_REC_MAX_AUX], owner, last = 0;
	unsigned int num_aux, i, done;
	struct rec *rec;

	if (g_rec == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	if (rec_is_running(g_rec)) {
		granule_unlock(g_rec);
		res->x[0] = RMI_ERROR_REC;
		return;
	}

	rec = rec_map(g_rec);
	owner = rec->owner;
	num_aux = rec->num_aux;
	rmm_assert(num_aux <= RMI_REC_MAX_AUX);
	memcpy(aux, rec->aux, sizeof(aux));
	rec_unmap(rec);

	for (done = 0; done < num_aux; done++) {
		unsigned int next = num_aux;
		struct granule *g;

		for (i = 0; i < num_aux; i++)
			if ((done == 0 || aux[i] > last) &&
			    (next == num_aux || aux[i] < aux[next]))
				next = i;
		last = aux[next];
		g = granule_from_pa(last);
		rmm_assert(g != NULL);
		granule_lock(g);
		rmm_assert(granule_get_state(g) == GRANULE_STATE_REC_AUX);
		granule_memzero(g);
		granule_unlock_transition(g, GRANULE_STATE_DELEGATED);
	}

	granule_memzero(g_rec);
	granule_refcount_dec(granule_from_pa(owner), 1);
	granule_unlock_transition(g_rec, GRANULE_STATE_DELEGATED);
	res->x[0] = RMI_SUCCESS;
}
