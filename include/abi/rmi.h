/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm Management Interface: RMM specification DEN0137 1.0-REL0, plus the
 * 1.1 additions for MEC, planes and device assignment.
 *
 * Calling convention: SMC64 fast calls, argN in x(N+1), status in x0, outputs
 * in x1..x4.  Every parameter or run structure is one 4 KiB granule of
 * Non-secure memory, little-endian, each field at an 8-byte aligned offset;
 * bytes not named here are reserved (must be zero).
 */
#ifndef ABI_RMI_H
#define ABI_RMI_H

#include "types.h"
#include "smccc.h"

#define RMI_GRANULE_SIZE	4096UL

/* ---------------------------------------------------------------- FIDs */

/* RMI 1.0-REL0: 23 commands. */
#define RMI_VERSION			SMC64_STD_FID(0x150)
#define RMI_GRANULE_DELEGATE		SMC64_STD_FID(0x151)
#define RMI_GRANULE_UNDELEGATE		SMC64_STD_FID(0x152)
#define RMI_DATA_CREATE			SMC64_STD_FID(0x153)
#define RMI_DATA_CREATE_UNKNOWN		SMC64_STD_FID(0x154)
#define RMI_DATA_DESTROY		SMC64_STD_FID(0x155)
#define RMI_REALM_ACTIVATE		SMC64_STD_FID(0x157)
#define RMI_REALM_CREATE		SMC64_STD_FID(0x158)
#define RMI_REALM_DESTROY		SMC64_STD_FID(0x159)
#define RMI_REC_CREATE			SMC64_STD_FID(0x15A)
#define RMI_REC_DESTROY			SMC64_STD_FID(0x15B)
#define RMI_REC_ENTER			SMC64_STD_FID(0x15C)
#define RMI_RTT_CREATE			SMC64_STD_FID(0x15D)
#define RMI_RTT_DESTROY			SMC64_STD_FID(0x15E)
#define RMI_RTT_MAP_UNPROTECTED		SMC64_STD_FID(0x15F)
#define RMI_RTT_READ_ENTRY		SMC64_STD_FID(0x161)
#define RMI_RTT_UNMAP_UNPROTECTED	SMC64_STD_FID(0x162)
#define RMI_PSCI_COMPLETE		SMC64_STD_FID(0x164)
#define RMI_FEATURES			SMC64_STD_FID(0x165)
#define RMI_RTT_FOLD			SMC64_STD_FID(0x166)
#define RMI_REC_AUX_COUNT		SMC64_STD_FID(0x167)
#define RMI_RTT_INIT_RIPAS		SMC64_STD_FID(0x168)
#define RMI_RTT_SET_RIPAS		SMC64_STD_FID(0x169)

/* RMI 1.1: device assignment (reuses the slots unused in 1.0). */
#define RMI_PDEV_AUX_COUNT		SMC64_STD_FID(0x156)
#define RMI_VDEV_AUX_COUNT		SMC64_STD_FID(0x160)
#define RMI_VDEV_VALIDATE_MAPPING	SMC64_STD_FID(0x163)
#define RMI_VSMMU_CREATE		SMC64_STD_FID(0x16A)
#define RMI_VSMMU_DESTROY		SMC64_STD_FID(0x16B)
#define RMI_VSMMU_MAP			SMC64_STD_FID(0x16C)
#define RMI_VSMMU_UNMAP			SMC64_STD_FID(0x16D)
#define RMI_PSMMU_MSI_CONFIG		SMC64_STD_FID(0x16E)
#define RMI_PSMMU_IRQ_NOTIFY		SMC64_STD_FID(0x16F)
#define RMI_VDEV_MAP			SMC64_STD_FID(0x172)
#define RMI_VDEV_UNMAP			SMC64_STD_FID(0x173)
#define RMI_PDEV_ABORT			SMC64_STD_FID(0x174)
#define RMI_PDEV_COMMUNICATE		SMC64_STD_FID(0x175)
#define RMI_PDEV_CREATE			SMC64_STD_FID(0x176)
#define RMI_PDEV_DESTROY		SMC64_STD_FID(0x177)
#define RMI_PDEV_GET_STATE		SMC64_STD_FID(0x178)
#define RMI_PDEV_IDE_RESET		SMC64_STD_FID(0x179)
#define RMI_PDEV_IDE_KEY_REFRESH	SMC64_STD_FID(0x17A)
#define RMI_PDEV_SET_PUBKEY		SMC64_STD_FID(0x17B)
#define RMI_PDEV_STOP			SMC64_STD_FID(0x17C)
#define RMI_VDEV_ABORT			SMC64_STD_FID(0x185)
#define RMI_VDEV_COMMUNICATE		SMC64_STD_FID(0x186)
#define RMI_VDEV_CREATE			SMC64_STD_FID(0x187)
#define RMI_VDEV_DESTROY		SMC64_STD_FID(0x188)
#define RMI_VDEV_GET_STATE		SMC64_STD_FID(0x189)
#define RMI_VDEV_UNLOCK			SMC64_STD_FID(0x18A)
#define RMI_VDEV_COMPLETE		SMC64_STD_FID(0x18E)
#define RMI_VDEV_GET_INTERFACE_REPORT	SMC64_STD_FID(0x1D0)
#define RMI_VDEV_GET_MEASUREMENTS	SMC64_STD_FID(0x1D1)
#define RMI_VDEV_LOCK			SMC64_STD_FID(0x1D2)
#define RMI_VDEV_START			SMC64_STD_FID(0x1D3)
#define RMI_PSMMU_ACTIVATE		SMC64_STD_FID(0x1D7)
#define RMI_PSMMU_DEACTIVATE		SMC64_STD_FID(0x1D8)
#define RMI_PSMMU_ST_L2_CREATE		SMC64_STD_FID(0x1DB)
#define RMI_PSMMU_ST_L2_DESTROY		SMC64_STD_FID(0x1DC)

/* RMI 1.1: planes and MEC. */
#define RMI_RTT_AUX_CREATE		SMC64_STD_FID(0x17D)
#define RMI_RTT_AUX_DESTROY		SMC64_STD_FID(0x17E)
#define RMI_RTT_AUX_FOLD		SMC64_STD_FID(0x17F)
#define RMI_RTT_AUX_MAP_PROTECTED	SMC64_STD_FID(0x180)
#define RMI_RTT_AUX_MAP_UNPROTECTED	SMC64_STD_FID(0x181)
#define RMI_RTT_AUX_UNMAP_PROTECTED	SMC64_STD_FID(0x183)
#define RMI_RTT_AUX_UNMAP_UNPROTECTED	SMC64_STD_FID(0x184)
#define RMI_RTT_SET_S2AP		SMC64_STD_FID(0x18B)
#define RMI_MEC_SET_SHARED		SMC64_STD_FID(0x18C)
#define RMI_MEC_SET_PRIVATE		SMC64_STD_FID(0x18D)

/* fnum ranges the monitor forwards from the Non-secure world to the RMM. */
#define RMI_FNUM_RANGE1_FIRST		0x150U
#define RMI_FNUM_RANGE1_LAST		0x18FU	/* 0x18F is RMM_RMI_REQ_COMPLETE */
#define RMI_FNUM_RANGE2_FIRST		0x1D0U
#define RMI_FNUM_RANGE2_LAST		0x2CFU

/* ---------------------------------------------------------------- status */

/* x0 = status[7:0] | index[15:8]. */
#define RMI_SUCCESS			0
#define RMI_ERROR_INPUT			1
#define RMI_ERROR_REALM			2
#define RMI_ERROR_REC			3
#define RMI_ERROR_RTT			4
#define RMI_ERROR_NOT_SUPPORTED		5	/* 1.1 */
#define RMI_ERROR_DEVICE		6	/* 1.1 */
#define RMI_ERROR_RTT_AUX		7	/* 1.1 */
#define RMI_STATUS_COUNT		8

#define RMI_RETURN_STATUS(ret)		((unsigned int)((ret) & 0xFFU))
#define RMI_RETURN_INDEX(ret)		((unsigned int)(((ret) >> 8) & 0xFFU))
#define RMI_RETURN(status, index)	((uint64_t)(status) | ((uint64_t)((index) & 0xFF) << 8))

/* RMI_ERROR_REALM index from REC_ENTER. */
#define RMI_ERROR_REALM_INDEX_NOT_ACTIVE	0
#define RMI_ERROR_REALM_INDEX_SYSTEM_OFF	1

/* ---------------------------------------------------------------- version */

/* (major << 16) | minor, bit 31 RES0. */
#define RMI_ABI_VERSION(major, minor)	((((uint64_t)(major) & 0x7FFF) << 16) | ((minor) & 0xFFFF))
#define RMI_ABI_VERSION_MAJOR(v)	(((v) >> 16) & 0x7FFF)
#define RMI_ABI_VERSION_MINOR(v)	((v) & 0xFFFF)
#define RMI_ABI_VERSION_1_0		RMI_ABI_VERSION(1, 0)
#define RMI_ABI_VERSION_1_1		RMI_ABI_VERSION(1, 1)

/* ---------------------------------------------------------------- features */

/* RMI_FEATURES index 0: RmiFeatureRegister0, 1.0-REL0 layout (not EAC5). */
#define RMI_FEATURE_REGISTER_0			0
#define RMI_FEAT0_S2SZ_SHIFT			0
#define RMI_FEAT0_S2SZ_WIDTH			8
#define RMI_FEAT0_LPA2_SHIFT			8
#define RMI_FEAT0_LPA2_WIDTH			1
#define RMI_FEAT0_SVE_EN_SHIFT			9
#define RMI_FEAT0_SVE_EN_WIDTH			1
#define RMI_FEAT0_SVE_VL_SHIFT			10
#define RMI_FEAT0_SVE_VL_WIDTH			4
#define RMI_FEAT0_NUM_BPS_SHIFT			14
#define RMI_FEAT0_NUM_BPS_WIDTH			6
#define RMI_FEAT0_NUM_WPS_SHIFT			20
#define RMI_FEAT0_NUM_WPS_WIDTH			6
#define RMI_FEAT0_PMU_EN_SHIFT			26
#define RMI_FEAT0_PMU_EN_WIDTH			1
#define RMI_FEAT0_PMU_NUM_CTRS_SHIFT		27
#define RMI_FEAT0_PMU_NUM_CTRS_WIDTH		5
#define RMI_FEAT0_HASH_SHA_256_SHIFT		32
#define RMI_FEAT0_HASH_SHA_256_WIDTH		1
#define RMI_FEAT0_HASH_SHA_512_SHIFT		33
#define RMI_FEAT0_HASH_SHA_512_WIDTH		1
#define RMI_FEAT0_GICV3_NUM_LRS_SHIFT		34
#define RMI_FEAT0_GICV3_NUM_LRS_WIDTH		4
#define RMI_FEAT0_MAX_RECS_ORDER_SHIFT		38
#define RMI_FEAT0_MAX_RECS_ORDER_WIDTH		4
/* 1.1 */
#define RMI_FEAT0_DA_EN_SHIFT			42
#define RMI_FEAT0_DA_EN_WIDTH			1
#define RMI_FEAT0_PLANE_RTT_SHIFT		43
#define RMI_FEAT0_PLANE_RTT_WIDTH		2
#define RMI_FEAT0_MAX_NUM_AUX_PLANES_SHIFT	45
#define RMI_FEAT0_MAX_NUM_AUX_PLANES_WIDTH	4
#define RMI_FEAT0_RTT_S2AP_INDIRECT_SHIFT	49
#define RMI_FEAT0_RTT_S2AP_INDIRECT_WIDTH	1

#define RMI_FEAT0_GET(reg, field) \
	ABI_GET(reg, RMI_FEAT0_##field##_SHIFT, RMI_FEAT0_##field##_WIDTH)
#define RMI_FEAT0_PUT(val, field) \
	ABI_PUT(val, RMI_FEAT0_##field##_SHIFT, RMI_FEAT0_##field##_WIDTH)

/* PLANE_RTT values. */
#define RMI_PLANE_RTT_AUX			0
#define RMI_PLANE_RTT_AUX_SINGLE		1
#define RMI_PLANE_RTT_SINGLE			2

/* RMI_FEATURES index 1 (1.1): the largest MECID the host may use. */
#define RMI_FEATURE_REGISTER_1_MAX_MECID	1

/* ---------------------------------------------------------------- enums */

#define RMI_HASH_SHA_256		0
#define RMI_HASH_SHA_512		1

#define RMI_EMPTY			0	/* RmiRipas */
#define RMI_RAM				1
#define RMI_DESTROYED			2
#define RMI_DEV				3	/* 1.1 */

#define RMI_UNASSIGNED			0	/* RmiRttEntryState */
#define RMI_ASSIGNED			1
#define RMI_TABLE			2
#define RMI_ASSIGNED_DEV		3	/* 1.1 */
#define RMI_AUX_DESTROYED		5	/* 1.1 */

#define RMI_ACCEPT			0	/* RmiResponse */
#define RMI_REJECT			1

#define RMI_PMU_OVERFLOW_NOT_ACTIVE	0
#define RMI_PMU_OVERFLOW_ACTIVE		1

#define RMI_NO_MEASURE_CONTENT		0	/* RMI_DATA_CREATE flags */
#define RMI_MEASURE_CONTENT		1

/* RTT levels (4 KiB granules). */
#define RMI_RTT_MIN_LEVEL		0
#define RMI_RTT_MIN_LEVEL_LPA2		(-1)
#define RMI_RTT_PAGE_LEVEL		3
#define RMI_RTT_MIN_BLOCK_LEVEL		1
#define RMI_RTT_MIN_IPA_WIDTH		32
#define RMI_RTT_MAX_IPA_WIDTH		48
#define RMI_RTT_MAX_IPA_WIDTH_LPA2	52

/* ---------------------------------------------------------------- RealmParams */

#define RMI_REALM_FLAGS0_LPA2		(1ULL << 0)
#define RMI_REALM_FLAGS0_SVE		(1ULL << 1)
#define RMI_REALM_FLAGS0_PMU		(1ULL << 2)
#define RMI_REALM_FLAGS0_DA		(1ULL << 3)	/* 1.1 */
#define RMI_REALM_FLAGS1_RTT_TREE_PP	(1ULL << 0)	/* 1.1 */
#define RMI_REALM_FLAGS1_S2AP_INDIRECT	(1ULL << 1)	/* 1.1 */

#define RMI_RPV_SIZE			64
#define RMI_MAX_AUX_PLANES		3

struct rmi_realm_params {
	uint64_t flags0;			/* 0x000 RmiRealmFlags */
	uint32_t s2sz;				/* 0x008 IPA width */
	uint32_t reserved_s2sz;
	uint32_t sve_vl;			/* 0x010 VQ - 1 */
	uint32_t reserved_sve_vl;
	uint32_t num_bps;			/* 0x018 BRPs encoding */
	uint32_t reserved_num_bps;
	uint32_t num_wps;			/* 0x020 WRPs encoding */
	uint32_t reserved_num_wps;
	uint32_t pmu_num_ctrs;			/* 0x028 */
	uint32_t reserved_pmu;
	uint8_t hash_algo;			/* 0x030 RmiHashAlgorithm */
	uint8_t reserved_hash[7];
	uint32_t num_aux_planes;		/* 0x038 (1.1) */
	uint32_t reserved_planes;
	uint8_t reserved0[0x400 - 0x040];
	uint8_t rpv[RMI_RPV_SIZE];		/* 0x400 personalization value */
	uint64_t ats_plane;			/* 0x440 (1.1) */
	uint8_t reserved1[0x800 - 0x448];
	uint16_t vmid;				/* 0x800 */
	uint8_t reserved_vmid[6];
	uint64_t rtt_base;			/* 0x808 first starting-level RTT */
	int64_t rtt_level_start;		/* 0x810 -1..3 */
	uint32_t rtt_num_start;			/* 0x818 concatenated starting RTTs */
	uint32_t reserved_rtt_num;
	uint64_t flags1;			/* 0x820 (1.1) */
	int64_t mecid;				/* 0x828 (1.1) */
	uint8_t reserved2[0xF00 - 0x830];
	uint16_t aux_vmid[RMI_MAX_AUX_PLANES];	/* 0xF00 (1.1) */
	uint8_t reserved3[0xF80 - 0xF06];
	uint64_t aux_rtt_base[RMI_MAX_AUX_PLANES]; /* 0xF80 (1.1) */
	uint8_t reserved4[0x1000 - 0xF98];
};
ABI_SIZE(struct rmi_realm_params, 0x1000);
ABI_OFFSET(struct rmi_realm_params, flags0, 0x000);
ABI_OFFSET(struct rmi_realm_params, s2sz, 0x008);
ABI_OFFSET(struct rmi_realm_params, sve_vl, 0x010);
ABI_OFFSET(struct rmi_realm_params, num_bps, 0x018);
ABI_OFFSET(struct rmi_realm_params, num_wps, 0x020);
ABI_OFFSET(struct rmi_realm_params, pmu_num_ctrs, 0x028);
ABI_OFFSET(struct rmi_realm_params, hash_algo, 0x030);
ABI_OFFSET(struct rmi_realm_params, num_aux_planes, 0x038);
ABI_OFFSET(struct rmi_realm_params, rpv, 0x400);
ABI_OFFSET(struct rmi_realm_params, ats_plane, 0x440);
ABI_OFFSET(struct rmi_realm_params, vmid, 0x800);
ABI_OFFSET(struct rmi_realm_params, rtt_base, 0x808);
ABI_OFFSET(struct rmi_realm_params, rtt_level_start, 0x810);
ABI_OFFSET(struct rmi_realm_params, rtt_num_start, 0x818);
ABI_OFFSET(struct rmi_realm_params, flags1, 0x820);
ABI_OFFSET(struct rmi_realm_params, mecid, 0x828);
ABI_OFFSET(struct rmi_realm_params, aux_vmid, 0xF00);
ABI_OFFSET(struct rmi_realm_params, aux_rtt_base, 0xF80);

/* ---------------------------------------------------------------- RecParams */

#define RMI_REC_PARAMS_FLAG_RUNNABLE	(1ULL << 0)
#define RMI_REC_PARAMS_GPRS		8
#define RMI_REC_MAX_AUX			16

/* RmiRecMpidr: Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24]; others MBZ. */
#define RMI_REC_MPIDR_VALID_MASK	0xFFFFFF0FULL

struct rmi_rec_params {
	uint64_t flags;				/* 0x000 */
	uint8_t reserved0[0x100 - 0x008];
	uint64_t mpidr;				/* 0x100 RmiRecMpidr */
	uint8_t reserved1[0x200 - 0x108];
	uint64_t pc;				/* 0x200 */
	uint8_t reserved2[0x300 - 0x208];
	uint64_t gprs[RMI_REC_PARAMS_GPRS];	/* 0x300 x0..x7 */
	uint8_t reserved3[0x800 - 0x340];
	uint64_t num_aux;			/* 0x800 = RMI_REC_AUX_COUNT */
	uint64_t aux[RMI_REC_MAX_AUX];		/* 0x808 */
	uint8_t reserved4[0x1000 - 0x888];
};
ABI_SIZE(struct rmi_rec_params, 0x1000);
ABI_OFFSET(struct rmi_rec_params, flags, 0x000);
ABI_OFFSET(struct rmi_rec_params, mpidr, 0x100);
ABI_OFFSET(struct rmi_rec_params, pc, 0x200);
ABI_OFFSET(struct rmi_rec_params, gprs, 0x300);
ABI_OFFSET(struct rmi_rec_params, num_aux, 0x800);
ABI_OFFSET(struct rmi_rec_params, aux, 0x808);

/* ---------------------------------------------------------------- RecRun */

#define RMI_REC_ENTER_EMUL_MMIO		(1ULL << 0)
#define RMI_REC_ENTER_INJECT_SEA	(1ULL << 1)
#define RMI_REC_ENTER_TRAP_WFI		(1ULL << 2)
#define RMI_REC_ENTER_TRAP_WFE		(1ULL << 3)
#define RMI_REC_ENTER_RIPAS_RESPONSE	(1ULL << 4)	/* 0 accept, 1 reject */
#define RMI_REC_ENTER_S2AP_RESPONSE	(1ULL << 5)	/* 1.1 */
#define RMI_REC_ENTER_DEV_MEM_RESPONSE	(1ULL << 6)	/* 1.1 */
#define RMI_REC_ENTER_FORCE_P0		(1ULL << 7)	/* 1.1 */

#define RMI_REC_GPRS			31
#define RMI_REC_GIC_NUM_LRS		16

/* ICH_HCR_EL2 bits the host may set in enter.gicv3_hcr (1.0). */
#define RMI_REC_GICV3_HCR_HOST_MASK \
	((1ULL << 1) | (1ULL << 2) | (1ULL << 3) | (1ULL << 4) | \
	 (1ULL << 5) | (1ULL << 6) | (1ULL << 7) | (1ULL << 14))

struct rmi_rec_enter {
	uint64_t flags;				/* 0x000 RmiRecEnterFlags */
	uint8_t reserved0[0x200 - 0x008];
	uint64_t gprs[RMI_REC_GPRS];		/* 0x200 x0..x30 */
	uint8_t reserved1[0x300 - 0x2F8];
	uint64_t gicv3_hcr;			/* 0x300 */
	uint64_t gicv3_lrs[RMI_REC_GIC_NUM_LRS]; /* 0x308 */
	uint8_t reserved2[0x800 - 0x388];
};
ABI_SIZE(struct rmi_rec_enter, 0x800);
ABI_OFFSET(struct rmi_rec_enter, flags, 0x000);
ABI_OFFSET(struct rmi_rec_enter, gprs, 0x200);
ABI_OFFSET(struct rmi_rec_enter, gicv3_hcr, 0x300);
ABI_OFFSET(struct rmi_rec_enter, gicv3_lrs, 0x308);

/* RmiRecExitReason */
#define RMI_EXIT_SYNC			0
#define RMI_EXIT_IRQ			1
#define RMI_EXIT_FIQ			2
#define RMI_EXIT_PSCI			3
#define RMI_EXIT_RIPAS_CHANGE		4
#define RMI_EXIT_HOST_CALL		5
#define RMI_EXIT_SERROR			6
#define RMI_EXIT_S2AP_CHANGE		7	/* 1.1 */
#define RMI_EXIT_VDEV_REQUEST		8	/* 1.1 */
#define RMI_EXIT_DEV_MEM_MAP		9	/* 1.1 */
#define RMI_EXIT_VDEV_P2P_BINDING	10	/* 1.1 */

#define RMI_REC_EXIT_FLAG_RIPAS_DEV_SHARED (1ULL << 0)	/* 1.1 */

struct rmi_rec_exit {
	uint64_t exit_reason;			/* 0x000 */
	uint64_t flags;				/* 0x008 RmiRecExitFlags (1.1) */
	uint8_t reserved0[0x100 - 0x010];
	uint64_t esr;				/* 0x100 */
	uint64_t far;				/* 0x108 */
	uint64_t hpfar;				/* 0x110 */
	uint64_t rtt_tree;			/* 0x118 (1.1) */
	uint64_t rtt_level;			/* 0x120 (1.1) */
	uint8_t reserved1[0x200 - 0x128];
	uint64_t gprs[RMI_REC_GPRS];		/* 0x200 */
	uint8_t reserved2[0x300 - 0x2F8];
	uint64_t gicv3_hcr;			/* 0x300 */
	uint64_t gicv3_lrs[RMI_REC_GIC_NUM_LRS]; /* 0x308 */
	uint64_t gicv3_misr;			/* 0x388 */
	uint64_t gicv3_vmcr;			/* 0x390 */
	uint8_t reserved3[0x400 - 0x398];
	uint64_t cntp_ctl;			/* 0x400 */
	uint64_t cntp_cval;			/* 0x408 */
	uint64_t cntv_ctl;			/* 0x410 */
	uint64_t cntv_cval;			/* 0x418 */
	uint8_t reserved4[0x500 - 0x420];
	uint64_t ripas_base;			/* 0x500 */
	uint64_t ripas_top;			/* 0x508 */
	uint8_t ripas_value;			/* 0x510 RmiRipas */
	uint8_t reserved5[0x520 - 0x511];
	uint64_t s2ap_base;			/* 0x520 (1.1) */
	uint64_t s2ap_top;			/* 0x528 (1.1) */
	uint64_t vdev_id_1;			/* 0x530 (1.1) */
	uint64_t vdev_id_2;			/* 0x538 (1.1) */
	uint64_t dev_mem_base;			/* 0x540 (1.1) */
	uint64_t dev_mem_top;			/* 0x548 (1.1) */
	uint64_t dev_mem_pa;			/* 0x550 (1.1) */
	uint8_t reserved6[0x600 - 0x558];
	uint32_t imm;				/* 0x600 host call immediate */
	uint32_t reserved_imm;
	uint64_t plane;				/* 0x608 (1.1) */
	uint8_t reserved7[0x700 - 0x610];
	uint64_t pmu_ovf_status;		/* 0x700 */
	uint8_t reserved8[0x800 - 0x708];
};
ABI_SIZE(struct rmi_rec_exit, 0x800);
ABI_OFFSET(struct rmi_rec_exit, exit_reason, 0x000);
ABI_OFFSET(struct rmi_rec_exit, flags, 0x008);
ABI_OFFSET(struct rmi_rec_exit, esr, 0x100);
ABI_OFFSET(struct rmi_rec_exit, far, 0x108);
ABI_OFFSET(struct rmi_rec_exit, hpfar, 0x110);
ABI_OFFSET(struct rmi_rec_exit, rtt_tree, 0x118);
ABI_OFFSET(struct rmi_rec_exit, rtt_level, 0x120);
ABI_OFFSET(struct rmi_rec_exit, gprs, 0x200);
ABI_OFFSET(struct rmi_rec_exit, gicv3_hcr, 0x300);
ABI_OFFSET(struct rmi_rec_exit, gicv3_lrs, 0x308);
ABI_OFFSET(struct rmi_rec_exit, gicv3_misr, 0x388);
ABI_OFFSET(struct rmi_rec_exit, gicv3_vmcr, 0x390);
ABI_OFFSET(struct rmi_rec_exit, cntp_ctl, 0x400);
ABI_OFFSET(struct rmi_rec_exit, cntp_cval, 0x408);
ABI_OFFSET(struct rmi_rec_exit, cntv_ctl, 0x410);
ABI_OFFSET(struct rmi_rec_exit, cntv_cval, 0x418);
ABI_OFFSET(struct rmi_rec_exit, ripas_base, 0x500);
ABI_OFFSET(struct rmi_rec_exit, ripas_top, 0x508);
ABI_OFFSET(struct rmi_rec_exit, ripas_value, 0x510);
ABI_OFFSET(struct rmi_rec_exit, s2ap_base, 0x520);
ABI_OFFSET(struct rmi_rec_exit, s2ap_top, 0x528);
ABI_OFFSET(struct rmi_rec_exit, vdev_id_1, 0x530);
ABI_OFFSET(struct rmi_rec_exit, vdev_id_2, 0x538);
ABI_OFFSET(struct rmi_rec_exit, dev_mem_base, 0x540);
ABI_OFFSET(struct rmi_rec_exit, dev_mem_top, 0x548);
ABI_OFFSET(struct rmi_rec_exit, dev_mem_pa, 0x550);
ABI_OFFSET(struct rmi_rec_exit, imm, 0x600);
ABI_OFFSET(struct rmi_rec_exit, plane, 0x608);
ABI_OFFSET(struct rmi_rec_exit, pmu_ovf_status, 0x700);

struct rmi_rec_run {
	struct rmi_rec_enter enter;		/* 0x000 */
	struct rmi_rec_exit exit;		/* 0x800 */
};
ABI_SIZE(struct rmi_rec_run, 0x1000);
ABI_OFFSET(struct rmi_rec_run, enter, 0x000);
ABI_OFFSET(struct rmi_rec_run, exit, 0x800);

/* ---------------------------------------------------------------- 1.1 DA */

#define RMI_PDEV_MAX_AUX		32
#define RMI_PDEV_MAX_NCOH_RANGES	16
#define RMI_PDEV_MAX_COH_RANGES		4

struct rmi_address_range {
	uint64_t base;
	uint64_t top;
};

struct rmi_pdev_params {
	uint64_t flags;				/* 0x000 */
	uint64_t pdev_id;			/* 0x008 */
	uint64_t segment_id;			/* 0x010 */
	uint64_t ecam_addr;			/* 0x018 */
	uint64_t root_id;			/* 0x020 */
	uint64_t cert_id;			/* 0x028 */
	uint64_t rid_base;			/* 0x030 */
	uint64_t rid_top;			/* 0x038 */
	uint64_t hash_algo;			/* 0x040 */
	uint64_t num_aux;			/* 0x048 */
	uint64_t ide_sid;			/* 0x050 */
	uint64_t ncoh_num_addr_range;		/* 0x058 */
	uint64_t coh_num_addr_range;		/* 0x060 */
	uint8_t reserved0[0x100 - 0x068];
	uint64_t aux[RMI_PDEV_MAX_AUX];		/* 0x100 */
	struct rmi_address_range ncoh_addr_range[RMI_PDEV_MAX_NCOH_RANGES]; /* 0x200 */
	struct rmi_address_range coh_addr_range[RMI_PDEV_MAX_COH_RANGES];   /* 0x300 */
	uint8_t reserved1[0x1000 - 0x340];
};
ABI_SIZE(struct rmi_pdev_params, 0x1000);
ABI_OFFSET(struct rmi_pdev_params, hash_algo, 0x040);
ABI_OFFSET(struct rmi_pdev_params, coh_num_addr_range, 0x060);
ABI_OFFSET(struct rmi_pdev_params, aux, 0x100);
ABI_OFFSET(struct rmi_pdev_params, ncoh_addr_range, 0x200);
ABI_OFFSET(struct rmi_pdev_params, coh_addr_range, 0x300);

struct rmi_dev_comm_enter {
	uint8_t status;				/* 0x000 */
	uint8_t reserved_status[7];
	uint64_t req_addr;			/* 0x008 */
	uint64_t resp_addr;			/* 0x010 */
	uint64_t resp_len;			/* 0x018 */
	uint8_t reserved[0x800 - 0x020];
};
struct rmi_dev_comm_exit {
	uint64_t flags;				/* 0x000 */
	uint64_t cache_req_offset;		/* 0x008 */
	uint64_t cache_req_len;			/* 0x010 */
	uint64_t cache_rsp_offset;		/* 0x018 */
	uint64_t cache_rsp_len;			/* 0x020 */
	uint64_t cache_obj_id;			/* 0x028 */
	uint64_t protocol;			/* 0x030 */
	uint64_t req_delay;			/* 0x038 */
	uint64_t req_len;			/* 0x040 */
	uint64_t timeout;			/* 0x048 */
	uint8_t reserved[0x800 - 0x050];
};
struct rmi_dev_comm_data {
	struct rmi_dev_comm_enter enter;	/* 0x000 */
	struct rmi_dev_comm_exit exit;		/* 0x800 */
};
ABI_SIZE(struct rmi_dev_comm_data, 0x1000);
ABI_OFFSET(struct rmi_dev_comm_enter, resp_len, 0x018);
ABI_OFFSET(struct rmi_dev_comm_exit, timeout, 0x048);
ABI_OFFSET(struct rmi_dev_comm_data, exit, 0x800);

struct rmi_public_key_params {
	uint8_t key[1024];			/* 0x000 */
	uint8_t metadata[1024];			/* 0x400 */
	uint64_t key_len;			/* 0x800 */
	uint64_t metadata_len;			/* 0x808 */
	uint64_t algo;				/* 0x810 */
	uint8_t reserved[0x1000 - 0x818];
};
ABI_SIZE(struct rmi_public_key_params, 0x1000);
ABI_OFFSET(struct rmi_public_key_params, key_len, 0x800);
ABI_OFFSET(struct rmi_public_key_params, algo, 0x810);

#define RMI_VDEV_MAX_AUX		32

struct rmi_vdev_params {
	uint64_t flags;				/* 0x000 */
	uint64_t vdev_id;			/* 0x008 */
	uint64_t tdi_id;			/* 0x010 */
	uint64_t num_aux;			/* 0x018 */
	uint8_t reserved0[0x100 - 0x020];
	uint64_t aux[RMI_VDEV_MAX_AUX];		/* 0x100 */
	uint8_t reserved1[0x1000 - 0x200];
};
ABI_SIZE(struct rmi_vdev_params, 0x1000);
ABI_OFFSET(struct rmi_vdev_params, tdi_id, 0x010);
ABI_OFFSET(struct rmi_vdev_params, aux, 0x100);

/* PDEV and VDEV states (1.1). */
#define RMI_PDEV_STATE_NEW		0
#define RMI_PDEV_STATE_NEEDS_KEY	1
#define RMI_PDEV_STATE_HAS_KEY		2
#define RMI_PDEV_STATE_READY		3
#define RMI_PDEV_STATE_IDE_RESETTING	4
#define RMI_PDEV_STATE_COMMUNICATING	5
#define RMI_PDEV_STATE_STOPPING		6
#define RMI_PDEV_STATE_STOPPED		7
#define RMI_PDEV_STATE_ERROR		8

#define RMI_VDEV_STATE_NEW		0
#define RMI_VDEV_STATE_UNLOCKED		1
#define RMI_VDEV_STATE_LOCKED		2
#define RMI_VDEV_STATE_STARTED		3
#define RMI_VDEV_STATE_ERROR		4
#define RMI_VDEV_STATE_KEY_REFRESH	5
#define RMI_VDEV_STATE_KEY_PURGE	6

#endif /* ABI_RMI_H */
