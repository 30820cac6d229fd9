/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm Services Interface: RMM specification DEN0137 1.0-REL0 (RSI 1.0),
 * plus the 1.1 plane and device calls.  Issued by the realm at EL1 with SMC;
 * the RMM traps them (HCR_EL2.TSC) and they never reach EL3.
 */
#ifndef ABI_RSI_H
#define ABI_RSI_H

#include "types.h"
#include "smccc.h"

#define RSI_VERSION			SMC64_STD_FID(0x190)
#define RSI_FEATURES			SMC64_STD_FID(0x191)
#define RSI_MEASUREMENT_READ		SMC64_STD_FID(0x192)
#define RSI_MEASUREMENT_EXTEND		SMC64_STD_FID(0x193)
#define RSI_ATTESTATION_TOKEN_INIT	SMC64_STD_FID(0x194)
#define RSI_ATTESTATION_TOKEN_CONTINUE	SMC64_STD_FID(0x195)
#define RSI_REALM_CONFIG		SMC64_STD_FID(0x196)
#define RSI_IPA_STATE_SET		SMC64_STD_FID(0x197)
#define RSI_IPA_STATE_GET		SMC64_STD_FID(0x198)
#define RSI_HOST_CALL			SMC64_STD_FID(0x199)

/* 1.1 */
#define RSI_VSMMU_GET_INFO		SMC64_STD_FID(0x19A)
#define RSI_ARCH_DEV_ACTIVATE		SMC64_STD_FID(0x19B)
#define RSI_VDEV_DMA_ENABLE		SMC64_STD_FID(0x19C)
#define RSI_VDEV_GET_INFO		SMC64_STD_FID(0x19D)
#define RSI_VDEV_VALIDATE_MAPPING	SMC64_STD_FID(0x19F)
#define RSI_MEM_GET_PERM_VALUE		SMC64_STD_FID(0x1A0)
#define RSI_MEM_SET_PERM_INDEX		SMC64_STD_FID(0x1A1)
#define RSI_MEM_SET_PERM_VALUE		SMC64_STD_FID(0x1A2)
#define RSI_PLANE_ENTER			SMC64_STD_FID(0x1A3)
#define RSI_VDEV_DMA_DISABLE		SMC64_STD_FID(0x1A4)
#define RSI_PLANE_SYSREG_READ		SMC64_STD_FID(0x1AE)
#define RSI_PLANE_SYSREG_WRITE		SMC64_STD_FID(0x1AF)

#define RSI_FNUM_FIRST			0x190U
#define RSI_FNUM_LAST			0x1AFU

/* Status codes (x0). */
#define RSI_SUCCESS			0
#define RSI_ERROR_INPUT			1
#define RSI_ERROR_STATE			2
#define RSI_INCOMPLETE			3
#define RSI_ERROR_UNKNOWN		4
#define RSI_ERROR_DEVICE		5	/* 1.1 */

#define RSI_ABI_VERSION(major, minor)	((((uint64_t)(major) & 0x7FFF) << 16) | ((minor) & 0xFFFF))
#define RSI_ABI_VERSION_1_0		RSI_ABI_VERSION(1, 0)
#define RSI_ABI_VERSION_1_1		RSI_ABI_VERSION(1, 1)

/* RsiHashAlgorithm */
#define RSI_HASH_SHA_256		0
#define RSI_HASH_SHA_512		1

/* RsiRipas */
#define RSI_RIPAS_EMPTY			0
#define RSI_RIPAS_RAM			1
#define RSI_RIPAS_DESTROYED		2
#define RSI_RIPAS_DEV			3	/* 1.1 */

/* RSI_IPA_STATE_SET flags and response. */
#define RSI_CHANGE_DESTROYED		(1ULL << 0)
#define RSI_ACCEPT			0
#define RSI_REJECT			1

/* Measurement indices: 0 = RIM, 1..4 = REM. */
#define RSI_MEASUREMENT_RIM		0
#define RSI_MEASUREMENT_REM_FIRST	1
#define RSI_MEASUREMENT_REM_LAST	4
#define RSI_MEASUREMENT_MAX_SIZE	64

#define RSI_CHALLENGE_SIZE		64

/* RsiFeatureRegister0 (1.1+). */
#define RSI_FEAT0_DA			(1ULL << 0)
#define RSI_FEAT0_MRO			(1ULL << 1)
#define RSI_FEAT0_ATS			(1ULL << 2)

#define RSI_RPV_SIZE			64

/* RsiRealmConfig: a 4 KiB granule-aligned buffer filled by RSI_REALM_CONFIG. */
struct rsi_realm_config {
	uint64_t ipa_width;			/* 0x000 */
	uint8_t hash_algo;			/* 0x008 RsiHashAlgorithm */
	uint8_t reserved_hash[7];
	uint64_t num_aux_planes;		/* 0x010 (1.1) */
	uint32_t gicv3_vtr;			/* 0x018 (1.1) */
	uint32_t reserved_vtr;
	uint64_t ats_plane;			/* 0x020 (1.1) */
	uint8_t reserved0[0x200 - 0x028];
	uint8_t rpv[RSI_RPV_SIZE];		/* 0x200 */
	uint8_t reserved1[0x1000 - 0x240];
};
ABI_SIZE(struct rsi_realm_config, 0x1000);
ABI_OFFSET(struct rsi_realm_config, ipa_width, 0x000);
ABI_OFFSET(struct rsi_realm_config, hash_algo, 0x008);
ABI_OFFSET(struct rsi_realm_config, num_aux_planes, 0x010);
ABI_OFFSET(struct rsi_realm_config, gicv3_vtr, 0x018);
ABI_OFFSET(struct rsi_realm_config, ats_plane, 0x020);
ABI_OFFSET(struct rsi_realm_config, rpv, 0x200);

/* RsiHostCall: 256-byte aligned, must not cross a granule. */
#define RSI_HOST_CALL_NR_GPRS		31
#define RSI_HOST_CALL_ALIGN		256

struct rsi_host_call {
	uint32_t imm;				/* 0x000 (UInt16 in the spec) */
	uint32_t reserved_imm;
	uint64_t gprs[RSI_HOST_CALL_NR_GPRS];	/* 0x008 */
};
ABI_SIZE(struct rsi_host_call, 0x100);
ABI_OFFSET(struct rsi_host_call, imm, 0x000);
ABI_OFFSET(struct rsi_host_call, gprs, 0x008);

/* RsiPlaneRun (1.1), 4 KiB. */
#define RSI_PLANE_ENTER_TRAP_WFI	(1ULL << 0)
#define RSI_PLANE_ENTER_TRAP_WFE	(1ULL << 1)
#define RSI_PLANE_ENTER_TRAP_HC		(1ULL << 2)
#define RSI_PLANE_ENTER_OWN_GIC		(1ULL << 3)
#define RSI_PLANE_ENTER_TRAP_SIMD	(1ULL << 4)

#define RSI_PLANE_EXIT_SYNC		0
#define RSI_PLANE_EXIT_IRQ		1
#define RSI_PLANE_EXIT_HOST		2

#define RSI_PLANE_NR_GPRS		31
#define RSI_PLANE_GIC_NUM_LRS		16

struct rsi_plane_enter {
	uint64_t flags;				/* 0x000 */
	uint64_t pc;				/* 0x008 */
	uint64_t pstate;			/* 0x010 */
	uint8_t reserved0[0x100 - 0x018];
	uint64_t gprs[RSI_PLANE_NR_GPRS];	/* 0x100 */
	uint8_t reserved1[0x200 - 0x1F8];
	uint64_t gicv3_hcr;			/* 0x200 */
	uint64_t gicv3_lrs[RSI_PLANE_GIC_NUM_LRS]; /* 0x208 */
	uint8_t reserved2[0x800 - 0x288];
};

struct rsi_plane_exit {
	uint64_t reason;			/* 0x000 */
	uint64_t elr_el2;			/* 0x008 */
	uint64_t pstate;			/* 0x010 */
	uint8_t reserved0[0x100 - 0x018];
	uint64_t gprs[RSI_PLANE_NR_GPRS];	/* 0x100 */
	uint8_t reserved1[0x200 - 0x1F8];
	uint64_t esr_el2;			/* 0x200 */
	uint64_t far_el2;			/* 0x208 */
	uint64_t hpfar_el2;			/* 0x210 */
	uint8_t reserved2[0x300 - 0x218];
	uint64_t gicv3_hcr;			/* 0x300 */
	uint64_t gicv3_lrs[RSI_PLANE_GIC_NUM_LRS]; /* 0x308 */
	uint64_t gicv3_misr;			/* 0x388 */
	uint64_t gicv3_vmcr;			/* 0x390 */
	uint8_t reserved3[0x400 - 0x398];
	uint64_t cntp_ctl;			/* 0x400 */
	uint64_t cntp_cval;			/* 0x408 */
	uint64_t cntv_ctl;			/* 0x410 */
	uint64_t cntv_cval;			/* 0x418 */
	uint8_t reserved4[0x500 - 0x420];
	uint64_t sctlr_el1;			/* 0x500 */
	uint64_t vbar_el1;			/* 0x508 */
	uint64_t elr_el1;			/* 0x510 */
	uint8_t reserved5[0x600 - 0x518];
	uint64_t pmu_ovf_status;		/* 0x600 */
	uint8_t reserved6[0x800 - 0x608];
};

struct rsi_plane_run {
	struct rsi_plane_enter enter;		/* 0x000 */
	struct rsi_plane_exit exit;		/* 0x800 */
};
ABI_SIZE(struct rsi_plane_run, 0x1000);
ABI_OFFSET(struct rsi_plane_enter, gprs, 0x100);
ABI_OFFSET(struct rsi_plane_enter, gicv3_hcr, 0x200);
ABI_OFFSET(struct rsi_plane_enter, gicv3_lrs, 0x208);
ABI_OFFSET(struct rsi_plane_exit, esr_el2, 0x200);
ABI_OFFSET(struct rsi_plane_exit, gicv3_misr, 0x388);
ABI_OFFSET(struct rsi_plane_exit, cntv_cval, 0x418);
ABI_OFFSET(struct rsi_plane_exit, elr_el1, 0x510);
ABI_OFFSET(struct rsi_plane_exit, pmu_ovf_status, 0x600);
ABI_OFFSET(struct rsi_plane_run, exit, 0x800);

#endif /* ABI_RSI_H */
