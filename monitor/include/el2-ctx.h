/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The EL2 system-register state EL3 switches between the Non-secure and
 * the Realm world (cca-interfaces.md §10.5): both worlds run at EL2 and
 * the registers are not banked, so each world's copy is saved on the way
 * out and restored on the way in.  Registers of features the CPU lacks
 * are neither read nor written.
 *
 * Not switched, as the RMM-EL3 contract says: EL2 timers, ZCR_EL2,
 * FP/SIMD/SVE/SME and EL1/EL0 registers other than the PAuth keys.  The
 * RMM must leave those as it found them (ours never touches them).  MPAM
 * virtualisation registers (MPAMHCR/MPAMVPM*) are not switched either:
 * neither world's firmware here programs them.
 */
#ifndef MONITOR_EL2_CTX_H
#define MONITOR_EL2_CTX_H

#include <stdint.h>

/* X(field, register spelling, feature) -- see el2-ctx.c for features. */
#define EL2_CTX_REGS(X)							\
	X(actlr, actlr_el2, F_BASE)					\
	X(afsr0, afsr0_el2, F_BASE)					\
	X(afsr1, afsr1_el2, F_BASE)					\
	X(amair, amair_el2, F_BASE)					\
	X(cnthctl, cnthctl_el2, F_BASE)					\
	X(cntvoff, cntvoff_el2, F_BASE)					\
	X(cptr, cptr_el2, F_BASE)					\
	X(elr, elr_el2, F_BASE)						\
	X(esr, esr_el2, F_BASE)						\
	X(far, far_el2, F_BASE)						\
	X(hacr, hacr_el2, F_BASE)					\
	X(hcr, hcr_el2, F_BASE)						\
	X(hpfar, hpfar_el2, F_BASE)					\
	X(hstr, hstr_el2, F_BASE)					\
	X(mair, mair_el2, F_BASE)					\
	X(mdcr, mdcr_el2, F_BASE)					\
	X(sctlr, sctlr_el2, F_BASE)					\
	X(spsr, spsr_el2, F_BASE)					\
	X(sp_el2, sp_el2, F_BASE)					\
	X(sp_el0, sp_el0, F_BASE)					\
	X(tcr, tcr_el2, F_BASE)						\
	X(tpidr, tpidr_el2, F_BASE)					\
	X(ttbr0, ttbr0_el2, F_BASE)					\
	X(vbar, vbar_el2, F_BASE)					\
	X(vmpidr, vmpidr_el2, F_BASE)					\
	X(vpidr, vpidr_el2, F_BASE)					\
	X(vtcr, vtcr_el2, F_BASE)					\
	X(vttbr, vttbr_el2, F_BASE)					\
	X(icc_sre, S3_4_C12_C9_5, F_BASE)				\
	X(ich_hcr, S3_4_C12_C11_0, F_BASE)				\
	X(ich_vmcr, S3_4_C12_C11_7, F_BASE)				\
	X(contextidr, S3_4_C13_C0_1, F_VHE)				\
	X(ttbr1, S3_4_C2_C0_1, F_VHE)					\
	X(dbgvcr32, dbgvcr32_el2, F_AARCH32_EL1)			\
	X(pmscr, S3_4_C9_C9_0, F_SPE)					\
	X(hfgrtr, S3_4_C1_C1_4, F_FGT)					\
	X(hfgwtr, S3_4_C1_C1_5, F_FGT)					\
	X(hfgitr, S3_4_C1_C1_6, F_FGT)					\
	X(hdfgrtr, S3_4_C3_C1_4, F_FGT)					\
	X(hdfgwtr, S3_4_C3_C1_5, F_FGT)					\
	X(hafgrtr, S3_4_C3_C1_6, F_FGT_AMU)				\
	X(hdfgrtr2, S3_4_C3_C1_0, F_FGT2)				\
	X(hdfgwtr2, S3_4_C3_C1_1, F_FGT2)				\
	X(hfgrtr2, S3_4_C3_C1_2, F_FGT2)				\
	X(hfgwtr2, S3_4_C3_C1_3, F_FGT2)				\
	X(hfgitr2, S3_4_C3_C1_7, F_FGT2)				\
	X(cntpoff, S3_4_C14_C0_6, F_ECV)				\
	X(vdisr, S3_4_C12_C1_1, F_RAS)					\
	X(vsesr, S3_4_C5_C2_3, F_RAS)					\
	X(tcr2, S3_4_C2_C0_3, F_TCR2)					\
	X(pire0, S3_4_C10_C2_2, F_S1PIE)				\
	X(pir, S3_4_C10_C2_3, F_S1PIE)					\
	X(por, S3_4_C10_C2_4, F_S1POE)					\
	X(gcscr, S3_4_C2_C5_0, F_GCS)					\
	X(gcspr, S3_4_C2_C5_1, F_GCS)					\
	X(hcrx, S3_4_C1_C2_2, F_HCX)					\
	X(sctlr2, S3_4_C1_C0_3, F_SCTLR2)				\
	X(tfsr, S3_4_C5_C6_0, F_MTE2)					\
	X(vncr, S3_4_C2_C2_0, F_NV2)					\
	X(mpam2, S3_4_C10_C5_0, F_MPAM)					\
	X(apiakeylo, S3_0_C2_C1_0, F_PAUTH)				\
	X(apiakeyhi, S3_0_C2_C1_1, F_PAUTH)				\
	X(apibkeylo, S3_0_C2_C1_2, F_PAUTH)				\
	X(apibkeyhi, S3_0_C2_C1_3, F_PAUTH)				\
	X(apdakeylo, S3_0_C2_C2_0, F_PAUTH)				\
	X(apdakeyhi, S3_0_C2_C2_1, F_PAUTH)				\
	X(apdbkeylo, S3_0_C2_C2_2, F_PAUTH)				\
	X(apdbkeyhi, S3_0_C2_C2_3, F_PAUTH)				\
	X(apgakeylo, S3_0_C2_C3_0, F_PAUTH)				\
	X(apgakeyhi, S3_0_C2_C3_1, F_PAUTH)

struct el2_ctx {
#define EL2_CTX_FIELD(field, reg, feat)	uint64_t field;
	EL2_CTX_REGS(EL2_CTX_FIELD)
#undef EL2_CTX_FIELD
};

/* Read the ID registers once (boot CPU, before any world switch). */
void el2_ctx_probe(void);
void el2_ctx_save(struct el2_ctx *c);
void el2_ctx_restore(const struct el2_ctx *c);
/*
 * The state a world's EL2 starts from: every register zero except
 * SCTLR_EL2, whose RES1 bits are set (MMU and caches off).
 */
void el2_ctx_init(struct el2_ctx *c);

#endif /* MONITOR_EL2_CTX_H */
