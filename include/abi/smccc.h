/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * SMC Calling Convention (Arm DEN0028): function-ID encoding and the
 * architectural calls every conduit user needs.
 */
#ifndef ABI_SMCCC_H
#define ABI_SMCCC_H

#include "types.h"

/* Function identifier fields (SMCCC 1.4, section 2.5). */
#define SMCCC_FAST_CALL		(1U << 31)
#define SMCCC_SMC64		(1U << 30)
#define SMCCC_OEN_SHIFT		24
#define SMCCC_OEN_MASK		0x3fU
#define SMCCC_SVE_HINT		(1U << 16)	/* SMCCC 1.3: no live SVE state */
#define SMCCC_FNUM_MASK		0xffffU

#define SMCCC_OEN_ARCH		0
#define SMCCC_OEN_STD		4		/* standard secure service */

#define SMCCC_FID(smc64, oen, fnum) \
	(SMCCC_FAST_CALL | ((smc64) ? SMCCC_SMC64 : 0) | \
	 ((uint32_t)(oen) << SMCCC_OEN_SHIFT) | (uint32_t)(fnum))
#define SMCCC_FID_OEN(fid)	(((fid) >> SMCCC_OEN_SHIFT) & SMCCC_OEN_MASK)
#define SMCCC_FID_FNUM(fid)	((fid) & SMCCC_FNUM_MASK)
#define SMCCC_FID_IS_SMC64(fid)	(((fid) & SMCCC_SMC64) != 0)

/* RMI, RSI and the RMM-EL3 interface: SMC64, fast, standard service. */
#define SMC64_STD_FID(fnum)	SMCCC_FID(1, SMCCC_OEN_STD, fnum)

/* Architecture calls (OEN 0). */
#define SMCCC_VERSION		0x80000000U
#define SMCCC_ARCH_FEATURES	0x80000001U
#define SMCCC_ARCH_SOC_ID	0x80000002U
#define SMCCC_ARCH_WORKAROUND_1	0x80008000U
#define SMCCC_ARCH_WORKAROUND_2	0x80007fffU
#define SMCCC_ARCH_WORKAROUND_3	0x80003fffU

#define SMCCC_VERSION_1_1	0x10001U
#define SMCCC_VERSION_1_2	0x10002U

/* Return values (named SMCCC_E_* to stay clear of <linux/arm-smccc.h>). */
#define SMCCC_E_SUCCESS			0
#define SMCCC_E_NOT_SUPPORTED		(-1)
#define SMCCC_E_NOT_REQUIRED		(-2)
#define SMCCC_E_INVALID_PARAMETER	(-3)

/* An unknown function ID returns -1 in x0 (all 64 bits set). */
#define SMC_UNKNOWN		((uint64_t)-1)

static_assert(SMC64_STD_FID(0x150) == 0xC4000150U, "RMI_VERSION encoding");

#endif /* ABI_SMCCC_H */
