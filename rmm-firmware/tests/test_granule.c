/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Granule tracking, locking and RMI_GRANULE_DELEGATE / _UNDELEGATE
 * (DEN0137 B4.3.5, B4.3.6): one test per failure condition, in spec order.
 */
#include <string.h>
#include "helpers.h"

static void lookup_refuses_unaligned_and_untracked(void **state)
{
	(void)state;
	assert_non_null(granule_from_pa(HOST_DRAM_BASE));
	assert_non_null(granule_from_pa(PA_OUTSIDE_DRAM - GRANULE_SIZE));
	assert_null(granule_from_pa(PA_UNALIGNED(HOST_DRAM_BASE)));
	assert_null(granule_from_pa(PA_OUTSIDE_DRAM));
	assert_null(granule_from_pa(HOST_DRAM_BASE - GRANULE_SIZE));
	assert_null(granule_from_pa(0));
	assert_int_equal(granule_to_pa(granule_from_pa(HOST_DRAM_BASE + 5 * GRANULE_SIZE)),
			 HOST_DRAM_BASE + 5 * GRANULE_SIZE);
}

static void init_rejects_bad_banks(void **state)
{
	const struct rmm_memory_bank overlap[2] = {
		{ 0x80000000, 0x200000 }, { 0x80100000, 0x1000 },
	};
	const struct rmm_memory_bank unaligned = { 0x80000800, 0x1000 };
	const struct rmm_memory_bank too_big = { 0x80000000, 4096ULL * 4096 };
	const struct rmm_memory_bank two[2] = {
		{ 0x80000000, 0x2000 }, { 0x90000000, 0x1000 },
	};

	(void)state;
	assert_int_equal(granule_init(overlap, 2), -1);
	assert_int_equal(granule_init(&unaligned, 1), -1);
	assert_int_equal(granule_init(&too_big, 1), -1);
	assert_int_equal(granule_init(two, 0), -1);
	assert_int_equal(granule_init(two, 2), 0);
	assert_non_null(granule_from_pa(0x90000000));
	assert_null(granule_from_pa(0x80002000));
	assert_int_equal(granule_to_pa(granule_from_pa(0x90000000)), 0x90000000);
}

static void lock_set_locks_all_or_nothing(void **state)
{
	uint64_t a = alloc_granule(), b = alloc_granule();
	struct granule_lock_req reqs[2] = {
		{ .pa = b, .state = GRANULE_STATE_NS },
		{ .pa = a, .state = GRANULE_STATE_NS },
	};

	(void)state;
	assert_true(granule_lock_set(reqs, 2));
	assert_true(granule_is_locked(reqs[0].g) && granule_is_locked(reqs[1].g));
	granule_unlock(reqs[0].g);
	granule_unlock(reqs[1].g);

	reqs[1].state = GRANULE_STATE_DELEGATED;
	assert_false(granule_lock_set(reqs, 2));
	assert_false(granule_is_locked(granule_from_pa(a)));
	assert_false(granule_is_locked(granule_from_pa(b)));

	reqs[1].pa = b;		/* duplicates are refused */
	reqs[1].state = GRANULE_STATE_NS;
	assert_false(granule_lock_set(reqs, 2));
}

/*
 * A lock set backs off at the first granule in the wrong state before it
 * waits for the next one: here it must never touch b, which "another CPU"
 * holds (locking it again would trip the host's double-lock check).
 */
static void lock_set_backs_off_before_waiting(void **state)
{
	uint64_t a = alloc_granule(), b = alloc_granule();
	struct granule_lock_req reqs[2] = {
		{ .pa = b, .state = GRANULE_STATE_NS },
		{ .pa = a, .state = GRANULE_STATE_DELEGATED },	/* a is NS */
	};

	(void)state;
	granule_lock(granule_from_pa(b));
	assert_false(granule_lock_set(reqs, 2));
	assert_false(granule_is_locked(granule_from_pa(a)));
	granule_unlock(granule_from_pa(b));
}

static void double_lock_is_caught(void **state)
{
	struct granule *g = granule_from_pa(HOST_DRAM_BASE);

	(void)state;
	granule_lock(g);
	expect_assert_failure(granule_lock(g));
	granule_unlock(g);
}

/* ---- RMI_GRANULE_DELEGATE */

static void delegate_gran_align(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, PA_UNALIGNED(alloc_granule())).x[0],
			 RMI_ERROR_INPUT);
	assert_int_equal(host_gtsi_log()->delegate_calls, 0);
}

static void delegate_gran_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
	assert_int_equal(host_gtsi_log()->delegate_calls, 0);
}

static void delegate_gran_state(void **state)
{
	uint64_t pa = alloc_delegated();

	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, pa).x[0], RMI_ERROR_INPUT);
	assert_int_equal(host_gtsi_log()->delegate_calls, 1);
}

static void delegate_gran_gpt(void **state)
{
	uint64_t pa = alloc_granule();

	(void)state;
	host_gtsi_fail_next(E_RMM_BAD_PAS);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, pa).x[0], RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(pa), GRANULE_STATE_NS);
	assert_false(granule_is_locked(granule_from_pa(pa)));
}

static void delegate_success_zeroes_and_transitions(void **state)
{
	uint64_t pa = alloc_granule();

	(void)state;
	memset(host_pa_to_va(pa), 0xA5, GRANULE_SIZE);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, pa).x[0], RMI_SUCCESS);
	assert_int_equal(granule_state_at(pa), GRANULE_STATE_DELEGATED);
	assert_true(host_gpt_is_realm(pa));
	assert_int_equal(host_gtsi_log()->last_pa, pa);
	for (unsigned int i = 0; i < GRANULE_SIZE; i++)
		assert_int_equal(((uint8_t *)host_pa_to_va(pa))[i], 0);
}

static void delegate_sve_hint_bit_ignored(void **state)
{
	uint64_t pa = alloc_granule();

	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE | SMCCC_SVE_HINT, pa).x[0], RMI_SUCCESS);
}

/* ---- RMI_GRANULE_UNDELEGATE */

static void undelegate_gran_align(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, PA_UNALIGNED(alloc_delegated())).x[0],
			 RMI_ERROR_INPUT);
}

static void undelegate_gran_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
}

static void undelegate_gran_state(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, alloc_granule()).x[0], RMI_ERROR_INPUT);
	assert_int_equal(host_gtsi_log()->undelegate_calls, 0);
}

static void undelegate_success(void **state)
{
	uint64_t pa = alloc_delegated();

	(void)state;
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, pa).x[0], RMI_SUCCESS);
	assert_int_equal(granule_state_at(pa), GRANULE_STATE_NS);
	assert_false(host_gpt_is_realm(pa));
	assert_int_equal(host_gtsi_log()->undelegate_calls, 1);
	/* and the cycle can repeat */
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, pa).x[0], RMI_SUCCESS);
}

static void undelegate_el3_failure_panics(void **state)
{
	uint64_t pa = alloc_delegated();

	(void)state;
	host_gtsi_fail_next(E_RMM_BAD_PAS);
	expect_assert_failure(RMI1(RMI_GRANULE_UNDELEGATE, pa));
}

#define T(f) cmocka_unit_test_setup(f, test_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(lookup_refuses_unaligned_and_untracked),
		T(init_rejects_bad_banks),
		T(lock_set_locks_all_or_nothing), T(lock_set_backs_off_before_waiting),
		T(double_lock_is_caught),
		T(delegate_gran_align),
		T(delegate_gran_bound),
		T(delegate_gran_state),
		T(delegate_gran_gpt),
		T(delegate_success_zeroes_and_transitions),
		T(delegate_sve_hint_bit_ignored),
		T(undelegate_gran_align),
		T(undelegate_gran_bound),
		T(undelegate_gran_state),
		T(undelegate_success),
		T(undelegate_el3_failure_panics),
	};

	return cmocka_run_group_tests_name("granule", tests, NULL, NULL);
}
