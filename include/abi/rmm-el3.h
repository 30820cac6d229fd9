/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMM <-> EL3 interface (TF-A "RMM-EL3 communication interface", version
 * 0.x as used with RMM 1.x): the calls the RMM makes to the monitor, the boot
 * arguments and the boot manifest the monitor writes into the shared page.
 */
#ifndef ABI_RMM_EL3_H
#define ABI_RMM_EL3_H

#include "types.h"
#include "smccc.h"

#define RMM_RMI_REQ_COMPLETE		SMC64_STD_FID(0x18F)
#define RMM_GTSI_DELEGATE		SMC64_STD_FID(0x1B0)
#define RMM_GTSI_UNDELEGATE		SMC64_STD_FID(0x1B1)
#define RMM_ATTEST_GET_REALM_KEY	SMC64_STD_FID(0x1B2)
#define RMM_ATTEST_GET_PLAT_TOKEN	SMC64_STD_FID(0x1B3)
#define RMM_EL3_FEATURES		SMC64_STD_FID(0x1B4)
#define RMM_EL3_TOKEN_SIGN		SMC64_STD_FID(0x1B5)
#define RMM_MEC_REFRESH			SMC64_STD_FID(0x1B6)
#define RMM_IDE_KEY_PROG		SMC64_STD_FID(0x1B7)
#define RMM_IDE_KEY_SET_GO		SMC64_STD_FID(0x1B8)
#define RMM_IDE_KEY_SET_STOP		SMC64_STD_FID(0x1B9)
#define RMM_IDE_KM_PULL_RESPONSE	SMC64_STD_FID(0x1BA)
#define RMM_RESERVE_MEMORY		SMC64_STD_FID(0x1BB)
#define RMM_BOOT_COMPLETE		SMC64_STD_FID(0x1CF)

/* RMM -> EL3 service range: accepted only from the Realm world. */
#define RMM_EL3_FNUM_FIRST		0x1B0U
#define RMM_EL3_FNUM_LAST		0x1CFU

/* Interface version: (major << 16) | minor.  Same major, EL3 minor >= RMM's. */
#define RMM_EL3_IFC_VERSION(major, minor) ((((uint64_t)(major) & 0x7FFF) << 16) | ((minor) & 0xFFFF))
#define RMM_EL3_IFC_VERSION_MAJOR(v)	(((v) >> 16) & 0x7FFF)
#define RMM_EL3_IFC_VERSION_MINOR(v)	((v) & 0xFFFF)
/* What our monitor implements: the 0.x line that carries MEC refresh. */
#define RMM_EL3_IFC_VERSION_IMPL	RMM_EL3_IFC_VERSION(0, 8)

/* EL3 return codes (signed, x0). */
#define E_RMM_OK			0
#define E_RMM_UNK			(-1)
#define E_RMM_BAD_ADDR			(-2)
#define E_RMM_BAD_PAS			(-3)
#define E_RMM_NOMEM			(-4)
#define E_RMM_INVAL			(-5)
#define E_RMM_AGAIN			(-6)
#define E_RMM_FAULT			(-7)
#define E_RMM_IN_PROGRESS		(-8)

/* RMM_BOOT_COMPLETE status (x1). */
#define RMM_BOOT_SUCCESS			0
#define RMM_BOOT_ERR_UNKNOWN			(-1)
#define RMM_BOOT_ERR_VERSION_NOT_VALID		(-2)
#define RMM_BOOT_ERR_CPUS_OUT_OF_RANGE		(-3)
#define RMM_BOOT_ERR_CPU_ID_OUT_OF_RANGE	(-4)
#define RMM_BOOT_ERR_INVALID_SHARED_BUFFER	(-5)
#define RMM_BOOT_ERR_MANIFEST_VERSION		(-6)
#define RMM_BOOT_ERR_MANIFEST_DATA		(-7)

/* RMM_ATTEST_GET_REALM_KEY curve and RMM_MEC_REFRESH reason. */
#define RMM_EL3_ECC_CURVE_P384		0
#define RMM_MEC_REFRESH_REASON_CREATE	0
#define RMM_MEC_REFRESH_REASON_DESTROY	1
#define RMM_MEC_REFRESH_MECID_SHIFT	32
#define RMM_MEC_REFRESH_MECID_WIDTH	16

/* RMM_EL3_FEATURES register 0. */
#define RMM_EL3_FEAT0_TOKEN_SIGN	(1ULL << 0)

/* ---------------------------------------------------------------- manifest */

#define RMM_MANIFEST_VERSION(major, minor) ((((uint32_t)(major) & 0x7FFF) << 16) | ((minor) & 0xFFFF))
#define RMM_MANIFEST_VERSION_0_5	RMM_MANIFEST_VERSION(0, 5)

struct rmm_memory_bank {
	uint64_t base;
	uint64_t size;
};
ABI_SIZE(struct rmm_memory_bank, 16);

/* checksum: num + (u64)banks + sum of all array words + checksum == 0. */
struct rmm_memory_info {
	uint64_t num_banks;			/* 0x00 */
	uint64_t banks;				/* 0x08 PA of struct rmm_memory_bank[] */
	uint64_t checksum;			/* 0x10 */
};
ABI_SIZE(struct rmm_memory_info, 24);

struct rmm_console_info {
	uint64_t base;				/* 0x00 */
	uint64_t map_pages;			/* 0x08 */
	char name[8];				/* 0x10 */
	uint64_t clk_in_hz;			/* 0x18 */
	uint64_t baud_rate;			/* 0x20 */
	uint64_t flags;				/* 0x28 */
};
ABI_SIZE(struct rmm_console_info, 48);
ABI_OFFSET(struct rmm_console_info, name, 0x10);
ABI_OFFSET(struct rmm_console_info, clk_in_hz, 0x18);
ABI_OFFSET(struct rmm_console_info, flags, 0x28);

struct rmm_console_list {
	uint64_t num_consoles;			/* 0x00 */
	uint64_t consoles;			/* 0x08 PA of struct rmm_console_info[] */
	uint64_t checksum;			/* 0x10 */
};
ABI_SIZE(struct rmm_console_list, 24);

struct rmm_smmu_info {
	uint64_t smmu_base;
	uint64_t smmu_r_base;
};

struct rmm_smmu_list {
	uint64_t num_smmus;
	uint64_t smmus;
	uint64_t checksum;
};
ABI_SIZE(struct rmm_smmu_list, 24);

struct rmm_root_complex_list {
	uint64_t num_root_complex;		/* 0x00 */
	uint32_t rc_info_version;		/* 0x08 */
	uint32_t padding;			/* 0x0C */
	uint64_t root_complex;			/* 0x10 */
	uint64_t checksum;			/* 0x18 */
};
ABI_SIZE(struct rmm_root_complex_list, 32);
ABI_OFFSET(struct rmm_root_complex_list, root_complex, 0x10);

struct rmm_boot_manifest {
	uint32_t version;			/* 0x00 */
	uint32_t padding;			/* 0x04 */
	uint64_t plat_data;			/* 0x08 */
	struct rmm_memory_info plat_dram;	/* 0x10 */
	struct rmm_console_list plat_console;	/* 0x28 */
	struct rmm_memory_info plat_ncoh_region; /* 0x40 (0.4) */
	struct rmm_memory_info plat_coh_region;	/* 0x58 (0.4) */
	struct rmm_smmu_list plat_smmu;		/* 0x70 (0.5) */
	struct rmm_root_complex_list plat_root_complex; /* 0x88 (0.5) */
};
/*
 * v0.5 ends with the 32-byte root-complex list at 136, so the structure is 168
 * bytes (TF-A's own offset asserts agree; the "160" sometimes quoted is wrong).
 */
ABI_SIZE(struct rmm_boot_manifest, 168);
ABI_OFFSET(struct rmm_boot_manifest, plat_data, 8);
ABI_OFFSET(struct rmm_boot_manifest, plat_dram, 16);
ABI_OFFSET(struct rmm_boot_manifest, plat_console, 40);
ABI_OFFSET(struct rmm_boot_manifest, plat_ncoh_region, 64);
ABI_OFFSET(struct rmm_boot_manifest, plat_coh_region, 88);
ABI_OFFSET(struct rmm_boot_manifest, plat_smmu, 112);
ABI_OFFSET(struct rmm_boot_manifest, plat_root_complex, 136);

#endif /* ABI_RMM_EL3_H */
