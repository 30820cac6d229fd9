/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * EL1/EL0 register context of the world the CPU is about to leave or enter
 * at EL1: a REC, or the Non-secure world's EL1 state, which EL3 does not
 * save (cca-interfaces.md §10.5) and the RMM must hand back untouched.
 * The PAuth keys are switched only for RECs' sake (EL3 switches them per
 * world, but two RECs share the Realm world's copy).
 */
#include <runtime/arch.h>
#include <runtime/realm.h>

#define APIAKEYLO	S3_0_C2_C1_0
#define APIAKEYHI	S3_0_C2_C1_1
#define APIBKEYLO	S3_0_C2_C1_2
#define APIBKEYHI	S3_0_C2_C1_3
#define APDAKEYLO	S3_0_C2_C2_0
#define APDAKEYHI	S3_0_C2_C2_1
#define APDBKEYLO	S3_0_C2_C2_2
#define APDBKEYHI	S3_0_C2_C2_3
#define APGAKEYLO	S3_0_C2_C3_0
#define APGAKEYHI	S3_0_C2_C3_1

/* X(field, register) of struct rec_sysregs, in no particular order. */
#define EL1_REGS(X)					\
	X(sp_el0, sp_el0)				\
	X(sp_el1, sp_el1)				\
	X(elr_el1, ELR_EL12)				\
	X(spsr_el1, SPSR_EL12)				\
	X(ttbr0_el1, TTBR0_EL12)			\
	X(ttbr1_el1, TTBR1_EL12)			\
	X(tcr_el1, TCR_EL12)				\
	X(mair_el1, MAIR_EL12)				\
	X(amair_el1, AMAIR_EL12)			\
	X(vbar_el1, VBAR_EL12)				\
	X(contextidr_el1, CONTEXTIDR_EL12)		\
	X(cpacr_el1, CPACR_EL12)			\
	X(tpidr_el0, tpidr_el0)				\
	X(tpidrro_el0, tpidrro_el0)			\
	X(tpidr_el1, tpidr_el1)				\
	X(esr_el1, ESR_EL12)				\
	X(far_el1, FAR_EL12)				\
	X(afsr0_el1, AFSR0_EL12)			\
	X(afsr1_el1, AFSR1_EL12)			\
	X(par_el1, par_el1)				\
	X(cntkctl_el1, CNTKCTL_EL12)			\
	X(mdscr_el1, mdscr_el1)				\
	X(csselr_el1, csselr_el1)			\
	X(actlr_el1, actlr_el1)

#define PAUTH_KEYS(X)					\
	X(0, APIAKEYLO) X(1, APIAKEYHI)			\
	X(2, APIBKEYLO) X(3, APIBKEYHI)			\
	X(4, APDAKEYLO) X(5, APDAKEYHI)			\
	X(6, APDBKEYLO) X(7, APDBKEYHI)			\
	X(8, APGAKEYLO) X(9, APGAKEYHI)

void el1_ctx_save(struct rec_sysregs *s, uint64_t *sctlr)
{
#define SAVE(field, reg)	s->field = read_sysreg(reg);
#define SAVE_KEY(i, reg)	s->apkeys[i] = read_sysreg(reg);
	EL1_REGS(SAVE)
	*sctlr = read_sysreg(SCTLR_EL12);
	if (realm_caps.pauth) {
		PAUTH_KEYS(SAVE_KEY)
	}
	/* Timers: control first so that the saved compare value is final. */
	s->cntv_ctl = read_sysreg(CNTV_CTL_EL02);
	s->cntv_cval = read_sysreg(CNTV_CVAL_EL02);
	s->cntp_ctl = read_sysreg(CNTP_CTL_EL02);
	s->cntp_cval = read_sysreg(CNTP_CVAL_EL02);
#undef SAVE
#undef SAVE_KEY
}

void el1_ctx_restore(const struct rec_sysregs *s, uint64_t sctlr)
{
#define LOAD(field, reg)	write_sysreg(reg, s->field);
#define LOAD_KEY(i, reg)	write_sysreg(reg, s->apkeys[i]);
	/* The outgoing timers are stopped before the new compare values land. */
	write_sysreg(CNTV_CTL_EL02, 0);
	write_sysreg(CNTP_CTL_EL02, 0);
	isb();
	EL1_REGS(LOAD)
	write_sysreg(SCTLR_EL12, sctlr);
	if (realm_caps.pauth) {
		PAUTH_KEYS(LOAD_KEY)
	}
	write_sysreg(CNTV_CVAL_EL02, s->cntv_cval);
	write_sysreg(CNTP_CVAL_EL02, s->cntp_cval);
	write_sysreg(CNTV_CTL_EL02, s->cntv_ctl);
	write_sysreg(CNTP_CTL_EL02, s->cntp_ctl);
	isb();
#undef LOAD
#undef LOAD_KEY
}
