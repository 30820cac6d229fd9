// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the monitor's SMC routing decision (<smc-route.h>,
 * used by monitor/smc.c): which FIDs reach rmmd from which world, which are
 * refused outright, and how the handler table's world masks apply.  The
 * ns-host payload (tests/baremetal/ns-host) checks the same rules end to
 * end from NS-EL2 on the emulated machine.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <cmocka.h>

#include <abi/psci.h>
#include <smc-route.h>

#define ALL_WORLDS	(WORLD_SECURE | WORLD_NS | WORLD_REALM)

static void rmi_goes_to_rmmd_from_ns_and_realm_only(void **state)
{
	(void)state;
	assert_int_equal(smc_route(RMI_VERSION, WORLD_NS), SMC_ROUTE_RMMD);
	assert_int_equal(smc_route(RMI_GRANULE_DELEGATE, WORLD_NS), SMC_ROUTE_RMMD);
	assert_int_equal(smc_route(RMI_VERSION, WORLD_REALM), SMC_ROUTE_RMMD);
	assert_int_equal(smc_route(RMI_VERSION, WORLD_SECURE), SMC_ROUTE_REFUSE);
	/* The SVE hint is not part of the range check: still RMI. */
	assert_int_equal(smc_route(RMI_VERSION | SMCCC_SVE_HINT, WORLD_NS), SMC_ROUTE_RMMD);
}

static void rmm_el3_is_realm_only(void **state)
{
	static const uint32_t fids[] = {
		RMM_GTSI_DELEGATE, RMM_GTSI_UNDELEGATE, RMM_ATTEST_GET_REALM_KEY,
		RMM_ATTEST_GET_PLAT_TOKEN, RMM_EL3_FEATURES, RMM_BOOT_COMPLETE,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		assert_int_equal(smc_route(fids[i], WORLD_NS), SMC_ROUTE_REFUSE);
		assert_int_equal(smc_route(fids[i], WORLD_SECURE), SMC_ROUTE_REFUSE);
		assert_int_equal(smc_route(fids[i], WORLD_REALM), SMC_ROUTE_RMMD);
	}
}

/* 0x18F ends the RMI range: NS reaches the RMM, which answers SMC_UNKNOWN. */
static void rmi_req_complete_is_in_the_rmi_range(void **state)
{
	(void)state;
	assert_int_equal(smc_route(RMM_RMI_REQ_COMPLETE, WORLD_NS), SMC_ROUTE_RMMD);
	assert_int_equal(smc_route(RMM_RMI_REQ_COMPLETE, WORLD_REALM), SMC_ROUTE_RMMD);
	assert_int_equal(smc_route(RMM_RMI_REQ_COMPLETE, WORLD_SECURE), SMC_ROUTE_REFUSE);
}

/* Every SMC64 standard-service fnum from NS: RMI ranges, RMM-EL3 range, rest. */
static void every_std_fnum_from_ns(void **state)
{
	uint32_t fnum;

	(void)state;
	for (fnum = 0; fnum <= SMCCC_FNUM_MASK; fnum++) {
		uint32_t fid = SMC64_STD_FID(fnum);
		enum smc_route want = SMC_ROUTE_TABLE;

		if ((fnum >= 0x150 && fnum <= 0x18F) || (fnum >= 0x1D0 && fnum <= 0x2CF))
			want = SMC_ROUTE_RMMD;
		else if (fnum >= 0x1B0 && fnum <= 0x1CF)
			want = SMC_ROUTE_REFUSE;
		assert_int_equal(smc_route(fid, WORLD_NS), want);
	}
}

/* Not SMC64 fast standard-service calls with zero MBZ bits: not RMI/RMM-EL3. */
static void lookalikes_go_to_the_table(void **state)
{
	static const uint32_t fids[] = {
		0x84000150,			/* RMI_VERSION's fnum as SMC32 */
		0x44000150,			/* yielding call */
		0xC5000150,			/* OEN 5 */
		RMI_VERSION | (1U << 17),	/* an MBZ bit set */
		RMM_GTSI_DELEGATE | (1U << 23),	/* an MBZ bit set */
		0xC4000300, 0x8400FFFF, 0xC7000000, PSCI_FID_VERSION, SMCCC_VERSION,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		assert_int_equal(smc_route(fids[i], WORLD_NS), SMC_ROUTE_TABLE);
		assert_int_equal(smc_route(fids[i], WORLD_REALM), SMC_ROUTE_TABLE);
		assert_int_equal(smc_route(fids[i], WORLD_SECURE), SMC_ROUTE_TABLE);
	}
}

static const struct smc_handler table[] = {
	{ PSCI_FID_VERSION,	WORLD_NS,		NULL },
	{ SMCCC_VERSION,	WORLD_NS | WORLD_REALM,	NULL },
	{ PSCI_FID_VERSION,	ALL_WORLDS,		NULL },	/* shadowed */
};

static void table_world_masks(void **state)
{
	size_t n = sizeof(table) / sizeof(table[0]);

	(void)state;
	assert_ptr_equal(smc_table_find(table, n, PSCI_FID_VERSION, WORLD_NS), &table[0]);
	/* The first entry decides: a later, wider one does not open it up. */
	assert_null(smc_table_find(table, n, PSCI_FID_VERSION, WORLD_REALM));
	assert_null(smc_table_find(table, n, PSCI_FID_VERSION, WORLD_SECURE));
	assert_ptr_equal(smc_table_find(table, n, SMCCC_VERSION, WORLD_REALM), &table[1]);
	assert_null(smc_table_find(table, n, SMCCC_VERSION, WORLD_SECURE));
	assert_null(smc_table_find(table, n, 0xC4000300, WORLD_NS));
	assert_null(smc_table_find(table, 0, PSCI_FID_VERSION, WORLD_NS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rmi_goes_to_rmmd_from_ns_and_realm_only),
		cmocka_unit_test(rmm_el3_is_realm_only),
		cmocka_unit_test(rmi_req_complete_is_in_the_rmi_range),
		cmocka_unit_test(every_std_fnum_from_ns),
		cmocka_unit_test(lookalikes_go_to_the_table),
		cmocka_unit_test(table_world_masks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
