/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/* RMI dispatch table, RMI_VERSION and RMI_FEATURES (DEN0137 B4.3.23, B4.3.4). */
#include "helpers.h"

static void table_lists_every_rmi_1_0_command_once(void **state)
{
	static const uint32_t fids[RMI_1_0_NUM_COMMANDS] = {
		RMI_VERSION, RMI_GRANULE_DELEGATE, RMI_GRANULE_UNDELEGATE,
		RMI_DATA_CREATE, RMI_DATA_CREATE_UNKNOWN, RMI_DATA_DESTROY,
		RMI_REALM_ACTIVATE, RMI_REALM_CREATE, RMI_REALM_DESTROY,
		RMI_REC_CREATE, RMI_REC_DESTROY, RMI_REC_ENTER, RMI_RTT_CREATE,
		RMI_RTT_DESTROY, RMI_RTT_MAP_UNPROTECTED, RMI_RTT_READ_ENTRY,
		RMI_RTT_UNMAP_UNPROTECTED, RMI_PSCI_COMPLETE, RMI_FEATURES,
		RMI_RTT_FOLD, RMI_REC_AUX_COUNT, RMI_RTT_INIT_RIPAS,
		RMI_RTT_SET_RIPAS,
	};
	unsigned int count, i, j, found;
	const struct rmi_command *t = rmi_command_table(&count);

	(void)state;
	/* Every 1.0 command, then the 1.1 ones (test_mec.c checks those). */
	assert_int_equal(count, RMI_1_0_NUM_COMMANDS + RMI_1_1_NUM_COMMANDS);
	for (i = 0; i < RMI_1_0_NUM_COMMANDS; i++) {
		found = 0;
		for (j = 0; j < count; j++)
			found += t[j].fid == fids[i];
		assert_int_equal(found, 1);
		assert_non_null(t[i].handler);
		assert_true(t[i].num_args <= RMI_MAX_ARGS);
		assert_true(t[i].num_outputs <= RMI_MAX_OUTPUTS);
	}
}

static void unknown_fid_returns_smc_unknown(void **state)
{
	(void)state;
	assert_true(RMI0(SMC64_STD_FID(0x156)).x[0] == SMC_UNKNOWN);	/* unused in 1.0 */
	assert_true(RMI0(SMC64_STD_FID(0x160)).x[0] == SMC_UNKNOWN);
	assert_true(RMI0(SMC64_STD_FID(0x17D)).x[0] == SMC_UNKNOWN);	/* 1.1 planes */
	assert_true(RMI0(SMC64_STD_FID(0x2CF)).x[0] == SMC_UNKNOWN);
	assert_true(RMI0(RMI_VERSION & ~SMCCC_SMC64).x[0] == SMC_UNKNOWN);	/* SMC32 */
}

/* Implemented revisions {1.0, 1.1}: test_mec.c covers the 1.1 request. */
static void version_1_0_succeeds(void **state)
{
	struct rmi_result r = RMI1(RMI_VERSION, RMI_ABI_VERSION_1_0);

	(void)state;
	assert_int_equal(r.x[0], RMI_SUCCESS);
	assert_int_equal(r.x[1], RMI_ABI_VERSION_1_0);
	assert_int_equal(r.x[2], RMI_ABI_VERSION_1_1);
	assert_int_equal(r.x[3], 0);
}

static void version_newer_request_fails_with_lower_below_it(void **state)
{
	struct rmi_result r = RMI1(RMI_VERSION, RMI_ABI_VERSION(2, 0));

	(void)state;
	assert_int_equal(r.x[0], RMI_ERROR_INPUT);
	assert_int_equal(r.x[1], RMI_ABI_VERSION_1_1);
	assert_int_equal(r.x[2], RMI_ABI_VERSION_1_1);
	r = RMI1(RMI_VERSION, RMI_ABI_VERSION(1, 2));
	assert_int_equal(r.x[0], RMI_ERROR_INPUT);
	assert_int_equal(r.x[1], RMI_ABI_VERSION_1_1);
}

static void version_older_request_fails_with_lower_equal_higher(void **state)
{
	struct rmi_result r = RMI1(RMI_VERSION, RMI_ABI_VERSION(0, 9));

	(void)state;
	assert_int_equal(r.x[0], RMI_ERROR_INPUT);
	assert_int_equal(r.x[1], r.x[2]);
	assert_int_equal(r.x[2], RMI_ABI_VERSION_1_1);
}

static void features_register_0_rel0_layout(void **state)
{
	struct rmi_result r = RMI1(RMI_FEATURES, 0);
	uint64_t v = r.x[1];

	(void)state;
	assert_int_equal(r.x[0], RMI_SUCCESS);
	assert_int_equal(RMI_FEAT0_GET(v, S2SZ), 48);
	assert_int_equal(RMI_FEAT0_GET(v, LPA2), 0);
	assert_int_equal(RMI_FEAT0_GET(v, SVE_EN), 1);
	assert_int_equal(RMI_FEAT0_GET(v, SVE_VL), 3);
	assert_int_equal(RMI_FEAT0_GET(v, NUM_BPS), 5);
	assert_int_equal(RMI_FEAT0_GET(v, NUM_WPS), 3);
	assert_int_equal(RMI_FEAT0_GET(v, PMU_EN), 1);
	assert_int_equal(RMI_FEAT0_GET(v, PMU_NUM_CTRS), 6);
	assert_int_equal(RMI_FEAT0_GET(v, HASH_SHA_256), 1);
	assert_int_equal(RMI_FEAT0_GET(v, HASH_SHA_512), 1);
	assert_int_equal(RMI_FEAT0_GET(v, GICV3_NUM_LRS), 15);
	assert_int_equal(RMI_FEAT0_GET(v, MAX_RECS_ORDER), 10);
	assert_int_equal(v >> 42, 0);	/* 1.1 fields: no DA, planes or S2AP */
	/* Exact value: 48 | sve 1<<9 | 3<<10 | 5<<14 | 3<<20 | pmu 1<<26 | 6<<27 | ... */
	assert_int_equal(v, 48ULL | 1ULL << 9 | 3ULL << 10 | 5ULL << 14 | 3ULL << 20 |
			    1ULL << 26 | 6ULL << 27 | 1ULL << 32 | 1ULL << 33 |
			    15ULL << 34 | 10ULL << 38);
}

/* Index 1 is MAX_MECID (1.1, test_mec.c); the rest read as zero. */
static void features_other_indices_are_zero(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_FEATURES, 2).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_FEATURES, 2).x[1], 0);
	assert_int_equal(RMI1(RMI_FEATURES, ~0ULL).x[1], 0);
}

static void features_follow_platform_description(void **state)
{
	(void)state;
	host_features()->sve = false;
	host_features()->pmu = false;
	assert_int_equal(RMI_FEAT0_GET(RMI1(RMI_FEATURES, 0).x[1], SVE_VL), 0);
	assert_int_equal(RMI_FEAT0_GET(RMI1(RMI_FEATURES, 0).x[1], PMU_NUM_CTRS), 0);
}

#define T(f) cmocka_unit_test_setup(f, test_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(table_lists_every_rmi_1_0_command_once),
		T(unknown_fid_returns_smc_unknown),
		T(version_1_0_succeeds),
		T(version_newer_request_fails_with_lower_below_it),
		T(version_older_request_fails_with_lower_equal_higher),
		T(features_register_0_rel0_layout),
		T(features_other_indices_are_zero),
		T(features_follow_platform_description),
	};

	return cmocka_run_group_tests_name("rmi-dispatch", tests, NULL, NULL);
}
