/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * What the RMM does with an exception a realm takes to R-EL2
 * (cca-interfaces.md §7.4; TF-RMM runtime/core/exit.c behaviour): resume
 * the realm (after emulating, injecting an exception, or answering an RSI
 * call) or fill a REC exit for the host.  Every value here comes from the
 * realm or the hardware: nothing is asserted on it.
 */
#include <string.h>
#include <rmm/plat.h>
#include <rmm/rec-run.h>
#include <rmm/rec.h>
#include <rmm/rsi-handlers.h>
#include <rmm/s2tt.h>

#define PSTATE_M_MASK		0xFULL
#define PSTATE_M_EL1T		0x4ULL
#define PSTATE_M_EL1H		0x5ULL
#define PSTATE_NRW		(1ULL << 4)	/* AArch32 */
#define PSTATE_SSBS		(1ULL << 12)
#define PSTATE_PAN		(1ULL << 22)
#define SCTLR_EL1_SPAN		(1ULL << 23)
#define SCTLR_EL1_DSSBS		(1ULL << 44)

#define VBAR_CUR_SP0		0x000ULL
#define VBAR_CUR_SPX		0x200ULL
#define VBAR_LOWER_A64		0x400ULL
#define VBAR_LOWER_A32		0x600ULL

#define ESR_FSC_TRANSLATION_L3	0x07ULL

void rec_inject_sync(struct rec *rec, uint64_t esr_el1, uint64_t far, bool set_far)
{
	uint64_t m = rec->pstate & PSTATE_M_MASK, offset;

	if (rec->pstate & PSTATE_NRW)
		offset = VBAR_LOWER_A32;
	else if (m == PSTATE_M_EL1H)
		offset = VBAR_CUR_SPX;
	else if (m == PSTATE_M_EL1T)
		offset = VBAR_CUR_SP0;
	else
		offset = VBAR_LOWER_A64;

	rec->sysregs.elr_el1 = rec->pc;
	rec->sysregs.spsr_el1 = rec->pstate;
	rec->sysregs.esr_el1 = esr_el1;
	if (set_far)
		rec->sysregs.far_el1 = far;
	rec->pc = rec->sysregs.vbar_el1 + offset;
	/* AArch64 exception entry to EL1h: DAIF masked, PAN per SPAN, SSBS per DSSBS. */
	rec->pstate = REC_PSTATE_INIT;
	if (!(rec->sctlr_el1 & SCTLR_EL1_SPAN))
		rec->pstate |= PSTATE_PAN;
	if (rec->sctlr_el1 & SCTLR_EL1_DSSBS)
		rec->pstate |= PSTATE_SSBS;
}

void rec_inject_undef(struct rec *rec)
{
	rec_inject_sync(rec, ((uint64_t)ESR_EC_UNKNOWN << ESR_EC_SHIFT) | ESR_IL, 0, false);
}

static bool realm_at_el0(const struct rec *rec)
{
	return (rec->pstate & PSTATE_NRW) || (rec->pstate & PSTATE_M_MASK) == 0;
}

static void inject_sea(struct rec *rec, const struct rec_exception *exc)
{
	bool iabt = ESR_EC(exc->esr) == ESR_EC_IABT_LOW;
	unsigned int ec = iabt ? (realm_at_el0(rec) ? ESR_EC_IABT_LOW : ESR_EC_IABT_CUR) :
				 (realm_at_el0(rec) ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR);
	uint64_t esr = ((uint64_t)ec << ESR_EC_SHIFT) | ESR_IL | ESR_FSC_SEA;

	if (!iabt)
		esr |= exc->esr & ESR_WNR;
	rec_inject_sync(rec, esr, exc->far, true);
}

static uint64_t gpr_read(const struct rec *rec, unsigned int rt)
{
	return rt < REC_NUM_GPRS ? rec->gprs[rt] : 0;	/* 31: XZR */
}

static enum rec_action exit_sync(struct rec_ctx *c, uint64_t esr, uint64_t far, uint64_t hpfar)
{
	c->exit->exit_reason = RMI_EXIT_SYNC;
	c->exit->esr = esr;
	c->exit->far = far;
	c->exit->hpfar = hpfar;
	return REC_EXIT_TO_HOST;
}

enum rec_action rec_exit_protected_abort(struct rec_ctx *c, uint64_t ipa)
{
	uint64_t esr = ((uint64_t)ESR_EC_DABT_LOW << ESR_EC_SHIFT) | ESR_FSC_TRANSLATION_L3;

	c->rec->pending = REC_PENDING_NONE;
	return exit_sync(c, esr, 0, (ipa >> 12) << 4);
}

/* Unprotected IPA: an MMIO exit the host may emulate (ISV) or answer with SEA. */
static enum rec_action unprotected_abort(struct rec_ctx *c, const struct rec_exception *exc)
{
	struct rec *rec = c->rec;
	uint64_t esr = exc->esr;

	if (ESR_EC(esr) == ESR_EC_IABT_LOW) {
		inject_sea(rec, exc);
		return REC_RESUME;
	}
	rec->pending_far = exc->far;
	rec->pending_esr = esr;
	if (esr & ESR_ISV) {
		rec->pending = REC_PENDING_MMIO;
		if (esr & ESR_WNR) {
			unsigned int rt = (unsigned int)((esr & ESR_SRT_MASK) >> ESR_SRT_SHIFT);
			unsigned int bits = 8U << ((esr & ESR_SAS_MASK) >> ESR_SAS_SHIFT);
			uint64_t v = gpr_read(rec, rt);

			c->exit->gprs[0] = bits < 64 ? v & ((1ULL << bits) - 1) : v;
		}
	} else {
		rec->pending = REC_PENDING_ABORT;
	}
	return exit_sync(c, esr & ESR_MASK_UNPROTECTED, exc->far & 0xFFFULL, exc->hpfar);
}

static enum rec_action handle_abort(struct rec_ctx *c, const struct rec_exception *exc)
{
	uint64_t ipa = hpfar_to_ipa(exc->hpfar, exc->far);
	enum s2tte_kind kind;
	unsigned int ripas;

	if (c->s2.ipa_bits >= 64 || ipa >= (1ULL << c->s2.ipa_bits)) {
		inject_sea(c->rec, exc);
		return REC_RESUME;
	}
	if (!s2tt_ipa_is_protected(&c->s2, ipa))
		return unprotected_abort(c, exc);

	ripas = realm_ipa_ripas(&c->s2, ipa, NULL, &kind);
	if (kind == S2TTE_ASSIGNED_RAM)
		return REC_RESUME;	/* mapped meanwhile (stale TLB): retry */
	if (ripas == RMI_EMPTY) {
		inject_sea(c->rec, exc);
		return REC_RESUME;
	}
	/* RIPAS RAM without a granule, or DESTROYED: the host decides. */
	c->rec->pending = REC_PENDING_ABORT;
	c->rec->pending_far = exc->far;
	c->rec->pending_esr = exc->esr;
	return exit_sync(c, exc->esr & ESR_MASK_PROTECTED, 0, exc->hpfar);
}

static enum rec_action handle_wfx(struct rec_ctx *c, uint64_t esr)
{
	bool wfe = (esr & 1ULL) != 0;	/* TI[0]: WFE / WFET */

	c->rec->pc += 4;
	if ((wfe && !c->rec->trap_wfe) || (!wfe && !c->rec->trap_wfi))
		return REC_RESUME;	/* trap left over from an earlier entry */
	return exit_sync(c, esr & ESR_MASK_WFX, 0, 0);
}

static enum rec_action handle_sysreg(struct rec_ctx *c, uint64_t esr)
{
	struct rec *rec = c->rec;
	unsigned int rt = (unsigned int)((esr & ESR_SYS_RT_MASK) >> ESR_SYS_RT_SHIFT);
	uint64_t enc = esr & ESR_SYS_ENC_MASK, val;

	if ((esr & ESR_SYS_READ) && esr_sys_is_id_reg(esr) &&
	    plat_id_reg_read(&c->cfg, esr, &val)) {
		if (rt < REC_NUM_GPRS)
			rec->gprs[rt] = val;
		rec->pc += 4;
		return REC_RESUME;
	}
	if (esr_sys_is_debug_reg(esr)) {
		if ((esr & ESR_SYS_READ) && rt < REC_NUM_GPRS)
			rec->gprs[rt] = 0;
		rec->pc += 4;
		return REC_RESUME;
	}
	if (!(esr & ESR_SYS_READ) && (enc == ESR_SYS_ICC_SGI1R ||
	    enc == ESR_SYS_ICC_ASGI1R || enc == ESR_SYS_ICC_SGI0R)) {
		c->exit->gprs[0] = gpr_read(rec, rt);
		rec->pc += 4;
		return exit_sync(c, esr & ~ESR_SYS_RT_MASK, 0, 0);
	}
	rec_inject_undef(rec);
	return REC_RESUME;
}

enum rec_action rec_handle_exception(struct rec_ctx *c, const struct rec_exception *exc)
{
	struct rec *rec = c->rec;

	switch (exc->kind) {
	case REC_EXC_IRQ:
		c->exit->exit_reason = RMI_EXIT_IRQ;
		return REC_EXIT_TO_HOST;
	case REC_EXC_FIQ:
		c->exit->exit_reason = RMI_EXIT_FIQ;
		return REC_EXIT_TO_HOST;
	case REC_EXC_SERROR:
		c->exit->exit_reason = RMI_EXIT_SERROR;
		c->exit->esr = exc->esr;
		return REC_EXIT_TO_HOST;
	default:
		break;
	}

	switch (ESR_EC(exc->esr)) {
	case ESR_EC_SMC64:
		return rsi_handle_smc(c);
	case ESR_EC_HVC64:
		/* Preferred return of the UNDEF is the HVC itself. */
		rec->pc -= 4;
		rec_inject_undef(rec);
		return REC_RESUME;
	case ESR_EC_DABT_LOW:
	case ESR_EC_IABT_LOW:
		return handle_abort(c, exc);
	case ESR_EC_WFX:
		return handle_wfx(c, exc->esr);
	case ESR_EC_SYS64:
		return handle_sysreg(c, exc->esr);
	default:
		/* SVE, SME and anything else the RMM traps: UNDEFINED. */
		rec_inject_undef(rec);
		return REC_RESUME;
	}
}
