/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The aarch64 side of running a REC (plat_rec_run(), <rmm/rec-run.h>):
 * context switch pieces, one file each.  All run at R-EL2 with E2H = 1,
 * so EL1 registers are reached through their _EL12 / _EL02 names.
 */
#ifndef RUNTIME_REALM_H
#define RUNTIME_REALM_H

#include <stdbool.h>
#include <stdint.h>
#include <rmm/rec-run.h>
#include <rmm/rec.h>

/* EL1 system registers through the E2H = 1 aliases. */
#define SCTLR_EL12		S3_5_C1_C0_0
#define CPACR_EL12		S3_5_C1_C0_2
#define TTBR0_EL12		S3_5_C2_C0_0
#define TTBR1_EL12		S3_5_C2_C0_1
#define TCR_EL12		S3_5_C2_C0_2
#define SPSR_EL12		S3_5_C4_C0_0
#define ELR_EL12		S3_5_C4_C0_1
#define AFSR0_EL12		S3_5_C5_C1_0
#define AFSR1_EL12		S3_5_C5_C1_1
#define ESR_EL12		S3_5_C5_C2_0
#define FAR_EL12		S3_5_C6_C0_0
#define MAIR_EL12		S3_5_C10_C2_0
#define AMAIR_EL12		S3_5_C10_C3_0
#define VBAR_EL12		S3_5_C12_C0_0
#define CONTEXTIDR_EL12		S3_5_C13_C0_1
#define CNTKCTL_EL12		S3_5_C14_C1_0
#define CNTP_CTL_EL02		S3_5_C14_C2_1
#define CNTP_CVAL_EL02		S3_5_C14_C2_2
#define CNTV_CTL_EL02		S3_5_C14_C3_1
#define CNTV_CVAL_EL02		S3_5_C14_C3_2

/* GICv3 virtual CPU interface (EL2) */
#define ICH_HCR_EL2_S		S3_4_C12_C11_0
#define ICH_MISR_EL2_S		S3_4_C12_C11_2
#define ICH_VMCR_EL2_S		S3_4_C12_C11_7

/* HCR_EL2 for a realm (cca-interfaces.md §6.4) */
#define HCR_VM			(1ULL << 0)
#define HCR_SWIO		(1ULL << 1)
#define HCR_PTW			(1ULL << 2)
#define HCR_FMO			(1ULL << 3)
#define HCR_IMO			(1ULL << 4)
#define HCR_AMO			(1ULL << 5)
#define HCR_BSU_IS		(1ULL << 10)
#define HCR_TWI			(1ULL << 13)
#define HCR_TWE			(1ULL << 14)
#define HCR_TID3		(1ULL << 18)
#define HCR_TSC			(1ULL << 19)
#define HCR_TEA			(1ULL << 37)
#define HCR_APK			(1ULL << 40)
#define HCR_API			(1ULL << 41)
#define HCR_FWB			(1ULL << 46)

/*
 * CPTR_EL2 with E2H = 1 (CPACR layout): FP/SIMD untrapped, SVE/SME trapped.
 * While a realm runs, activity monitors (TAM) and trace registers (TTA)
 * trap too: nobody switches them, so a realm would read the host's
 * counters and trace setup (the ID registers already hide both).
 */
#define CPTR_EL2_ZEN		(3ULL << 16)
#define CPTR_EL2_FPEN		(3ULL << 20)
#define CPTR_EL2_TTA		(1ULL << 28)
#define CPTR_EL2_TAM		(1ULL << 30)

/* CNTHCTL_EL2 with E2H = 1: EL1 physical counter and timer accessible. */
#define CNTHCTL_EL1PCTEN	(1ULL << 10)
#define CNTHCTL_EL1PTEN		(1ULL << 11)

/*
 * MDCR_EL2: PMU accesses trapped (the realm has no PMU); debug register,
 * OS lock and debug ROM accesses trapped too, because nobody switches the
 * host's debug state (core/rec-exit.c makes them RAZ/WI).
 */
#define MDCR_TDA		(1ULL << 9)
#define MDCR_TDOSA		(1ULL << 10)
#define MDCR_TDRA		(1ULL << 11)
#define MDCR_TPMCR		(1ULL << 5)
#define MDCR_TPM		(1ULL << 6)

/* What this CPU has, read once at boot (rec-run.c). */
struct realm_cpu_caps {
	bool pauth, fwb, ras, pmu;
	unsigned int num_lrs;		/* ListRegs + 1 */
	unsigned int num_aprs;		/* ICH_AP0R/AP1R registers */
	unsigned int vtcr_ps;		/* VTCR_EL2.PS */
	bool vmid16;
	unsigned int pmu_hpmn;		/* PMCR_EL0.N */
	bool ns_sve;			/* the host may have live SVE state */
};
extern struct realm_cpu_caps realm_caps;
void realm_caps_init(void);
/* rec-run.c: CPTR_EL2 for the RMM itself on this CPU (after realm_caps_init). */
void rmm_cpu_fp_init(void);

/* ctx-el1.c: EL1/EL0 registers, PAuth keys and EL1 timers. */
void el1_ctx_save(struct rec_sysregs *s, uint64_t *sctlr);
void el1_ctx_restore(const struct rec_sysregs *s, uint64_t sctlr);

/* gic-vcpu.c */
void gic_vcpu_save(struct rec_gic *g);
void gic_vcpu_restore(const struct rec_gic *g, bool enable);

/* timer.c */
void timers_mask_asserted(struct rec *rec);
void timers_unmask_saved(struct rec *rec);

/* stage2.c */
void stage2_load(const struct rec_run_cfg *cfg, uint64_t vmpidr);

/* realm-entry.S, fp-ctx.S */
unsigned int realm_enter(uint64_t *gprs);
void fpregs_save(struct rec_fpregs *fp);
void fpregs_restore(const struct rec_fpregs *fp);

/* 32 Z registers, 16 P registers and FFR at the largest VL, 256 bytes. */
#define SVE_MAX_VL		256
#define NS_SVE_STATE_SIZE	(32 * SVE_MAX_VL + 17 * (SVE_MAX_VL / 8))
void sve_regs_save(void *z_lo, void *z_hi, void *p);
void sve_regs_restore(const void *z_lo, const void *z_hi, const void *p);
uint64_t sve_vl_bytes(void);

#define ZCR_EL2_S		S3_4_C1_C2_0
#define ZCR_EL12_S		S3_5_C1_C2_0	/* ZCR_EL1 from EL2 with E2H = 1 */

#endif /* RUNTIME_REALM_H */
