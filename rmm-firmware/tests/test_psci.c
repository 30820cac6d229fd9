/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_PSCI_COMPLETE (DEN0137 B4.3.7, B3.27; cca-interfaces.md §9): one test
 * per failure condition in spec order, and each completion rule.  The
 * realm's PSCI request (recorded by the realm-exit runtime) is set through
 * rec_psci_request(), as the runtime will.  Realm with REC 0 (runnable,
 * the caller) and REC 1 (not runnable).
 */
#include <abi/psci.h>
#include "helpers.h"

#define ENTRY		0x80010000ULL
#define CONTEXT_ID	0x1234ULL

static struct test_realm r;
static uint64_t rec0, rec1;

static void request(uint64_t rec_pa, uint64_t fid, uint64_t mpidr)
{
	struct granule *g = granule_from_pa(rec_pa);

	granule_lock(g);
	rec_psci_request(test_rec(rec_pa), fid, mpidr, ENTRY, CONTEXT_ID);
	granule_unlock(g);
}

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	rec0 = test_rec_create(&r, 0, true);
	rec1 = test_rec_create(&r, 1, false);
	/* Left NEW so that tests can add RECs; PSCI_COMPLETE ignores it. */
	request(rec0, PSCI_FID_CPU_ON_64, 1);
	return 0;
}

static uint64_t complete(uint64_t calling, uint64_t target, int64_t status)
{
	return RMI3(RMI_PSCI_COMPLETE, calling, target, (uint64_t)status).x[0];
}

/* After a failure: request still pending, target untouched. */
static void assert_still_pending(void)
{
	assert_true(test_rec(rec0)->psci_pending);
	assert_int_equal(test_rec(rec0)->gprs[0], PSCI_FID_CPU_ON_64);
	assert_int_equal(test_rec(rec0)->gprs[1], 1);
	assert_false(test_rec(rec1)->runnable);
	assert_no_locks();
}

/* ---- failure conditions, spec order */

static void psci_complete_alias(void **state)
{
	(void)state;
	assert_int_equal(complete(rec0, rec0, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_calling_align(void **state)
{
	(void)state;
	assert_int_equal(complete(PA_UNALIGNED(rec0), rec1, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_calling_bound(void **state)
{
	(void)state;
	assert_int_equal(complete(PA_OUTSIDE_DRAM, rec1, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_calling_state(void **state)
{
	(void)state;
	assert_int_equal(complete(r.rd, rec1, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_int_equal(complete(alloc_delegated(), rec1, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_target_align(void **state)
{
	(void)state;
	assert_int_equal(complete(rec0, PA_UNALIGNED(rec1), PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_target_bound(void **state)
{
	(void)state;
	assert_int_equal(complete(rec0, PA_OUTSIDE_DRAM, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_target_state(void **state)
{
	(void)state;
	assert_int_equal(complete(rec0, test_rec(rec1)->aux[0], PSCI_E_SUCCESS),
			 RMI_ERROR_INPUT);
	assert_still_pending();
}

static void psci_complete_pending(void **state)
{
	(void)state;
	/* REC 1 has no request. */
	assert_int_equal(complete(rec1, rec0, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_still_pending();
	/* A completed request cannot be completed twice. */
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
}

static void psci_complete_owner(void **state)
{
	struct rmi_realm_params p2;
	struct test_realm r2;
	uint64_t other;

	(void)state;
	realm_params_fill_default(&p2, alloc_granules(2, 2));
	p2.vmid = 2;
	test_realm_create(&r2, &p2);
	(void)test_rec_create(&r2, 0, true);
	other = test_rec_create(&r2, 1, false);		/* same MPIDR as the target */
	assert_int_equal(complete(rec0, other, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_false(test_rec(other)->runnable);
	assert_still_pending();
}

static void psci_complete_target(void **state)
{
	uint64_t rec2 = test_rec_create(&r, 2, false);

	(void)state;
	/* The request names MPIDR 1, not REC 2. */
	assert_int_equal(complete(rec0, rec2, PSCI_E_SUCCESS), RMI_ERROR_INPUT);
	assert_false(test_rec(rec2)->runnable);
	assert_still_pending();
}

static void psci_complete_status(void **state)
{
	(void)state;
	/* Only SUCCESS, or DENIED for CPU_ON of a target that is off. */
	assert_int_equal(complete(rec0, rec1, PSCI_E_NOT_SUPPORTED), RMI_ERROR_INPUT);
	assert_int_equal(complete(rec0, rec1, PSCI_E_ALREADY_ON), RMI_ERROR_INPUT);
	assert_int_equal(complete(rec0, rec1, PSCI_E_INVALID_PARAMS), RMI_ERROR_INPUT);
	assert_int_equal(complete(rec0, rec1, 5), RMI_ERROR_INPUT);
	assert_still_pending();
	/* DENIED is not permitted once the target is on. */
	test_rec(rec1)->runnable = true;
	assert_int_equal(complete(rec0, rec1, PSCI_E_DENIED), RMI_ERROR_INPUT);
	/* Nor for AFFINITY_INFO. */
	test_rec(rec1)->runnable = false;
	request(rec0, PSCI_FID_AFFINITY_INFO_64, 1);
	assert_int_equal(complete(rec0, rec1, PSCI_E_DENIED), RMI_ERROR_INPUT);
	assert_true(test_rec(rec0)->psci_pending);
	assert_no_locks();
}

/* ---- completion rules */

static void assert_caller_result(int64_t result)
{
	const struct rec *c = test_rec(rec0);

	assert_false(c->psci_pending);
	assert_int_equal(c->gprs[0], (uint64_t)result);
	assert_int_equal(c->gprs[1], 0);
	assert_int_equal(c->gprs[2], 0);
	assert_int_equal(c->gprs[3], 0);
	assert_no_locks();
}

static void psci_complete_cpu_on_success(void **state)
{
	struct rec *t = test_rec(rec1);

	(void)state;
	t->gprs[7] = 77;		/* leftovers are cleared */
	t->pstate = 0;
	test_rec(rec0)->sctlr_el1 |= SCTLR_EL1_EE;
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_E_SUCCESS);
	assert_true(t->runnable);
	assert_int_equal(t->pc, ENTRY);
	assert_int_equal(t->gprs[0], CONTEXT_ID);
	for (unsigned int i = 1; i < REC_NUM_GPRS; i++)
		assert_int_equal(t->gprs[i], 0);
	assert_int_equal(t->pstate, REC_PSTATE_INIT);
	assert_int_equal(t->sctlr_el1, REC_SCTLR_EL1_INIT | SCTLR_EL1_EE);
}

static void psci_complete_cpu_on_32(void **state)
{
	(void)state;
	request(rec0, PSCI_FID_CPU_ON_32, 1);
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_E_SUCCESS);
	assert_true(test_rec(rec1)->runnable);
}

static void psci_complete_cpu_on_already_on(void **state)
{
	(void)state;
	test_rec(rec1)->runnable = true;
	test_rec(rec1)->pc = 0x4444;
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_E_ALREADY_ON);
	assert_int_equal(test_rec(rec1)->pc, 0x4444);
}

/* A target still on its CPU (not runnable after CPU_OFF) is not reset. */
static void psci_complete_cpu_on_target_running(void **state)
{
	(void)state;
	granule_refcount_inc(granule_from_pa(rec1), 1);
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_E_ALREADY_ON);
	assert_false(test_rec(rec1)->runnable);
	granule_refcount_dec(granule_from_pa(rec1), 1);
}

static void psci_complete_cpu_on_denied(void **state)
{
	(void)state;
	assert_int_equal(complete(rec0, rec1, PSCI_E_DENIED), RMI_SUCCESS);
	assert_caller_result(PSCI_E_DENIED);
	assert_false(test_rec(rec1)->runnable);
}

static void psci_complete_affinity_info(void **state)
{
	(void)state;
	request(rec0, PSCI_FID_AFFINITY_INFO_64, 1);
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_AFFINITY_OFF);
	test_rec(rec1)->runnable = true;
	request(rec0, PSCI_FID_AFFINITY_INFO_32, 1);
	assert_int_equal(complete(rec0, rec1, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_caller_result(PSCI_AFFINITY_ON);
}

/* Target MPIDR with Aff1 set (REC index 16) and the RES1 bit 31 from MPIDR_EL1. */
static void psci_complete_mpidr_aff1(void **state)
{
	uint64_t target = 0;

	(void)state;
	for (unsigned int i = 2; i <= 16; i++)
		target = test_rec_create(&r, (i % 16) | (uint64_t)(i / 16) << 8, false);
	request(rec0, PSCI_FID_CPU_ON_64, (1ULL << 8) | (1ULL << 31));
	assert_int_equal(complete(rec0, target, PSCI_E_SUCCESS), RMI_SUCCESS);
	assert_true(test_rec(target)->runnable);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(psci_complete_alias), T(psci_complete_calling_align),
		T(psci_complete_calling_bound), T(psci_complete_calling_state),
		T(psci_complete_target_align), T(psci_complete_target_bound),
		T(psci_complete_target_state), T(psci_complete_pending),
		T(psci_complete_owner), T(psci_complete_target), T(psci_complete_status),
		T(psci_complete_cpu_on_success), T(psci_complete_cpu_on_32),
		T(psci_complete_cpu_on_already_on), T(psci_complete_cpu_on_target_running),
		T(psci_complete_cpu_on_denied), T(psci_complete_affinity_info),
		T(psci_complete_mpidr_aff1),
	};

	return cmocka_run_group_tests_name("psci_complete", tests, NULL, NULL);
}
