/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_REC_ENTER (cca-interfaces.md §5.3, §6.3, §7.4) with a scripted fake
 * realm: failure conditions in order, the RUNNING state, pending
 * completions, and the REC exit record of each kind of realm exception.
 */
#include <string.h>
#include <abi/psci.h>
#include <abi/rsi.h>
#include <rmm/assert.h>
#include <rmm/mec.h>
#include "realm-fake.h"

static struct run_realm rr;

static int setup(void **state)
{
	test_setup(state);
	run_realm_setup(&rr);
	return 0;
}

static struct rmi_rec_exit *ex(void)
{
	return &run_page(&rr)->exit;
}

static void enter_ok(void)
{
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_SUCCESS);
	assert_int_equal(granule_refcount_at(rr.rec0), 0);
	assert_no_locks();
}

static void enter_input_checks(void **state)
{
	(void)state;
	assert_int_equal(RMI2(RMI_REC_ENTER, PA_UNALIGNED(rr.rec0), rr.run).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI2(RMI_REC_ENTER, PA_OUTSIDE_DRAM, rr.run).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI2(RMI_REC_ENTER, rr.r.rd, rr.run).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI2(RMI_REC_ENTER, rr.rec0, PA_UNALIGNED(rr.run)).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI2(RMI_REC_ENTER, rr.rec0, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI2(RMI_REC_ENTER, rr.rec0, alloc_delegated()).x[0], RMI_ERROR_INPUT);
	assert_int_equal(host_rec_run_calls(), 0);
	assert_no_locks();
}

static void enter_realm_state(void **state)
{
	struct rmi_realm_params p;
	struct test_realm r2;
	uint64_t rec;

	(void)state;
	realm_params_fill_default(&p, alloc_granules(2, 2));
	p.vmid = 7;
	test_realm_create(&r2, &p);
	rec = test_rec_create(&r2, 0, true);
	assert_int_equal(rec_enter(&rr, rec), RMI_RETURN(RMI_ERROR_REALM, 0));
	test_rd(&rr.r)->state = REALM_SYSTEM_OFF;
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_RETURN(RMI_ERROR_REALM, 1));
	assert_int_equal(host_rec_run_calls(), 0);
	assert_no_locks();
}

static void enter_rec_state(void **state)
{
	(void)state;
	assert_int_equal(rec_enter(&rr, rr.rec1), RMI_ERROR_REC);
	test_rec(rr.rec0)->psci_pending = true;
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	assert_int_equal(host_rec_run_calls(), 0);
	assert_no_locks();
}

static void enter_gic_checks(void **state)
{
	struct rmi_rec_enter *e = &run_page(&rr)->enter;
	static const uint64_t bad[] = {
		1ULL << 62 | 1ULL << 61 | 40,		/* HW */
		1ULL << 62 | 1ULL << 33 | 40,		/* pINTID */
		1ULL << 62 | 1020,			/* special INTID */
		1ULL << 62 | 5000,			/* between SPIs and LPIs */
	};

	(void)state;
	e->gicv3_hcr = 1ULL << 0;			/* En: the RMM's */
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	e->gicv3_hcr = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		e->gicv3_lrs[0] = bad[i];
		assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	}
	e->gicv3_lrs[0] = 1ULL << 62 | 40;
	e->gicv3_lrs[3] = 1ULL << 62 | 40;		/* duplicate */
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	assert_int_equal(host_rec_run_calls(), 0);

	e->gicv3_lrs[3] = 1ULL << 62 | 1ULL << 41 | 8192;	/* EOI, LPI */
	e->gicv3_hcr = RMI_REC_GICV3_HCR_HOST_MASK;
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_IRQ);
	assert_int_equal(ex()->gicv3_lrs[0], e->gicv3_lrs[0]);
	assert_int_equal(ex()->gicv3_lrs[3], e->gicv3_lrs[3]);
	assert_int_equal(ex()->gicv3_hcr, RMI_REC_GICV3_HCR_HOST_MASK);
}

static void reenter_hook(struct rec *rec)
{
	assert_int_equal(granule_refcount_at(rr.rec0), 1);
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	assert_int_equal(RMI1(RMI_REC_DESTROY, rr.rec0).x[0], RMI_ERROR_REC);
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, rr.r.rd, rr.rec0, RAM_BASE, RAM_TOP).x[0],
			 RMI_ERROR_REC);
	/* A PSCI request being recorded cannot be completed yet. */
	rec->psci_pending = true;
	assert_int_equal(RMI3(RMI_PSCI_COMPLETE, rr.rec0, rr.rec1, PSCI_E_SUCCESS).x[0],
			 RMI_ERROR_INPUT);
	rec->psci_pending = false;
}

static void running_rec_refused(void **state)
{
	(void)state;
	fake_exc(REC_EXC_FIQ, 0, 0, 0)->hook = reenter_hook;
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_FIQ);
	assert_int_equal(RMI1(RMI_REC_DESTROY, rr.rec1).x[0], RMI_SUCCESS);
}

static void set_x(struct rec *rec)
{
	rec->gprs[5] = 0x1122334455667788ULL;
}

static void mmio_store_and_load(void **state)
{
	uint64_t store = ESR_ISV | (2ULL << ESR_SAS_SHIFT) | (5ULL << ESR_SRT_SHIFT) |
			 ESR_WNR | 0x07;
	uint64_t load = ESR_ISV | (1ULL << ESR_SAS_SHIFT) | ESR_SSE | ESR_SF |
			(7ULL << ESR_SRT_SHIFT) | 0x07;
	struct rmi_rec_run *run = run_page(&rr);

	(void)state;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, store), 0xFFFF0123ULL,
		 hpfar_of(IPA_UNPROT + 0x9000))->hook = set_x;
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ex()->esr, ((uint64_t)ESR_EC_DABT_LOW << 26) | ESR_ISV |
			 (2ULL << ESR_SAS_SHIFT) | ESR_WNR | 0x07);
	assert_int_equal(ex()->far, 0x123);
	assert_int_equal(ex()->hpfar, hpfar_of(IPA_UNPROT + 0x9000));
	assert_int_equal(ex()->gprs[0], 0x55667788ULL);
	assert_int_equal(ex()->gprs[5], 0);

	run->enter.flags = RMI_REC_ENTER_EMUL_MMIO;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, load), 0, hpfar_of(IPA_UNPROT));
	enter_ok();
	assert_int_equal(fake_seen[1].pc, REC_PC + 4);
	assert_int_equal(ex()->esr & ESR_SRT_MASK, 0);
	assert_int_equal(ex()->gprs[0], 0);

	run->enter.gprs[0] = 0xABCD8001ULL;
	enter_ok();
	assert_int_equal(fake_seen[2].pc, REC_PC + 8);
	assert_int_equal(fake_seen[2].gprs[7], 0xFFFFFFFFFFFF8001ULL);
}

static void mmio_load_32bit_and_xzr(void **state)
{
	uint64_t load = ESR_ISV | (1ULL << ESR_SAS_SHIFT) | ESR_SSE | (3ULL << ESR_SRT_SHIFT);
	struct rmi_rec_run *run = run_page(&rr);

	(void)state;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, load), 0, hpfar_of(IPA_UNPROT));
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, ESR_ISV | (31ULL << ESR_SRT_SHIFT)),
		 0, hpfar_of(IPA_UNPROT));
	enter_ok();
	run->enter.flags = RMI_REC_ENTER_EMUL_MMIO;
	run->enter.gprs[0] = 0x8001ULL;
	enter_ok();
	assert_int_equal(fake_seen[1].gprs[3], 0xFFFF8001ULL);
	enter_ok();		/* load into XZR: nothing written */
	assert_int_equal(fake_seen[2].pc, REC_PC + 8);
}

static void mmio_without_completion_retries(void **state)
{
	(void)state;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, ESR_ISV), 0, hpfar_of(IPA_UNPROT));
	enter_ok();
	enter_ok();
	assert_int_equal(fake_seen[1].pc, REC_PC);
	/* EMUL_MMIO without a pending MMIO exit is ignored. */
	run_page(&rr)->enter.flags = RMI_REC_ENTER_EMUL_MMIO;
	enter_ok();
	assert_int_equal(fake_seen[2].pc, REC_PC);
}

static void sea_injection(void **state)
{
	struct rec *rec = test_rec(rr.rec0);

	(void)state;
	rec->sysregs.vbar_el1 = 0x80100000ULL;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, ESR_WNR), 0x4567, hpfar_of(IPA_UNPROT));
	enter_ok();
	assert_int_equal(ex()->esr & ESR_ISV, 0);
	run_page(&rr)->enter.flags = RMI_REC_ENTER_INJECT_SEA | RMI_REC_ENTER_EMUL_MMIO;
	enter_ok();
	assert_int_equal(fake_seen[1].pc, 0x80100000ULL + 0x200);
	assert_int_equal(rec->sysregs.elr_el1, REC_PC);
	assert_int_equal(rec->sysregs.spsr_el1, REC_PSTATE_INIT);
	assert_int_equal(rec->sysregs.far_el1, 0x4567);
	assert_int_equal(rec->sysregs.esr_el1,
			 esr_of(ESR_EC_DABT_CUR, ESR_WNR | ESR_FSC_SEA));
	assert_int_equal(fake_seen[1].pstate & 0x3C5, 0x3C5);
}

static void protected_aborts(void **state)
{
	struct rec *rec = test_rec(rr.rec0);

	(void)state;
	rec->sysregs.vbar_el1 = 0x80100000ULL;
	/* RIPAS RAM, no granule: the host's. */
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, ESR_ISV | ESR_WNR | (3ULL << 16) | 0x07),
		 0xFFFF0123ULL, hpfar_of(RAM_UNMAPPED));
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ex()->esr, ((uint64_t)ESR_EC_DABT_LOW << 26) | 0x07);
	assert_int_equal(ex()->far, 0);
	assert_int_equal(ex()->hpfar, hpfar_of(RAM_UNMAPPED));
	assert_int_equal(ex()->gprs[0], 0);

	/* RIPAS EMPTY and outside the IPA space: SEA, no exit; mapped: retry. */
	fake_reset();
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, 0x07), 0, hpfar_of(IPA_EMPTY));
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_IABT_LOW, 0x07), 0, hpfar_of(1ULL << 40));
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_DABT_LOW, 0x07), 0, hpfar_of(RAM_DATA1));
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_IRQ);
	assert_int_equal(fake_seen[1].pc, 0x80100000ULL + 0x200);
	assert_int_equal(fake_seen[3].pc, 0x80100000ULL + 0x200);
	assert_int_equal(rec->sysregs.esr_el1, esr_of(ESR_EC_IABT_CUR, ESR_FSC_SEA));
}

static void wfx_traps(void **state)
{
	(void)state;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_WFX, 0x1FFFFFE), 0, 0);	/* WFI */
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_WFX, 1), 0, 0);		/* WFE */
	run_page(&rr)->enter.flags = RMI_REC_ENTER_TRAP_WFE;
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ex()->esr, ((uint64_t)ESR_EC_WFX << 26) | 1);
	assert_int_equal(test_rec(rr.rec0)->pc, REC_PC + 8);

	fake_reset();
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_WFX, 2), 0, 0);		/* WFIT */
	run_page(&rr)->enter.flags = RMI_REC_ENTER_TRAP_WFI;
	enter_ok();
	assert_int_equal(ex()->esr, ((uint64_t)ESR_EC_WFX << 26) | 2);
}

static void set_x9(struct rec *rec)
{
	rec->gprs[9] = 0x0001000000000042ULL;
}

static void sysreg_traps(void **state)
{
	uint64_t sgi1r = ESR_SYS_ICC_SGI1R | (9ULL << ESR_SYS_RT_SHIFT);
	uint64_t id = ESR_SYS_ENC(3, 0, 0, 4, 0) | (2ULL << ESR_SYS_RT_SHIFT) | ESR_SYS_READ;
	uint64_t id32 = ESR_SYS_ENC(3, 0, 0, 1, 0) | (2ULL << ESR_SYS_RT_SHIFT) | ESR_SYS_READ;
	struct rec *rec = test_rec(rr.rec0);

	(void)state;
	rec->sysregs.vbar_el1 = 0x80100000ULL;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SYS64, id), 0, 0);
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SYS64, sgi1r), 0, 0)->hook = set_x9;
	enter_ok();
	assert_int_equal(fake_seen[1].gprs[2], HOST_ID_REG_VALUE);
	assert_int_equal(fake_seen[1].pc, REC_PC + 4);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ex()->esr, esr_of(ESR_EC_SYS64, ESR_SYS_ICC_SGI1R));
	assert_int_equal(ex()->gprs[0], 0x0001000000000042ULL);

	/* Unknown to the platform, a write to an ID register, HVC, SVE: UNDEF. */
	fake_reset();
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SYS64, id32), 0, 0);
	enter_ok();
	assert_int_equal(fake_seen[1].pc, 0x80100000ULL + 0x200);
	assert_int_equal(rec->sysregs.esr_el1, ESR_IL);
	assert_int_equal(rec->sysregs.elr_el1, REC_PC + 8);
}

/* Debug registers: RAZ/WI for the realm, the instruction stepped over. */
static void debug_regs_raz_wi(void **state)
{
	uint64_t bcr0_read = ESR_SYS_ENC(2, 0, 0, 0, 5) | (3ULL << ESR_SYS_RT_SHIFT) | ESR_SYS_READ;
	uint64_t mdscr_write = ESR_SYS_ENC(2, 0, 0, 2, 2) | (9ULL << ESR_SYS_RT_SHIFT);
	struct rec *rec = test_rec(rr.rec0);

	(void)state;
	rec->sysregs.vbar_el1 = 0x80100000ULL;
	rec->gprs[3] = 0x1234;
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SYS64, bcr0_read), 0, 0);
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SYS64, mdscr_write), 0, 0);
	fake_exc(REC_EXC_SERROR, esr_of(ESR_EC_SERROR, 0x1), 0, 0);
	enter_ok();
	assert_int_equal(fake_seen[1].gprs[3], 0);
	assert_int_equal(fake_seen[1].pc, REC_PC + 4);
	assert_int_equal(fake_seen[2].pc, REC_PC + 8);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SERROR);
}

static void hvc_and_serror(void **state)
{
	struct rec *rec = test_rec(rr.rec0);

	(void)state;
	rec->sysregs.vbar_el1 = 0x80100000ULL;
	rec->pc = REC_PC + 4;		/* ELR_EL2 after an HVC: the next one */
	fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_HVC64, 0), 0, 0);
	fake_exc(REC_EXC_SERROR, esr_of(ESR_EC_SERROR, 0x1234), 0, 0);
	enter_ok();
	assert_int_equal(rec->sysregs.elr_el1, REC_PC);
	assert_int_equal(fake_seen[1].pc, 0x80100000ULL + 0x200);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SERROR);
	assert_int_equal(ex()->esr, esr_of(ESR_EC_SERROR, 0x1234));
}

/* Entries a realm may have cached are invalidated for its VMID. */
static void stage2_tlb_maintenance(void **state)
{
	unsigned int vmid = test_rd(&rr.r)->vmid;
	unsigned int calls = host_tlbi_log()->ipa_calls;

	(void)state;
	assert_int_equal(RMI2(RMI_DATA_DESTROY, rr.r.rd, RAM_DATA1).x[0], RMI_SUCCESS);
	assert_int_equal(host_tlbi_log()->ipa_calls, calls + 1);
	assert_int_equal(host_tlbi_log()->last_ipa, RAM_DATA1);
	assert_int_equal(host_tlbi_log()->last_vmid, vmid);

	/* RSI_IPA_STATE_SET to EMPTY over the assigned RAM page. */
	fake_smc(0xC4000197ULL, RAM_DATA0, RAM_DATA0 + 0x1000, 0, 0);
	enter_ok();
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, rr.r.rd, rr.rec0, RAM_DATA0,
			      RAM_DATA0 + 0x1000).x[0], RMI_SUCCESS);
	assert_int_equal(host_tlbi_log()->ipa_calls, calls + 2);
	assert_int_equal(host_tlbi_log()->last_ipa, RAM_DATA0);
}

static unsigned int seen_cfg_mecid;

static void record_cfg(struct rec *rec, const struct rec_run_cfg *cfg,
		       struct rec_exception *exc, void *arg)
{
	(void)rec;
	(void)arg;
	seen_cfg_mecid = cfg->mecid;
	exc->kind = REC_EXC_IRQ;
}

/*
 * FEAT_MEC: every realm entry programs the realm's hardware MECID
 * (stage2_load() calls plat_mec_set(cfg->mecid); the host fake does the
 * same in plat_rec_run()).
 */
static void entry_programs_realm_mecid(void **state)
{
	struct rmi_realm_params p;
	struct test_realm r2;
	unsigned int calls;
	uint64_t rec;

	(void)state;
	/* An RMI 1.0 realm: user MECID 0 (shared), hardware MECID 1. */
	host_rec_run_set(record_cfg, NULL);
	calls = host_mec_log()->set_calls;
	enter_ok();
	assert_int_equal(seen_cfg_mecid, mec_hw_mecid(MEC_LEGACY_MECID));
	assert_int_equal(host_mec_log()->current, realm_hw_mecid(test_rd(&rr.r)));
	assert_int_equal(host_mec_log()->current, 1);
	assert_int_equal(host_mec_log()->set_calls, calls + 1);

	/* An RMI 1.1 realm with private MECID 42: hardware MECID 43. */
	assert_int_equal(RMI1(RMI_VERSION, RMI_ABI_VERSION_1_1).x[0], RMI_SUCCESS);
	realm_params_fill_default(&p, alloc_granules(2, 2));
	p.vmid = 9;
	p.mecid = 42;
	test_realm_create(&r2, &p);
	rec = test_rec_create(&r2, 0, true);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r2.rd).x[0], RMI_SUCCESS);
	assert_int_equal(rec_enter(&rr, rec), RMI_SUCCESS);
	assert_int_equal(seen_cfg_mecid, 43);
	assert_int_equal(host_mec_log()->current, 43);
	assert_int_equal(host_mec_log()->current, realm_hw_mecid(test_rd(&r2)));

	/* And back: the first realm's entry switches to its MECID again. */
	enter_ok();
	assert_int_equal(host_mec_log()->current, 1);
	assert_int_equal(host_mec_log()->set_calls, calls + 3);
	assert_no_locks();
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(enter_input_checks),
		T(enter_realm_state),
		T(enter_rec_state),
		T(enter_gic_checks),
		T(running_rec_refused),
		T(mmio_store_and_load),
		T(mmio_load_32bit_and_xzr),
		T(mmio_without_completion_retries),
		T(sea_injection),
		T(protected_aborts),
		T(wfx_traps),
		T(sysreg_traps),
		T(debug_regs_raz_wi),
		T(hvc_and_serror),
		T(stage2_tlb_maintenance),
		T(entry_programs_realm_mecid),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
