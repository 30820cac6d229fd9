// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the shared firmware ABI headers (include/abi/),
 * group b: RMI, RSI, RMM-EL3, PSCI and SMCCC status codes, enums and
 * constants, the version constants, and the version and RMI return-code
 * encoding macros.
 *
 * Reference legend and check helpers: abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include <abi/types.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>
#include <abi/rmm-el3.h>

#include "abi-check.h"

static void test_rmi_status_codes(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §4.1 */
		VAL(RMI_SUCCESS,			0),
		VAL(RMI_ERROR_INPUT,			1),
		VAL(RMI_ERROR_REALM,			2),
		VAL(RMI_ERROR_REC,			3),
		VAL(RMI_ERROR_RTT,			4),
		VAL(RMI_ERROR_NOT_SUPPORTED,		5),
		VAL(RMI_ERROR_DEVICE,			6),
		VAL(RMI_ERROR_RTT_AUX,			7),
		VAL(RMI_STATUS_COUNT,			8),	/* 8..16 are 2.0 only */
		/* §4.1 RMI_ERROR_REALM index from REC_ENTER */
		VAL(RMI_ERROR_REALM_INDEX_NOT_ACTIVE,	0),
		VAL(RMI_ERROR_REALM_INDEX_SYSTEM_OFF,	1),
	};

	(void)state;
	check_values("RMI status", v, ARRAY_LEN(v));
}

static void test_rsi_status_codes(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §7.1 "Return codes" */
		VAL(RSI_SUCCESS,		0),
		VAL(RSI_ERROR_INPUT,		1),
		VAL(RSI_ERROR_STATE,		2),
		VAL(RSI_INCOMPLETE,		3),
		VAL(RSI_ERROR_UNKNOWN,		4),
		VAL(RSI_ERROR_DEVICE,		5),
	};

	(void)state;
	check_values("RSI status", v, ARRAY_LEN(v));
}

static void test_rmm_el3_error_and_boot_codes(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §10.1 "EL3 error codes" */
		VAL(E_RMM_OK,				0),
		VAL(E_RMM_UNK,				-1),
		VAL(E_RMM_BAD_ADDR,			-2),
		VAL(E_RMM_BAD_PAS,			-3),
		VAL(E_RMM_NOMEM,			-4),
		VAL(E_RMM_INVAL,			-5),
		VAL(E_RMM_AGAIN,			-6),
		VAL(E_RMM_FAULT,			-7),
		VAL(E_RMM_IN_PROGRESS,			-8),
		/* [CCA] §10.1 "Boot status" */
		VAL(RMM_BOOT_SUCCESS,			0),
		VAL(RMM_BOOT_ERR_UNKNOWN,		-1),
		VAL(RMM_BOOT_ERR_VERSION_NOT_VALID,	-2),
		VAL(RMM_BOOT_ERR_CPUS_OUT_OF_RANGE,	-3),
		VAL(RMM_BOOT_ERR_CPU_ID_OUT_OF_RANGE,	-4),
		VAL(RMM_BOOT_ERR_INVALID_SHARED_BUFFER,	-5),
		VAL(RMM_BOOT_ERR_MANIFEST_VERSION,	-6),	/* MANIFEST_VERSION_NOT_SUPPORTED */
		VAL(RMM_BOOT_ERR_MANIFEST_DATA,		-7),	/* MANIFEST_DATA_ERROR */
		/* §10.1 ATTEST_GET_REALM_KEY "curve (0 = P-384)" */
		VAL(RMM_EL3_ECC_CURVE_P384,		0),
		/* §10.1 RMM_MEC_REFRESH "x1[47:32] MECID" */
		VAL(RMM_MEC_REFRESH_MECID_SHIFT,	32),
		VAL(RMM_MEC_REFRESH_MECID_WIDTH,	16),
		/* §10.1 RMM_EL3_FEATURES "x1 (bit0 = EL3 token signing)" */
		VAL(RMM_EL3_FEAT0_TOKEN_SIGN,		BIT(0)),
		/* §1.1 fnum range of the RMM->EL3 services */
		VAL(RMM_EL3_FNUM_FIRST,			0x1B0),
		VAL(RMM_EL3_FNUM_LAST,			0x1CF),
	};

	(void)state;
	check_values("RMM-EL3 codes", v, ARRAY_LEN(v));
}

static void test_rmi_enums(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §5.5 */
		VAL(RMI_HASH_SHA_256,			0),
		VAL(RMI_HASH_SHA_512,			1),
		VAL(RMI_EMPTY,				0),	/* RmiRipas */
		VAL(RMI_RAM,				1),
		VAL(RMI_DESTROYED,			2),
		VAL(RMI_DEV,				3),
		VAL(RMI_UNASSIGNED,			0),	/* RmiRttEntryState */
		VAL(RMI_ASSIGNED,			1),
		VAL(RMI_TABLE,				2),
		VAL(RMI_ASSIGNED_DEV,			3),
		VAL(RMI_AUX_DESTROYED,			5),
		VAL(RMI_ACCEPT,				0),	/* RmiResponse */
		VAL(RMI_REJECT,				1),
		VAL(RMI_PMU_OVERFLOW_NOT_ACTIVE,	0),
		VAL(RMI_PMU_OVERFLOW_ACTIVE,		1),
		VAL(RMI_NO_MEASURE_CONTENT,		0),
		VAL(RMI_MEASURE_CONTENT,		1),
		VAL(RMI_PDEV_STATE_NEW,			0),
		VAL(RMI_PDEV_STATE_NEEDS_KEY,		1),
		VAL(RMI_PDEV_STATE_HAS_KEY,		2),
		VAL(RMI_PDEV_STATE_READY,		3),
		VAL(RMI_PDEV_STATE_IDE_RESETTING,	4),
		VAL(RMI_PDEV_STATE_COMMUNICATING,	5),
		VAL(RMI_PDEV_STATE_STOPPING,		6),
		VAL(RMI_PDEV_STATE_STOPPED,		7),
		VAL(RMI_PDEV_STATE_ERROR,		8),
		VAL(RMI_VDEV_STATE_NEW,			0),
		VAL(RMI_VDEV_STATE_UNLOCKED,		1),
		VAL(RMI_VDEV_STATE_LOCKED,		2),
		VAL(RMI_VDEV_STATE_STARTED,		3),
		VAL(RMI_VDEV_STATE_ERROR,		4),
		VAL(RMI_VDEV_STATE_KEY_REFRESH,		5),
		VAL(RMI_VDEV_STATE_KEY_PURGE,		6),
		/* §5.4 PLANE_RTT values and RMI_FEATURES indices */
		VAL(RMI_PLANE_RTT_AUX,			0),
		VAL(RMI_PLANE_RTT_AUX_SINGLE,		1),
		VAL(RMI_PLANE_RTT_SINGLE,		2),
		VAL(RMI_FEATURE_REGISTER_0,		0),
		VAL(RMI_FEATURE_REGISTER_1_MAX_MECID,	1),
	};

	(void)state;
	check_values("RMI enums", v, ARRAY_LEN(v));
}

static void test_rmi_rec_exit_and_enter_flags(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §5.3 RmiRecExitReason */
		VAL(RMI_EXIT_SYNC,			0),
		VAL(RMI_EXIT_IRQ,			1),
		VAL(RMI_EXIT_FIQ,			2),
		VAL(RMI_EXIT_PSCI,			3),
		VAL(RMI_EXIT_RIPAS_CHANGE,		4),
		VAL(RMI_EXIT_HOST_CALL,			5),
		VAL(RMI_EXIT_SERROR,			6),
		VAL(RMI_EXIT_S2AP_CHANGE,		7),
		VAL(RMI_EXIT_VDEV_REQUEST,		8),
		VAL(RMI_EXIT_DEV_MEM_MAP,		9),
		VAL(RMI_EXIT_VDEV_P2P_BINDING,		10),
		VAL(RMI_REC_EXIT_FLAG_RIPAS_DEV_SHARED,	BIT(0)),
		/* §5.3 RmiRecEnterFlags */
		VAL(RMI_REC_ENTER_EMUL_MMIO,		BIT(0)),
		VAL(RMI_REC_ENTER_INJECT_SEA,		BIT(1)),
		VAL(RMI_REC_ENTER_TRAP_WFI,		BIT(2)),
		VAL(RMI_REC_ENTER_TRAP_WFE,		BIT(3)),
		VAL(RMI_REC_ENTER_RIPAS_RESPONSE,	BIT(4)),
		VAL(RMI_REC_ENTER_S2AP_RESPONSE,	BIT(5)),
		VAL(RMI_REC_ENTER_DEV_MEM_RESPONSE,	BIT(6)),
		VAL(RMI_REC_ENTER_FORCE_P0,		BIT(7)),
		/* §5.3 run page arrays and GIC rules (UIE..VGRP1DIE, TDIR) */
		VAL(RMI_REC_GPRS,			31),
		VAL(RMI_REC_GIC_NUM_LRS,		16),
		VAL(RMI_REC_GICV3_HCR_HOST_MASK,
		    BIT(1) | BIT(2) | BIT(3) | BIT(4) | BIT(5) | BIT(6) | BIT(7) | BIT(14)),
	};

	(void)state;
	check_values("RMI REC run values", v, ARRAY_LEN(v));
}

static void test_rmi_params_constants(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §5.1 RmiRealmFlags (flags0) and 1.1 flags1 */
		VAL(RMI_REALM_FLAGS0_LPA2,		BIT(0)),
		VAL(RMI_REALM_FLAGS0_SVE,		BIT(1)),
		VAL(RMI_REALM_FLAGS0_PMU,		BIT(2)),
		VAL(RMI_REALM_FLAGS0_DA,		BIT(3)),
		VAL(RMI_REALM_FLAGS1_RTT_TREE_PP,	BIT(0)),
		VAL(RMI_REALM_FLAGS1_S2AP_INDIRECT,	BIT(1)),
		VAL(RMI_RPV_SIZE,			64),	/* rpv[64] */
		VAL(RMI_MAX_AUX_PLANES,			3),	/* aux_vmid[3]; §8 */
		/* §5.2 RmiRecParams */
		VAL(RMI_REC_PARAMS_FLAG_RUNNABLE,	BIT(0)),
		VAL(RMI_REC_PARAMS_GPRS,		8),
		VAL(RMI_REC_MAX_AUX,			16),
		/* Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24] */
		VAL(RMI_REC_MPIDR_VALID_MASK,		0xFFFFFF0FULL),
		/* §5.6 array lengths */
		VAL(RMI_PDEV_MAX_AUX,			32),
		VAL(RMI_PDEV_MAX_NCOH_RANGES,		16),
		VAL(RMI_PDEV_MAX_COH_RANGES,		4),
		VAL(RMI_VDEV_MAX_AUX,			32),
		/* §4.2 "Constants" */
		VAL(RMI_RTT_MIN_LEVEL,			0),
		VAL(RMI_RTT_MIN_LEVEL_LPA2,		-1),
		VAL(RMI_RTT_PAGE_LEVEL,			3),
		VAL(RMI_RTT_MIN_BLOCK_LEVEL,		1),
		VAL(RMI_RTT_MIN_IPA_WIDTH,		32),
		VAL(RMI_RTT_MAX_IPA_WIDTH,		48),
		VAL(RMI_RTT_MAX_IPA_WIDTH_LPA2,		52),
		/* §0: every structure is one 4 KiB granule */
		VAL(RMI_GRANULE_SIZE,			4096),
		/* §1.1 fnum ranges the monitor forwards */
		VAL(RMI_FNUM_RANGE1_FIRST,		0x150),
		VAL(RMI_FNUM_RANGE1_LAST,		0x18F),
		VAL(RMI_FNUM_RANGE2_FIRST,		0x1D0),
		VAL(RMI_FNUM_RANGE2_LAST,		0x2CF),
	};

	(void)state;
	check_values("RMI constants", v, ARRAY_LEN(v));
}

static void test_rsi_enums_and_constants(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §7.2 RsiHashAlgorithm */
		VAL(RSI_HASH_SHA_256,			0),
		VAL(RSI_HASH_SHA_512,			1),
		/* RsiRipas: §7.1 names, same encoding as RmiRipas §5.5 */
		VAL(RSI_RIPAS_EMPTY,			0),
		VAL(RSI_RIPAS_RAM,			1),
		VAL(RSI_RIPAS_DESTROYED,		2),
		VAL(RSI_RIPAS_DEV,			3),
		/* §7.1 IPA_STATE_SET: flags bit0 CHANGE_DESTROYED, ACCEPT 0 / REJECT 1 */
		VAL(RSI_CHANGE_DESTROYED,		BIT(0)),
		VAL(RSI_ACCEPT,				0),
		VAL(RSI_REJECT,				1),
		/* §7.1 MEASUREMENT_READ/EXTEND: index 0 = RIM, 1..4 REM, ≤ 64 bytes */
		VAL(RSI_MEASUREMENT_RIM,		0),
		VAL(RSI_MEASUREMENT_REM_FIRST,		1),
		VAL(RSI_MEASUREMENT_REM_LAST,		4),
		VAL(RSI_MEASUREMENT_MAX_SIZE,		64),
		VAL(RSI_CHALLENGE_SIZE,			64),	/* TOKEN_INIT 64-byte challenge */
		/* §8 RsiFeatureRegister0 */
		VAL(RSI_FEAT0_DA,			BIT(0)),
		VAL(RSI_FEAT0_MRO,			BIT(1)),
		VAL(RSI_FEAT0_ATS,			BIT(2)),
		/* §7.2 RsiRealmConfig rpv[64], RsiHostCall gprs[31], 256-byte aligned */
		VAL(RSI_RPV_SIZE,			64),
		VAL(RSI_HOST_CALL_NR_GPRS,		31),
		VAL(RSI_HOST_CALL_ALIGN,		256),
		/* §8 RsiPlaneRun enter flags and exit reasons */
		VAL(RSI_PLANE_ENTER_TRAP_WFI,		BIT(0)),
		VAL(RSI_PLANE_ENTER_TRAP_WFE,		BIT(1)),
		VAL(RSI_PLANE_ENTER_TRAP_HC,		BIT(2)),
		VAL(RSI_PLANE_ENTER_OWN_GIC,		BIT(3)),
		VAL(RSI_PLANE_ENTER_TRAP_SIMD,		BIT(4)),
		VAL(RSI_PLANE_EXIT_SYNC,		0),
		VAL(RSI_PLANE_EXIT_IRQ,			1),
		VAL(RSI_PLANE_EXIT_HOST,		2),
		VAL(RSI_PLANE_NR_GPRS,			31),
		VAL(RSI_PLANE_GIC_NUM_LRS,		16),
		/* §1.1 RSI fnum range */
		VAL(RSI_FNUM_FIRST,			0x190),
		VAL(RSI_FNUM_LAST,			0x1AF),
	};

	(void)state;
	check_values("RSI values", v, ARRAY_LEN(v));
}

static void test_psci_and_smccc_codes(void **state)
{
	static const struct value_check v[] = {
		/* [PSCI] §5.2.2 return codes */
		VAL(PSCI_E_SUCCESS,			0),
		VAL(PSCI_E_NOT_SUPPORTED,		-1),
		VAL(PSCI_E_INVALID_PARAMS,		-2),
		VAL(PSCI_E_DENIED,			-3),
		VAL(PSCI_E_ALREADY_ON,			-4),
		VAL(PSCI_E_ON_PENDING,			-5),
		VAL(PSCI_E_INTERNAL_FAILURE,		-6),
		VAL(PSCI_E_NOT_PRESENT,			-7),
		VAL(PSCI_E_DISABLED,			-8),
		VAL(PSCI_E_INVALID_ADDRESS,		-9),
		/* [PSCI] §5.7 AFFINITY_INFO results */
		VAL(PSCI_AFFINITY_ON,			0),
		VAL(PSCI_AFFINITY_OFF,			1),
		VAL(PSCI_AFFINITY_ON_PENDING,		2),
		/* [TP] §5.8 MIGRATE_INFO_TYPE = 2 (Trusted OS not present) */
		VAL(PSCI_TOS_NOT_PRESENT_MP,		2),
		/* [CCA] §9, [TP] §5.8: PSCI_VERSION returns 1.1 = 0x10001 */
		VAL(PSCI_VERSION_1_1,			0x10001),
		/* [PSCI] §5.1: PSCI owns fnum 0x00..0x1F */
		VAL(PSCI_FNUM_MAX,			0x1F),
		/* [SMCCC] return codes */
		VAL(SMCCC_E_SUCCESS,			0),
		VAL(SMCCC_E_NOT_SUPPORTED,		-1),
		VAL(SMCCC_E_NOT_REQUIRED,		-2),
		VAL(SMCCC_E_INVALID_PARAMETER,		-3),
		/* [CCA] §1: unknown FID -> x0 = SMC_UNKNOWN (-1) */
		VAL(SMC_UNKNOWN,			-1),
		/* [CCA] §7.1 SMCCC_VERSION -> 1.2; [TP] §5.8 "≥ 0x10001 (1.1)" */
		VAL(SMCCC_VERSION_1_1,			0x10001),
		VAL(SMCCC_VERSION_1_2,			0x10002),
		/* [CCA] §1 / [SMCCC] §2.5 function-ID fields */
		VAL(SMCCC_FAST_CALL,			BIT(31)),
		VAL(SMCCC_SMC64,			BIT(30)),
		VAL(SMCCC_OEN_SHIFT,			24),
		VAL(SMCCC_OEN_MASK,			0x3F),
		VAL(SMCCC_SVE_HINT,			BIT(16)),
		VAL(SMCCC_FNUM_MASK,			0xFFFF),
		VAL(SMCCC_OEN_ARCH,			0),
		VAL(SMCCC_OEN_STD,			4),
	};

	(void)state;
	check_values("PSCI/SMCCC values", v, ARRAY_LEN(v));
}

static void test_version_constants(void **state)
{
	static const struct value_check v[] = {
		/* [CCA] §2 RMI_VERSION: (major << 16) | minor */
		VAL(RMI_ABI_VERSION_1_0,		0x10000),
		VAL(RMI_ABI_VERSION_1_1,		0x10001),
		VAL(RSI_ABI_VERSION_1_0,		0x10000),
		VAL(RSI_ABI_VERSION_1_1,		0x10001),
		/* §10.2: TF-A v2.14 (and v2.15 RMM_V1_COMPAT) speak IFC 0.8 */
		VAL(RMM_EL3_IFC_VERSION_IMPL,		0x00008),
		/* §10.4: manifest version (0 << 16) | 5 */
		VAL(RMM_MANIFEST_VERSION_0_5,		0x00005),
	};

	(void)state;
	check_values("version constants", v, ARRAY_LEN(v));
}

/* [CCA] §2, §10.2: version word = (major << 16) | minor, bit 31 RES0. */
static void test_version_encoding_macros(void **state)
{
	unsigned int fails = 0, checked = 0;
	char name[64];

	(void)state;
	for (uint32_t major = 0; major < 4; major++) {
		for (uint32_t minor = 0; minor < 0x10000; minor += 0x1111) {
			uint64_t want = ((uint64_t)major << 16) | minor;

			snprintf(name, sizeof(name), "(%u.%u)", major, minor);
			fails += expect_eq("RMI_ABI_VERSION", name,
					   RMI_ABI_VERSION(major, minor), want);
			fails += expect_eq("RSI_ABI_VERSION", name,
					   RSI_ABI_VERSION(major, minor), want);
			fails += expect_eq("RMM_EL3_IFC_VERSION", name,
					   RMM_EL3_IFC_VERSION(major, minor), want);
			fails += expect_eq("RMM_MANIFEST_VERSION", name,
					   RMM_MANIFEST_VERSION(major, minor), want);
			fails += expect_eq("RMI_ABI_VERSION_MAJOR", name,
					   RMI_ABI_VERSION_MAJOR(want), major);
			fails += expect_eq("RMI_ABI_VERSION_MINOR", name,
					   RMI_ABI_VERSION_MINOR(want), minor);
			fails += expect_eq("RMM_EL3_IFC_VERSION_MAJOR", name,
					   RMM_EL3_IFC_VERSION_MAJOR(want), major);
			fails += expect_eq("RMM_EL3_IFC_VERSION_MINOR", name,
					   RMM_EL3_IFC_VERSION_MINOR(want), minor);
			checked += 8;
		}
	}
	/* bit 31 is RES0: a major that would reach it is truncated */
	fails += expect_eq("RMI_ABI_VERSION", "bit 31 RES0",
			   RMI_ABI_VERSION(0xFFFF, 0) & BIT(31), 0);
	fails += expect_eq("RMI_ABI_VERSION_MAJOR", "ignores bit 31",
			   RMI_ABI_VERSION_MAJOR(0x80010000ULL), 1);
	checked += 2;
	report("version macros", checked, fails);
}

/* [CCA] §4.1: x0 = status[7:0] | index[15:8]; §4.2: level -1 packs as 0xFF. */
static void test_rmi_return_encoding(void **state)
{
	unsigned int fails = 0, checked = 0;
	char name[48];

	(void)state;
	for (unsigned int status = 0; status < 8; status++) {
		for (unsigned int index = 0; index < 256; index++) {
			uint64_t want = status | (index << 8);
			uint64_t ret = RMI_RETURN(status, index);

			snprintf(name, sizeof(name), "(%u, %u)", status, index);
			fails += expect_eq("RMI_RETURN", name, ret, want);
			fails += expect_eq("RMI_RETURN_STATUS", name,
					   RMI_RETURN_STATUS(want), status);
			fails += expect_eq("RMI_RETURN_INDEX", name,
					   RMI_RETURN_INDEX(want), index);
			checked += 3;
		}
	}
	fails += expect_eq("RMI_RETURN", "(ERROR_RTT, level -1)",
			   RMI_RETURN(RMI_ERROR_RTT, -1), 0xFF04);
	fails += expect_eq("RMI_RETURN_INDEX", "(0xFF04) = (u8)-1",
			   RMI_RETURN_INDEX(0xFF04ULL), 0xFF);
	fails += expect_eq("RMI_RETURN_STATUS", "(0xFF04)",
			   RMI_RETURN_STATUS(0xFF04ULL), RMI_ERROR_RTT);
	fails += expect_eq("RMI_RETURN", "(ERROR_REALM, SYSTEM_OFF)",
			   RMI_RETURN(RMI_ERROR_REALM, RMI_ERROR_REALM_INDEX_SYSTEM_OFF),
			   0x102);
	/* bits above 15 are not part of the status or the index */
	fails += expect_eq("RMI_RETURN_STATUS", "(0xABCD0304)",
			   RMI_RETURN_STATUS(0xABCD0304ULL), 4);
	fails += expect_eq("RMI_RETURN_INDEX", "(0xABCD0304)",
			   RMI_RETURN_INDEX(0xABCD0304ULL), 3);
	checked += 6;
	report("RMI return encoding", checked, fails);
}

int main(void)
{
	const struct CMUnitTest code_tests[] = {
		cmocka_unit_test(test_rmi_status_codes),
		cmocka_unit_test(test_rsi_status_codes),
		cmocka_unit_test(test_rmm_el3_error_and_boot_codes),
		cmocka_unit_test(test_rmi_enums),
		cmocka_unit_test(test_rmi_rec_exit_and_enter_flags),
		cmocka_unit_test(test_rmi_params_constants),
		cmocka_unit_test(test_rsi_enums_and_constants),
		cmocka_unit_test(test_psci_and_smccc_codes),
		cmocka_unit_test(test_version_constants),
		cmocka_unit_test(test_version_encoding_macros),
		cmocka_unit_test(test_rmi_return_encoding),
	};
	int failed = 0;

	failed += cmocka_run_group_tests_name("abi_codes_and_enums", code_tests, NULL, NULL);
	return failed ? 1 : 0;
}
