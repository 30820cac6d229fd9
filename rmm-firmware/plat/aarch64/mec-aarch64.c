/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * FEAT_MEC on R-EL2: probing the MECID width, the EL3 refresh call and
 * the per-entry MECID of the realm (plat_mec_set, <rmm/plat.h>).
 *
 * Registers (Arm ARM, FEAT_MEC; encodings as binutils assembles them):
 *   MECIDR_EL2    S3_4_C10_C8_7  [3:0] MECIDWidthm1
 *   MECID_P0_EL2  S3_4_C10_C8_0  \
 *   MECID_A0_EL2  S3_4_C10_C8_1   | the RMM's own EL2&0 stage-1 accesses
 *   MECID_P1_EL2  S3_4_C10_C8_2   |
 *   MECID_A1_EL2  S3_4_C10_C8_3  /
 *   VMECID_P_EL2  S3_4_C10_C9_0  the realm's EL1&0 stage-2 accesses
 *   VMECID_A_EL2  S3_4_C10_C9_1  ... with the stage-2 AMEC bit (unused)
 *   SCTLR2_EL2    S3_4_C1_C0_3   bit 1 EMEC: MECIDs apply at all
 * EMEC needs FEAT_SCTLR2 (and SCR_EL3.SCTLR2En, MECEn: the monitor sets
 * them when the ID registers say so).  MEC is used only if both exist.
 *
 * The MECID registers reset to UNKNOWN values, so before EMEC is set on a
 * CPU they are all pointed at hardware MECID 0, the RMM's own context:
 * with EMEC the RMM's accesses keep the context they had without it.
 * This happens lazily, on the CPU's first plat_mec_set(), because that
 * is the only path that needs EMEC (and it keeps the boot code untouched).
 */
#include <stdint.h>
#include <abi/rmm-el3.h>
#include <rmm/plat.h>
#include <plat-aarch64.h>

#define ID_AA64MMFR3_EL1_S	S3_0_C0_C7_3
#define MECIDR_EL2_S		S3_4_C10_C8_7
#define MECID_P0_EL2_S		S3_4_C10_C8_0
#define MECID_A0_EL2_S		S3_4_C10_C8_1
#define MECID_P1_EL2_S		S3_4_C10_C8_2
#define MECID_A1_EL2_S		S3_4_C10_C8_3
#define VMECID_P_EL2_S		S3_4_C10_C9_0
#define VMECID_A_EL2_S		S3_4_C10_C9_1
#define SCTLR2_EL2_S		S3_4_C1_C0_3

#define MMFR3_SCTLRX_SHIFT	4
#define MMFR3_MEC_SHIFT		28
#define SCTLR2_EMEC		(1ULL << 1)
#define RMM_HW_MECID		0

#define mec_str1(x)		#x
#define mec_str(x)		mec_str1(x)
#define mec_read(reg) ({						\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " mec_str(reg) : "=r"(__v));		\
	__v;								\
})
#define mec_write(reg, val) \
	__asm__ volatile("msr " mec_str(reg) ", %0" :: "r"((uint64_t)(val)))
#define mec_isb()		__asm__ volatile("isb" ::: "memory")

static unsigned int field4(uint64_t reg, unsigned int shift)
{
	return (unsigned int)((reg >> shift) & 0xF);
}

unsigned int plat_mec_probe(void)
{
	uint64_t mmfr3 = mec_read(ID_AA64MMFR3_EL1_S);

	if (field4(mmfr3, MMFR3_MEC_SHIFT) == 0 || field4(mmfr3, MMFR3_SCTLRX_SHIFT) == 0)
		return 0;
	return (unsigned int)(mec_read(MECIDR_EL2_S) & 0xF) + 1;
}

int plat_mec_refresh(unsigned int hw_mecid, unsigned int reason)
{
	uint64_t x1 = ((uint64_t)hw_mecid << RMM_MEC_REFRESH_MECID_SHIFT) | (reason & 1U);

	return (int)(int64_t)plat_smc1(RMM_MEC_REFRESH, x1);
}

/* First use on this CPU: every MECID register to the RMM's, then EMEC. */
static void mec_enable_this_cpu(void)
{
	mec_write(MECID_P0_EL2_S, RMM_HW_MECID);
	mec_write(MECID_A0_EL2_S, RMM_HW_MECID);
	mec_write(MECID_P1_EL2_S, RMM_HW_MECID);
	mec_write(MECID_A1_EL2_S, RMM_HW_MECID);
	mec_write(VMECID_A_EL2_S, RMM_HW_MECID);
	mec_isb();
	mec_write(SCTLR2_EL2_S, mec_read(SCTLR2_EL2_S) | SCTLR2_EMEC);
	mec_isb();
}

void plat_mec_set(unsigned int hw_mecid)
{
	if (plat_get_features()->mecid_bits == 0)
		return;
	if (!(mec_read(SCTLR2_EL2_S) & SCTLR2_EMEC))
		mec_enable_this_cpu();
	mec_write(VMECID_P_EL2_S, hw_mecid);
	mec_isb();
}
