/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_REC_ENTER (DEN0137 B4.3.14; cca-interfaces.md §5.3, §6.3): check the
 * call, complete what the previous REC exit left pending, run the REC until
 * something needs the host, and report that exit in the RmiRecRun granule.
 *
 * RUNNING (<rmm/rec.h>): the REC lock is taken only to check and claim the
 * REC (refcount 0 -> 1) and to release it (1 -> 0).  While it runs no lock
 * is held, every other RMI command refuses the REC, and the RMM reads the
 * realm's immutable configuration (stage 2, VMID, hash algorithm) without
 * the RD lock; what changes (realm state, measurements) is accessed with
 * the RD lock, never together with another lock.
 */
#include <stddef.h>
#include <string.h>
#include <abi/rsi.h>
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rec.h>
#include <rmm/rmi-handlers.h>
#include <rmm/rsi-handlers.h>

/* ICH_LR<n>_EL2 (GICv3) */
#define LR_STATE_SHIFT		62
#define LR_HW			(1ULL << 61)
#define LR_RES0_PINTID		0x0000EDFF00000000ULL	/* [47:42], [40:32] */
#define LR_VINTID_MASK		0xFFFFFFFFULL
#define GIC_SPECIAL_FIRST	1020U
#define GIC_LPI_FIRST		8192U
#define GIC_INTID_LIMIT		(1U << 24)
/* ICH_HCR_EL2.EOIcount [31:27] */
#define ICH_HCR_EOICOUNT_MASK	(0x1FULL << 27)

static bool lr_is_valid(uint64_t lr)
{
	return (lr >> LR_STATE_SHIFT) != 0;
}

/* The GIC rules of cca-interfaces.md §5.3 (gicv3_hcr, each valid LR). */
static bool gic_enter_is_valid(const struct rec_gic *gic, unsigned int num_lrs)
{
	unsigned int i, j;

	if (gic->hcr & ~RMI_REC_GICV3_HCR_HOST_MASK)
		return false;
	for (i = 0; i < num_lrs; i++) {
		uint64_t lr = gic->lrs[i];
		uint64_t vintid = lr & LR_VINTID_MASK;

		if (!lr_is_valid(lr))
			continue;
		if ((lr & LR_HW) || (lr & LR_RES0_PINTID))
			return false;
		if (vintid >= GIC_SPECIAL_FIRST &&
		    (vintid < GIC_LPI_FIRST || vintid >= GIC_INTID_LIMIT))
			return false;
		for (j = 0; j < i; j++)
			if (lr_is_valid(gic->lrs[j]) &&
			    (gic->lrs[j] & LR_VINTID_MASK) == vintid)
				return false;
	}
	return true;
}

/* Realm state, read without the RD lock (an aligned 32-bit word). */
static uint32_t realm_state_peek(uint64_t rd_pa)
{
	struct rd *rd = plat_granule_map(rd_pa);
	uint32_t state = __atomic_load_n(&rd->state, __ATOMIC_ACQUIRE);

	plat_granule_unmap(rd);
	return state;
}

/* Sign- or zero-extend an MMIO load as the saved abort describes it. */
static uint64_t mmio_load_value(uint64_t esr, uint64_t data)
{
	unsigned int bits = 8U << ((esr & ESR_SAS_MASK) >> ESR_SAS_SHIFT);

	if (bits < 64) {
		data &= (1ULL << bits) - 1;
		if ((esr & ESR_SSE) && (data & (1ULL << (bits - 1))))
			data |= ~((1ULL << bits) - 1);
	}
	if (!(esr & ESR_SF))
		data &= 0xFFFFFFFFULL;
	return data;
}

static void complete_host_call(struct rec_ctx *c, const uint64_t *gprs)
{
	struct rec *rec = c->rec;
	struct realm_mem m;

	if (realm_mem_map(&c->s2, rec->host_call_ipa, &m) != REALM_MEM_OK) {
		/* The host took the page away meanwhile. */
		rec->gprs[0] = RSI_ERROR_INPUT;
		return;
	}
	memcpy(((struct rsi_host_call *)m.va)->gprs, gprs,
	       sizeof(((struct rsi_host_call *)0)->gprs));
	realm_mem_unmap(&m);
	rec->gprs[0] = RSI_SUCCESS;
}

/* cca-interfaces.md §6.3: SEA injection, MMIO, RIPAS response, host call. */
static void complete_pending(struct rec_ctx *c, uint64_t flags, const uint64_t *gprs)
{
	struct rec *rec = c->rec;
	bool abort = rec->pending == REC_PENDING_MMIO || rec->pending == REC_PENDING_ABORT;

	if (abort && (flags & RMI_REC_ENTER_INJECT_SEA)) {
		bool el1 = (rec->pstate & 0xFU) != 0;

		rec_inject_sync(rec, ((uint64_t)(el1 ? ESR_EC_DABT_CUR : ESR_EC_DABT_LOW)
				      << ESR_EC_SHIFT) | ESR_IL | ESR_FSC_SEA |
				     (rec->pending_esr & ESR_WNR),
				rec->pending_far, true);
	} else if (rec->pending == REC_PENDING_MMIO && (flags & RMI_REC_ENTER_EMUL_MMIO)) {
		uint64_t esr = rec->pending_esr;
		unsigned int rt = (unsigned int)((esr & ESR_SRT_MASK) >> ESR_SRT_SHIFT);

		if (!(esr & ESR_WNR) && rt != 31)
			rec->gprs[rt] = mmio_load_value(esr, gprs[0]);
		rec->pc += 4;
	}
	/* An abort the host did not complete: the access is retried. */

	if (rec->pending == REC_PENDING_RIPAS) {
		bool reject = (flags & RMI_REC_ENTER_RIPAS_RESPONSE) &&
			      rec->ripas.value == RMI_RAM && rec->ripas.addr < rec->ripas.top;

		rec->gprs[0] = RSI_SUCCESS;
		rec->gprs[1] = rec->ripas.addr;
		rec->gprs[2] = reject ? RSI_REJECT : RSI_ACCEPT;
	} else if (rec->pending == REC_PENDING_HOST_CALL) {
		complete_host_call(c, gprs);
	}
	rec->pending = REC_PENDING_NONE;
}

/* State every exit reports: GIC (masked) and timers. */
static void exit_fill_common(const struct rec *rec, struct rmi_rec_exit *exit)
{
	exit->gicv3_hcr = rec->gic.hcr & (ICH_HCR_EOICOUNT_MASK | RMI_REC_GICV3_HCR_HOST_MASK);
	memcpy(exit->gicv3_lrs, rec->gic.lrs, sizeof(exit->gicv3_lrs));
	exit->gicv3_misr = rec->gic.misr;
	exit->gicv3_vmcr = rec->gic.vmcr;
	exit->cntv_ctl = rec->sysregs.cntv_ctl;
	exit->cntv_cval = rec->sysregs.cntv_cval;
	exit->cntp_ctl = rec->sysregs.cntp_ctl;
	exit->cntp_cval = rec->sysregs.cntp_cval;
	exit->pmu_ovf_status = RMI_PMU_OVERFLOW_NOT_ACTIVE;
}

static void run_rec(struct rec_ctx *c)
{
	struct rec_exception exc;

	for (;;) {
		memset(&exc, 0, sizeof(exc));
		plat_rec_run(c->rec, &c->cfg, &exc);
		if (rec_handle_exception(c, &exc) == REC_EXIT_TO_HOST)
			break;
	}
	exit_fill_common(c->rec, c->exit);
}

struct enter_args {
	uint64_t flags;
	uint64_t gprs[RMI_REC_GPRS];
	struct rec_gic gic;
};

/* run_align, run_bound, run_pas: the parts of RmiRecEnter the RMM reads. */
static bool read_enter(uint64_t run_pa, struct enter_args *e)
{
	memset(e, 0, sizeof(*e));
	return granule_from_pa(run_pa) != NULL &&
	       plat_ns_read(&e->flags, run_pa + offsetof(struct rmi_rec_enter, flags),
			    sizeof(e->flags)) &&
	       plat_ns_read(e->gprs, run_pa + offsetof(struct rmi_rec_enter, gprs),
			    sizeof(e->gprs)) &&
	       plat_ns_read(&e->gic.hcr, run_pa + offsetof(struct rmi_rec_enter, gicv3_hcr),
			    sizeof(e->gic.hcr)) &&
	       plat_ns_read(e->gic.lrs, run_pa + offsetof(struct rmi_rec_enter, gicv3_lrs),
			    sizeof(e->gic.lrs));
}

/*
 * Failure conditions, in this order: rec_align, rec_bound, rec_gran_state,
 * run_align, run_bound, run_pas (INPUT); rec_state: the REC is running
 * (REC); realm_new (REALM, index 0), realm_system_off (REALM, index 1);
 * rec_runnable, psci_pending, gic_lrs / gic_hcr (REC).
 */
void rmi_rec_enter(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rec_pa = args[0], run_pa = args[1];
	const struct plat_features *f = plat_get_features();
	struct rmi_rec_exit exit;
	struct enter_args e;
	struct granule *g_rec;
	struct rec_ctx c;
	struct rd *rd;
	uint32_t state;

	g_rec = find_lock_granule(rec_pa, GRANULE_STATE_REC);
	if (g_rec == NULL || !read_enter(run_pa, &e)) {
		if (g_rec != NULL)
			granule_unlock(g_rec);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	if (rec_is_running(g_rec)) {
		granule_unlock(g_rec);
		res->x[0] = RMI_ERROR_REC;
		return;
	}
	c.rec = rec_map(g_rec);
	c.rd_pa = c.rec->owner;
	state = realm_state_peek(c.rd_pa);
	if (state != REALM_ACTIVE) {
		res->x[0] = RMI_RETURN(RMI_ERROR_REALM, state == REALM_NEW ?
				       RMI_ERROR_REALM_INDEX_NOT_ACTIVE :
				       RMI_ERROR_REALM_INDEX_SYSTEM_OFF);
		goto out_unlock;
	}
	if (!c.rec->runnable || c.rec->psci_pending ||
	    !gic_enter_is_valid(&e.gic, f->gicv3_num_lrs + 1U)) {
		res->x[0] = RMI_ERROR_REC;
		goto out_unlock;
	}
	granule_refcount_inc(g_rec, 1);		/* RUNNING */
	granule_unlock(g_rec);

	/* Immutable after REALM_CREATE: no RD lock needed (see above). */
	rd = plat_granule_map(c.rd_pa);
	c.s2 = rd->s2;
	c.hash_algo = rd->hash_algo;
	c.cfg.vmid = rd->vmid;
	c.cfg.mecid = realm_hw_mecid(rd);
	c.cfg.sve = rd->sve_en;
	c.cfg.sve_vl = rd->sve_vl;
	plat_granule_unmap(rd);
	c.cfg.rtt_base = c.s2.rtt_base;
	c.cfg.ipa_bits = c.s2.ipa_bits;
	c.cfg.level_start = c.s2.level_start;
	memset(&exit, 0, sizeof(exit));
	c.exit = &exit;

	c.rec->gic.hcr = e.gic.hcr;
	memcpy(c.rec->gic.lrs, e.gic.lrs, sizeof(e.gic.lrs));
	c.rec->trap_wfi = (e.flags & RMI_REC_ENTER_TRAP_WFI) != 0;
	c.rec->trap_wfe = (e.flags & RMI_REC_ENTER_TRAP_WFE) != 0;
	complete_pending(&c, e.flags, e.gprs);
	run_rec(&c);

	/* The run page may have changed PAS meanwhile: nothing to report then. */
	(void)plat_ns_write(run_pa + offsetof(struct rmi_rec_run, exit), &exit, sizeof(exit));

	granule_lock(g_rec);
	granule_refcount_dec(g_rec, 1);
	rec_unmap(c.rec);
	granule_unlock(g_rec);
	res->x[0] = RMI_SUCCESS;
	return;

out_unlock:
	rec_unmap(c.rec);
	granule_unlock(g_rec);
}
