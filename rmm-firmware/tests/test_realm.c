/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm lifecycle (DEN0137 B4.3.8-B4.3.11): one test per failure condition,
 * in spec order, then success paths and state transitions.
 */
#include <string.h>
#include "helpers.h"

/* Granules for a default realm: RD and two root RTTs, all DELEGATED. */
struct create_env {
	uint64_t rd, rtt_base;
	struct rmi_realm_params p;
};

static void env_init(struct create_env *e)
{
	e->rtt_base = alloc_granules(2, 2);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, e->rtt_base).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, e->rtt_base + GRANULE_SIZE).x[0],
			 RMI_SUCCESS);
	e->rd = alloc_delegated();
	realm_params_fill_default(&e->p, e->rtt_base);
}

static void assert_nothing_created(const struct create_env *e)
{
	assert_int_equal(granule_state_at(e->rd), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(e->rtt_base), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(e->rtt_base + GRANULE_SIZE), GRANULE_STATE_DELEGATED);
	assert_false(granule_is_locked(granule_from_pa(e->rd)));
	assert_false(granule_is_locked(granule_from_pa(e->rtt_base)));
}

static uint64_t create_with(struct create_env *e)
{
	return RMI2(RMI_REALM_CREATE, e->rd, realm_params_ns(&e->p)).x[0];
}

static void expect_create_input_error(struct create_env *e)
{
	assert_int_equal(create_with(e), RMI_ERROR_INPUT);
	assert_nothing_created(e);
}

/* ---- RMI_REALM_CREATE failure conditions */

static void create_params_align(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI2(RMI_REALM_CREATE, e.rd,
			      PA_UNALIGNED(realm_params_ns(&e.p))).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_params_bound(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI2(RMI_REALM_CREATE, e.rd, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_params_pas(void **state)
{
	struct create_env e;
	uint64_t params;

	(void)state;
	env_init(&e);
	params = realm_params_ns(&e.p);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, params).x[0], RMI_SUCCESS);
	assert_int_equal(RMI2(RMI_REALM_CREATE, e.rd, params).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_params_valid(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	e.p.flags0 = 1ULL << 3;			/* reserved flag in 1.0 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.s2sz = 40 | 0x100;			/* not a UInt8 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.reserved_num_wps = 1;
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.hash_algo = 2;			/* not an RmiHashAlgorithm */
	expect_create_input_error(&e);
}

static void create_params_supp(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	e.p.flags0 = RMI_REALM_FLAGS0_LPA2;		/* FEAT0.LPA2 = 0 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.s2sz = 31;
	expect_create_input_error(&e);
	host_features()->pa_bits = 39;			/* s2sz 40 > FEAT0.S2SZ */
	realm_params_fill_default(&e.p, e.rtt_base);
	expect_create_input_error(&e);
	host_features()->pa_bits = 48;
	e.p.num_bps = 0;
	expect_create_input_error(&e);
	e.p.num_bps = 6;				/* > 5 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.num_wps = 4;				/* > 3 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.flags0 = RMI_REALM_FLAGS0_SVE;
	e.p.sve_vl = 4;					/* > 3 */
	expect_create_input_error(&e);
	realm_params_fill_default(&e.p, e.rtt_base);
	e.p.flags0 = RMI_REALM_FLAGS0_PMU;
	e.p.pmu_num_ctrs = 7;				/* > 6 */
	expect_create_input_error(&e);
	e.p.pmu_num_ctrs = 0;				/* needs FEAT_HPMN0 */
	expect_create_input_error(&e);
}

static void create_alias(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI2(RMI_REALM_CREATE, e.rtt_base + GRANULE_SIZE,
			      realm_params_ns(&e.p)).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_rd_align(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI2(RMI_REALM_CREATE, PA_UNALIGNED(e.rd),
			      realm_params_ns(&e.p)).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_rd_bound(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI2(RMI_REALM_CREATE, PA_OUTSIDE_DRAM,
			      realm_params_ns(&e.p)).x[0], RMI_ERROR_INPUT);
	assert_nothing_created(&e);
}

static void create_rd_state(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	e.rd = alloc_granule();				/* NS, not DELEGATED */
	assert_int_equal(create_with(&e), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(e.rd), GRANULE_STATE_NS);
	assert_int_equal(granule_state_at(e.rtt_base), GRANULE_STATE_DELEGATED);
}

static void create_rtt_align(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	/* Two concatenated RTTs must be 8 KiB aligned. */
	e.p.rtt_base = alloc_granules(3, 2) + GRANULE_SIZE;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, e.p.rtt_base).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, e.p.rtt_base + GRANULE_SIZE).x[0],
			 RMI_SUCCESS);
	assert_int_equal(create_with(&e), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(e.p.rtt_base), GRANULE_STATE_DELEGATED);
}

static void create_rtt_num_level(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	e.p.rtt_num_start = 1;			/* s2sz 40 at level 1 needs 2 */
	expect_create_input_error(&e);
	e.p.rtt_num_start = 2;
	e.p.rtt_level_start = 2;		/* would need 512 RTTs */
	expect_create_input_error(&e);
	e.p.rtt_level_start = -1;		/* LPA2 only */
	expect_create_input_error(&e);
	e.p.rtt_level_start = 0;		/* 2 entries only: 1 RTT, not 2 */
	expect_create_input_error(&e);
	host_features()->pa_bits = 40;		/* level 0 needs PA >= 44 bits */
	e.p.rtt_num_start = 1;
	expect_create_input_error(&e);
}

static void create_rtt_state(void **state)
{
	struct create_env e;

	(void)state;
	env_init(&e);
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, e.rtt_base + GRANULE_SIZE).x[0],
			 RMI_SUCCESS);
	assert_int_equal(create_with(&e), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(e.rd), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(e.rtt_base), GRANULE_STATE_DELEGATED);
	assert_false(granule_is_locked(granule_from_pa(e.rtt_base)));
}

static void create_vmid_valid(void **state)
{
	struct test_realm first;
	struct create_env e;

	(void)state;
	test_realm_create(&first, NULL);		/* owns VMID 1 */
	env_init(&e);
	expect_create_input_error(&e);			/* VMID 1 in use */
	host_features()->vmid_bits = 8;
	e.p.vmid = 256;					/* beyond the VMID width */
	expect_create_input_error(&e);
	e.p.vmid = 255;
	assert_int_equal(create_with(&e), RMI_SUCCESS);
}

/* ---- RMI_REALM_CREATE success */

static void create_success_states(void **state)
{
	struct test_realm r;
	struct rd *rd;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(granule_state_at(r.rd), GRANULE_STATE_RD);
	assert_int_equal(granule_state_at(r.rtt_base), GRANULE_STATE_RTT);
	assert_int_equal(granule_state_at(r.rtt_base + GRANULE_SIZE), GRANULE_STATE_RTT);
	assert_false(granule_is_locked(granule_from_pa(r.rd)));
	assert_false(granule_is_locked(granule_from_pa(r.rtt_base)));
	rd = test_rd(&r);
	assert_int_equal(rd->state, REALM_NEW);
	assert_int_equal(rd->rec_index, 0);
	assert_int_equal(granule_refcount_at(r.rd), 0);
	assert_int_equal(rd->s2.ipa_bits, 40);
	assert_int_equal(rd->s2.level_start, 1);
	assert_int_equal(rd->s2.num_root_rtts, 2);
	assert_int_equal(rd->vmid, 1);
	for (unsigned int i = 1; i < MEASURE_NUM_SLOTS; i++)
		for (unsigned int j = 0; j < MEASURE_SIZE; j++)
			assert_int_equal(rd->measurements[i][j], 0);
}

static void create_success_root_rtt_entries(void **state)
{
	struct test_realm r;
	const uint64_t *root;

	(void)state;
	test_realm_create(&r, NULL);
	/* Level 1, 1 GiB entries: IPA < 2^39 (entries 0..511) is protected. */
	root = host_pa_to_va(r.rtt_base);
	for (unsigned int i = 0; i < 512; i++)
		assert_int_equal(s2tte_decode(root[i], 1), S2TTE_UNASSIGNED_EMPTY);
	root = host_pa_to_va(r.rtt_base + GRANULE_SIZE);
	for (unsigned int i = 0; i < 512; i++)
		assert_int_equal(s2tte_decode(root[i], 1), S2TTE_UNASSIGNED_NS);
}

static void create_success_rpv_kept(void **state)
{
	struct rmi_realm_params p;
	struct test_realm r;

	(void)state;
	realm_params_fill_default(&p, alloc_granules(2, 2));
	for (unsigned int i = 0; i < RMI_RPV_SIZE; i++)
		p.rpv[i] = (uint8_t)(i + 1);
	test_realm_create(&r, &p);
	assert_memory_equal(test_rd(&r)->rpv, p.rpv, RMI_RPV_SIZE);
}

static void create_success_rd_below_rtts_and_above(void **state)
{
	struct rmi_realm_params p;
	struct test_realm r;
	uint64_t rd, params;

	(void)state;
	/* RD above the RTTs (lock order by PA must still work). */
	realm_params_fill_default(&p, alloc_granules(2, 2));
	test_realm_create(&r, &p);
	/* RD below the RTTs, level-0 start, one RTT. */
	rd = alloc_delegated();
	realm_params_fill_default(&p, alloc_granule());
	p.vmid = 2;
	p.s2sz = 48;
	p.rtt_level_start = 0;
	p.rtt_num_start = 1;
	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, p.rtt_base).x[0], RMI_SUCCESS);
	params = realm_params_ns(&p);
	assert_int_equal(RMI2(RMI_REALM_CREATE, rd, params).x[0], RMI_SUCCESS);
}

/* ---- RMI_REALM_ACTIVATE */

static void activate_rd_align(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, PA_UNALIGNED(r.rd)).x[0], RMI_ERROR_INPUT);
}

static void activate_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
}

static void activate_rd_state(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rtt_base).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, alloc_delegated()).x[0], RMI_ERROR_INPUT);
}

static void activate_realm_state(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_ERROR_REALM);
	test_rd(&r)->state = REALM_SYSTEM_OFF;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_ERROR_REALM);
}

static void activate_success(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(test_rd(&r)->state, REALM_ACTIVE);
	assert_false(granule_is_locked(granule_from_pa(r.rd)));
}

/* ---- RMI_REALM_DESTROY */

static void destroy_rd_align(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, PA_UNALIGNED(r.rd)).x[0], RMI_ERROR_INPUT);
}

static void destroy_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REALM_DESTROY, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
}

static void destroy_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REALM_DESTROY, alloc_delegated()).x[0], RMI_ERROR_INPUT);
}

static void destroy_realm_live(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	/* A REC holds a reference on the RD. */
	granule_refcount_inc(granule_from_pa(r.rd), 1);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_REALM);
	granule_refcount_dec(granule_from_pa(r.rd), 1);
	/* A live entry in the second starting-level RTT. */
	granule_refcount_inc(granule_from_pa(r.rtt_base + GRANULE_SIZE), 1);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_REALM);
	assert_int_equal(granule_state_at(r.rd), GRANULE_STATE_RD);
	assert_false(granule_is_locked(granule_from_pa(r.rd)));
	assert_false(granule_is_locked(granule_from_pa(r.rtt_base)));
}

static void destroy_success(void **state)
{
	struct test_realm r, again;
	const uint8_t *p;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(granule_state_at(r.rd), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(r.rtt_base), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_state_at(r.rtt_base + GRANULE_SIZE), GRANULE_STATE_DELEGATED);
	/* Zero invariant of DELEGATED granules (measurements are gone). */
	p = host_pa_to_va(r.rd);
	for (unsigned int i = 0; i < 3 * GRANULE_SIZE; i++)
		assert_int_equal(p[i % GRANULE_SIZE], 0);
	p = host_pa_to_va(r.rtt_base);
	for (unsigned int i = 0; i < 2 * GRANULE_SIZE; i++)
		assert_int_equal(p[i], 0);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_INPUT);
	/* The VMID is free again. */
	test_realm_create(&again, NULL);
	/* And the granules can go back to the host. */
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, r.rd).x[0], RMI_SUCCESS);
}

/* ---- RMI_REC_AUX_COUNT */

static void aux_count_rd_align(void **state)
{
	struct test_realm r;

	(void)state;
	test_realm_create(&r, NULL);
	assert_int_equal(RMI1(RMI_REC_AUX_COUNT, PA_UNALIGNED(r.rd)).x[0], RMI_ERROR_INPUT);
}

static void aux_count_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REC_AUX_COUNT, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
}

static void aux_count_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REC_AUX_COUNT, alloc_delegated()).x[0], RMI_ERROR_INPUT);
}

static void aux_count_success(void **state)
{
	struct test_realm r;
	struct rmi_result res;

	(void)state;
	test_realm_create(&r, NULL);
	res = RMI1(RMI_REC_AUX_COUNT, r.rd);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], REC_NUM_AUX_GRANULES);
	assert_false(granule_is_locked(granule_from_pa(r.rd)));
}

#define T(f) cmocka_unit_test_setup(f, test_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_params_align),
		T(create_params_bound),
		T(create_params_pas),
		T(create_params_valid),
		T(create_params_supp),
		T(create_alias),
		T(create_rd_align),
		T(create_rd_bound),
		T(create_rd_state),
		T(create_rtt_align),
		T(create_rtt_num_level),
		T(create_rtt_state),
		T(create_vmid_valid),
		T(create_success_states),
		T(create_success_root_rtt_entries),
		T(create_success_rpv_kept),
		T(create_success_rd_below_rtts_and_above),
		T(activate_rd_align),
		T(activate_rd_bound),
		T(activate_rd_state),
		T(activate_realm_state),
		T(activate_success),
		T(destroy_rd_align),
		T(destroy_rd_bound),
		T(destroy_rd_state),
		T(destroy_realm_live),
		T(destroy_success),
		T(aux_count_rd_align),
		T(aux_count_rd_bound),
		T(aux_count_rd_state),
		T(aux_count_success),
	};

	return cmocka_run_group_tests_name("realm", tests, NULL, NULL);
}
