/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Running a REC: the interface between the portable REC_ENTER / realm-exit
 * logic (core/rec-enter.c, core/rec-exit.c, core/rsi*.c) and the
 * architecture (runtime/rec-run.c on aarch64, a scripted fake on the host).
 *
 * plat_rec_run() switches this CPU to the REC (EL1 context, FP/SIMD, timers,
 * GICv3 virtual CPU interface, stage 2), runs it until it takes an exception
 * the architecture layer does not handle by itself, switches back to the
 * Non-secure world's state and reports the exception.  The REC's GPRs, PC
 * and PSTATE are in struct rec before and after; the core decides whether
 * the realm resumes (another plat_rec_run()) or the host gets a REC exit.
 *
 * The architecture layer handles on its own only what needs the hardware:
 * trapped ID register reads (sanitised views) and nothing else.
 */
#ifndef RMM_REC_RUN_H
#define RMM_REC_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <abi/rmi.h>
#include <rmm/rec.h>

/* Per-run configuration the core hands to the architecture. */
struct rec_run_cfg {
	uint64_t rtt_base;		/* VTTBR_EL2.BADDR */
	uint16_t vmid;
	unsigned int mecid;		/* hardware MECID (plat_mec_set) */
	unsigned int ipa_bits;
	int level_start;
	bool sve;			/* the realm has SVE (RmiRealmFlags) */
	uint8_t sve_vl;			/* its vector length, VQ - 1 */
};

enum rec_exc_kind {
	REC_EXC_SYNC = 0,
	REC_EXC_IRQ,
	REC_EXC_FIQ,
	REC_EXC_SERROR,
};

struct rec_exception {
	unsigned int kind;		/* enum rec_exc_kind */
	uint64_t esr;			/* ESR_EL2 */
	uint64_t far;			/* FAR_EL2 */
	uint64_t hpfar;			/* HPFAR_EL2 */
};

void plat_rec_run(struct rec *rec, const struct rec_run_cfg *cfg,
		  struct rec_exception *exc);

/*
 * Stage-2 TLB maintenance for a realm's VMID after the core changed a
 * valid (or table) RTT entry: one IPA at @level, or everything.
 */
void plat_s2_tlbi_ipa(unsigned int vmid, uint64_t ipa, int level);
void plat_s2_tlbi_vmid(unsigned int vmid);

/* ---------------------------------------------------------------- ESR */

#define ESR_EC_SHIFT		26
#define ESR_EC(esr)		(((esr) >> ESR_EC_SHIFT) & 0x3FU)
#define ESR_EC_UNKNOWN		0x00U
#define ESR_EC_WFX		0x01U
#define ESR_EC_HVC64		0x16U
#define ESR_EC_SMC64		0x17U
#define ESR_EC_SYS64		0x18U
#define ESR_EC_SVE		0x19U
#define ESR_EC_SME		0x1DU
#define ESR_EC_IABT_LOW		0x20U
#define ESR_EC_IABT_CUR		0x21U
#define ESR_EC_DABT_LOW		0x24U
#define ESR_EC_DABT_CUR		0x25U
#define ESR_EC_SERROR		0x2FU
#define ESR_IL			(1ULL << 25)
#define ESR_EC_FIELD		(0x3FULL << ESR_EC_SHIFT)

/* Data abort ISS */
#define ESR_ISV			(1ULL << 24)
#define ESR_SAS_SHIFT		22
#define ESR_SAS_MASK		(3ULL << ESR_SAS_SHIFT)
#define ESR_SSE			(1ULL << 21)
#define ESR_SRT_SHIFT		16
#define ESR_SRT_MASK		(0x1FULL << ESR_SRT_SHIFT)
#define ESR_SF			(1ULL << 15)
#define ESR_SET_MASK		(3ULL << 11)
#define ESR_FNV			(1ULL << 10)
#define ESR_EA			(1ULL << 9)
#define ESR_WNR			(1ULL << 6)
#define ESR_FSC_MASK		0x3FULL
#define ESR_FSC_SEA		0x10ULL

/* What a REC exit shows the host (cca-interfaces.md §7.4). */
#define ESR_MASK_PROTECTED	(ESR_EC_FIELD | ESR_SET_MASK | ESR_FNV | ESR_EA | ESR_FSC_MASK)
#define ESR_MASK_UNPROTECTED	(ESR_MASK_PROTECTED | ESR_ISV | ESR_SAS_MASK | ESR_SF | ESR_WNR)
#define ESR_WFX_TI_MASK		0x3ULL
#define ESR_MASK_WFX		(ESR_EC_FIELD | ESR_WFX_TI_MASK)

/* SYS64 ISS: Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10] Rt[9:5] CRm[4:1] Dir[0] */
#define ESR_SYS_RT_SHIFT	5
#define ESR_SYS_RT_MASK		(0x1FULL << ESR_SYS_RT_SHIFT)
#define ESR_SYS_READ		1ULL
#define ESR_SYS_ENC_MASK	0x3FFC1EULL	/* everything but Rt and Dir */
#define ESR_SYS_ENC(op0, op1, crn, crm, op2) \
	(((uint64_t)(op0) << 20) | ((uint64_t)(op2) << 17) | ((uint64_t)(op1) << 14) | \
	 ((uint64_t)(crn) << 10) | ((uint64_t)(crm) << 1))
#define ESR_SYS_ICC_SGI1R	ESR_SYS_ENC(3, 0, 12, 11, 5)
#define ESR_SYS_ICC_ASGI1R	ESR_SYS_ENC(3, 1, 12, 11, 6)
#define ESR_SYS_ICC_SGI0R	ESR_SYS_ENC(3, 2, 12, 11, 7)
/*
 * The debug register space (op0 2: breakpoints, watchpoints, MDSCR, OS
 * lock, claim tags), trapped with MDCR_EL2.TDA/TDOSA/TDRA while a realm
 * runs.  Neither EL3 nor the RMM switches these registers, so a realm that
 * wrote them would change the host's breakpoints: the realm gets RAZ/WI.
 */
static inline bool esr_sys_is_debug_reg(uint64_t esr)
{
	return ((esr & ESR_SYS_ENC_MASK) >> 20) == 2;
}

/* ID register space trapped by HCR_EL2.TID3: op0 3, op1 0, CRn 0, CRm 1..7 */
static inline bool esr_sys_is_id_reg(uint64_t esr)
{
	uint64_t enc = esr & ESR_SYS_ENC_MASK;
	unsigned int crm = (unsigned int)((enc >> 1) & 0xF);

	return (enc & ~(0xFULL << 1) & ~(7ULL << 17)) == ESR_SYS_ENC(3, 0, 0, 0, 0) &&
	       crm >= 1 && crm <= 7;
}

/*
 * The sanitised value of the trapped ID register of @esr (TID3 space), or
 * false if the architecture layer does not know it (the realm then gets
 * an UNDEF).  Implemented by the platform (the real registers are
 * aarch64-only); the realm's feature set is the RMM's, not the host's.
 */
bool plat_id_reg_read(const struct rec_run_cfg *cfg, uint64_t esr, uint64_t *val);

/* HPFAR_EL2.FIPA [47:4] = IPA[55:12] */
#define HPFAR_FIPA_MASK		0x0000FFFFFFFFFFF0ULL
static inline uint64_t hpfar_to_ipa(uint64_t hpfar, uint64_t far)
{
	return ((hpfar & HPFAR_FIPA_MASK) << 8) | (far & 0xFFFULL);
}

#endif /* RMM_REC_RUN_H */
