/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AArch64 system-register access and the architectural bit definitions the
 * monitor uses.  Registers the assembler may not know by name are spelled
 * with their S<op0>_<op1>_C<n>_C<m>_<op2> encoding.
 */
#ifndef MONITOR_ARCH_H
#define MONITOR_ARCH_H

#define BIT(n)			(1ULL << (n))

/* Encodings of registers newer than some assemblers. */
#define ID_AA64PFR2_EL1_S	S3_0_C0_C4_2
#define ID_AA64SMFR0_EL1_S	S3_0_C0_C4_5
#define ID_AA64ISAR2_EL1_S	S3_0_C0_C6_2
#define ID_AA64MMFR3_EL1_S	S3_0_C0_C7_3
#define ZCR_EL3_S		S3_6_C1_C2_0
#define SMCR_EL3_S		S3_6_C1_C2_6
#define GPTBR_EL3_S		S3_6_C2_C1_4
#define GPCCR_EL3_S		S3_6_C2_C1_6
#define ICC_SRE_EL3_S		S3_6_C12_C12_5

/* SCR_EL3 */
#define SCR_NS			BIT(0)
#define SCR_RES1		(BIT(4) | BIT(5))
#define SCR_HCE			BIT(8)
#define SCR_RW			BIT(10)
#define SCR_APK			BIT(16)
#define SCR_API			BIT(17)
#define SCR_ENSCXT		BIT(25)
#define SCR_ATA			BIT(26)
#define SCR_FGTEN		BIT(27)
#define SCR_ECVEN		BIT(28)
#define SCR_ENAS0		BIT(36)
#define SCR_ADEN		BIT(37)
#define SCR_HXEN		BIT(38)
#define SCR_GCSEN		BIT(39)
#define SCR_ENTP2		BIT(41)
#define SCR_RCWMASKEN		BIT(42)
#define SCR_TCR2EN		BIT(43)
#define SCR_SCTLR2EN		BIT(44)
#define SCR_PIEN		BIT(45)
#define SCR_AIEN		BIT(46)
#define SCR_D128EN		BIT(47)
#define SCR_MECEN		BIT(49)
#define SCR_ENFPM		BIT(50)
#define SCR_ENIDCP128		BIT(55)
#define SCR_FGTEN2		BIT(59)
#define SCR_NSE			BIT(62)

/* CPTR_EL3 */
#define CPTR_EZ			BIT(8)
#define CPTR_ESM		BIT(12)

/* SMCR_EL3 */
#define SMCR_LEN_MAX		0xFULL
#define SMCR_EZT0		BIT(30)
#define SMCR_FA64		BIT(31)

/* MDCR_EL3 */
#define MDCR_ENPM2		BIT(7)
#define MDCR_NSPB_NS		(3ULL << 12)
#define MDCR_NSTB_NS		(3ULL << 24)
#define MDCR_SBRBE_ALL		(3ULL << 32)

/* SCTLR_EL3 / SCTLR_EL2 */
#define SCTLR_M			BIT(0)
#define SCTLR_C			BIT(2)
#define SCTLR_SA		BIT(3)
#define SCTLR_I			BIT(12)
#define SCTLR_WXN		BIT(19)
#define SCTLR_EL3_RES1		(BIT(4) | BIT(5) | BIT(11) | BIT(16) | BIT(18) | \
				 BIT(22) | BIT(23) | BIT(28) | BIT(29))
#define SCTLR_EL2_RES1		SCTLR_EL3_RES1

/* SPSR for entering NS-EL2h with D, A, I, F masked. */
#define SPSR_EL2H_DAIF		0x3C9ULL

/* ESR_ELx */
#define ESR_EC_SHIFT		26
#define ESR_EC_MASK		0x3FU
#define ESR_EC_SMC64		0x17U

/* MPIDR_EL1 affinity fields. */
#define MPIDR_AFF_MASK		0xFF00FFFFFFULL

#ifndef __ASSEMBLY__
#include <stdint.h>

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define read_sysreg(reg) ({						\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " __stringify(reg) : "=r"(__v));	\
	__v;								\
})

#define write_sysreg(reg, val) do {					\
	uint64_t __v = (uint64_t)(val);					\
	__asm__ volatile("msr " __stringify(reg) ", %0" :: "r"(__v));	\
} while (0)

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline void dsb_sy(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void dsb_ish(void)
{
	__asm__ volatile("dsb ish" ::: "memory");
}

static inline void dsb_osh(void)
{
	__asm__ volatile("dsb osh" ::: "memory");
}

static inline void sev(void)
{
	__asm__ volatile("sev" ::: "memory");
}

static inline void wfi(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

/* Extract an ID register field: id_field(reg, lsb, width). */
static inline unsigned int id_field(uint64_t reg, unsigned int shift, unsigned int width)
{
	return (unsigned int)((reg >> shift) & ((1ULL << width) - 1));
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write64(uintptr_t addr, uint64_t v)
{
	*(volatile uint64_t *)addr = v;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void mmio_write16(uintptr_t addr, uint16_t v)
{
	*(volatile uint16_t *)addr = v;
}
#endif /* __ASSEMBLY__ */

#endif /* MONITOR_ARCH_H */
