/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * R-EL2 system registers and bit values the runtime uses.  The RMM runs
 * with HCR_EL2.E2H = 1 (the EL2&0 regime, like TF-RMM): TCR_EL2 and
 * SCTLR_EL2 then have the EL1 layouts, and E2H = 0 is not guaranteed to
 * exist (FEAT_E2H0 is optional).
 */
#ifndef RUNTIME_ARCH_H
#define RUNTIME_ARCH_H

#define BIT(n)			(1ULL << (n))

#define ICC_SRE_EL2_S		S3_4_C12_C9_5
#define ICH_VTR_EL2_S		S3_4_C12_C11_1

/* HCR_EL2 */
#define HCR_RW			BIT(31)
#define HCR_E2H			BIT(34)
#define HCR_EL2_RMM		(HCR_E2H | HCR_RW)

/* SCTLR_EL2 with E2H = 1 (SCTLR_EL1 layout) */
#define SCTLR_M			BIT(0)
#define SCTLR_C			BIT(2)
#define SCTLR_SA		BIT(3)
#define SCTLR_I			BIT(12)
#define SCTLR_WXN		BIT(19)
#define SCTLR_EL2_RES1		(BIT(11) | BIT(20) | BIT(22) | BIT(23) | BIT(28) | BIT(29))
#define SCTLR_EL2_MMU_OFF	(SCTLR_EL2_RES1 | SCTLR_SA)

/* ICC_SRE_EL2: system registers for EL2 and EL1, EL1 access enabled. */
#define ICC_SRE_EL2_VALUE	0xFULL

/* ESR_EL2 */
#define ESR_EC_SHIFT		26
#define ESR_EC_MASK		0x3FU
#define ESR_EC_DABT_CUR		0x25U
#define ESR_DFSC_MASK		0x3FU
#define ESR_DFSC_GPF		0x28U	/* granule protection fault */

#ifndef __ASSEMBLY__
#include <stdint.h>

#define __rt_str1(x)		#x
#define __rt_str(x)		__rt_str1(x)

#define read_sysreg(reg) ({						\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " __rt_str(reg) : "=r"(__v));		\
	__v;								\
})

#define write_sysreg(reg, val) do {					\
	uint64_t __v = (uint64_t)(val);					\
	__asm__ volatile("msr " __rt_str(reg) ", %0" :: "r"(__v));	\
} while (0)

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline void dsb_ish(void)
{
	__asm__ volatile("dsb ish" ::: "memory");
}

static inline void dsb_sy(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline unsigned int id_field(uint64_t reg, unsigned int shift, unsigned int width)
{
	return (unsigned int)((reg >> shift) & ((1ULL << width) - 1));
}


#endif /* __ASSEMBLY__ */

#endif /* RUNTIME_ARCH_H */
