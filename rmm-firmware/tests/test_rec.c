/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_REC_CREATE / RMI_REC_DESTROY (DEN0137 B4.3.12, B4.3.13): one test per
 * failure condition in spec order, the initial REC state (cca-interfaces.md
 * §5.2), and the complete rim_vectors.txt sequence for SHA-256 and SHA-512
 * through the real RMI commands.
 */
#include <string.h>
#include "helpers.h"

static struct test_realm r;
static struct rmi_rec_params p;
static uint64_t rec;
static uint8_t rim_before[MEASURE_SIZE];

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	rec_params_fill(&p, 0, true);
	rec = alloc_delegated();
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	return 0;
}

static uint64_t create(void)
{
	return RMI3(RMI_REC_CREATE, r.rd, rec, ns_granule_with(&p, sizeof(p))).x[0];
}

static void assert_not_created(void)
{
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_DELEGATED);
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++)
		if (granule_from_pa(p.aux[i]) != NULL && p.aux[i] != r.rd)
			assert_int_equal(granule_state_at(p.aux[i]), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_refcount_at(r.rd), 0);
	assert_int_equal(test_rd(&r)->rec_index, 0);
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

/* ---- RMI_REC_CREATE failure conditions, spec order */

static void rec_create_params_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, r.rd, rec,
			      PA_UNALIGNED(ns_granule_with(&p, sizeof(p)))).x[0], RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_params_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, r.rd, rec, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_params_pas(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, r.rd, rec, alloc_delegated()).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_rec_align(void **state)
{
	(void)state;
	rec = PA_UNALIGNED(rec);
	assert_int_equal(create(), RMI_ERROR_INPUT);
	rec -= 8;
	assert_not_created();
}

static void rec_create_rec_bound(void **state)
{
	(void)state;
	rec = PA_OUTSIDE_DRAM;
	assert_int_equal(create(), RMI_ERROR_INPUT);
}

static void rec_create_rec_state(void **state)
{
	(void)state;
	rec = alloc_granule();
	assert_int_equal(create(), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_NS);
	rec = r.rtt_base;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_RTT);
	assert_no_locks();
}

static void rec_create_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, PA_UNALIGNED(r.rd), rec,
			      ns_granule_with(&p, sizeof(p))).x[0], RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, PA_OUTSIDE_DRAM, rec,
			      ns_granule_with(&p, sizeof(p))).x[0], RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_REC_CREATE, alloc_delegated(), rec,
			      ns_granule_with(&p, sizeof(p))).x[0], RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_realm_state(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(create(), RMI_ERROR_REALM);
	assert_not_created();
}

static void rec_create_num_recs(void **state)
{
	(void)state;
	host_features()->max_recs_order = 1;		/* at most 2^1 - 1 RECs */
	assert_int_equal(create(), RMI_SUCCESS);
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	rec_params_fill(&p, 1, true);
	rec = alloc_delegated();
	assert_int_equal(create(), RMI_ERROR_REALM);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_refcount_at(r.rd), 1);
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

static void rec_create_mpidr_index(void **state)
{
	(void)state;
	p.mpidr = 1;			/* index 1, but the realm has no REC 0 yet */
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.mpidr = 1ULL << 8;		/* Aff1 = 1: index 16 */
	assert_int_equal(create(), RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_num_aux(void **state)
{
	(void)state;
	p.num_aux = REC_NUM_AUX_GRANULES - 1;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.num_aux = REC_NUM_AUX_GRANULES + 1;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.num_aux = RMI_REC_MAX_AUX + 1;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	assert_not_created();
}

static void rec_create_aux_align(void **state)
{
	(void)state;
	p.aux[REC_NUM_AUX_GRANULES - 1] += 0x10;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[REC_NUM_AUX_GRANULES - 1] -= 0x10;
	assert_not_created();
}

static void rec_create_aux_alias(void **state)
{
	uint64_t saved = p.aux[2];

	(void)state;
	p.aux[2] = p.aux[0];
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[2] = rec;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[2] = saved;
	assert_not_created();
}

static void rec_create_aux_state(void **state)
{
	uint64_t saved = p.aux[1];

	(void)state;
	p.aux[1] = alloc_granule();		/* NS */
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[1] = PA_OUTSIDE_DRAM;		/* not delegable */
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[1] = r.rd;
	assert_int_equal(create(), RMI_ERROR_INPUT);
	p.aux[1] = saved;
	assert_not_created();
}

/* ---- RMI_REC_CREATE success */

static void rec_create_success_state(void **state)
{
	struct rec *rc;

	(void)state;
	for (unsigned int i = 0; i < RMI_REC_PARAMS_GPRS; i++)
		p.gprs[i] = 0x100 + i;
	assert_int_equal(RMI1(RMI_REC_AUX_COUNT, r.rd).x[1], REC_NUM_AUX_GRANULES);
	assert_int_equal(create(), RMI_SUCCESS);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_REC);
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++)
		assert_int_equal(granule_state_at(p.aux[i]), GRANULE_STATE_REC_AUX);
	assert_int_equal(granule_refcount_at(r.rd), 1);
	assert_int_equal(granule_refcount_at(rec), 0);		/* not running */
	assert_int_equal(test_rd(&r)->rec_index, 1);

	rc = test_rec(rec);
	assert_int_equal(rc->owner, r.rd);
	assert_int_equal(rc->rec_idx, 0);
	assert_true(rc->runnable);
	assert_false(rc->psci_pending);
	assert_int_equal(rc->pc, p.pc);
	for (unsigned int i = 0; i < REC_NUM_GPRS; i++)
		assert_int_equal(rc->gprs[i], i < RMI_REC_PARAMS_GPRS ? 0x100 + i : 0);
	assert_int_equal(rc->pstate, REC_PSTATE_INIT);
	assert_int_equal(rc->sctlr_el1, REC_SCTLR_EL1_INIT);
	assert_int_equal(rc->vmpidr_el2, VMPIDR_RES1);
	assert_int_equal(rc->ripas.addr, 0);
	assert_int_equal(rc->ripas.top, 0);
	assert_memory_equal(rc->aux, p.aux, REC_NUM_AUX_GRANULES * sizeof(uint64_t));
	assert_no_locks();
}

static void rec_create_not_runnable_not_measured(void **state)
{
	(void)state;
	rec_params_fill(&p, 0, false);
	assert_int_equal(create(), RMI_SUCCESS);
	assert_false(test_rec(rec)->runnable);
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
}

static void rec_create_runnable_measured(void **state)
{
	uint8_t rim[MEASURE_SIZE];

	(void)state;
	memcpy(rim, rim_before, MEASURE_SIZE);
	p.mpidr = 0;
	p.gprs[5] = 55;
	assert_int_equal(create(), RMI_SUCCESS);
	measure_rim_extend_rec(rim, RMI_HASH_SHA_256, &p);
	assert_memory_equal(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
}

/* RECs come in MPIDR index order; Aff1 counts in steps of 16 (B3.38). */
static void rec_create_mpidr_index_order(void **state)
{
	uint64_t last = 0;

	(void)state;
	for (unsigned int i = 0; i < 17; i++) {
		uint64_t mpidr = (i % 16) | (uint64_t)(i / 16) << 8;

		last = test_rec_create(&r, mpidr, i == 0);
	}
	assert_int_equal(test_rd(&r)->rec_index, 17);
	assert_int_equal(granule_refcount_at(r.rd), 17);
	assert_int_equal(test_rec(last)->rec_idx, 16);
	assert_int_equal(test_rec(last)->mpidr, 1ULL << 8);
	assert_int_equal(test_rec(last)->vmpidr_el2, (1ULL << 8) | VMPIDR_RES1);
}

static void rec_create_vmpidr_aff3(void **state)
{
	(void)state;
	test_rd(&r)->rec_index = 16ULL * 256 * 256;	/* pretend: Aff3 = 1 is next */
	p.mpidr = 1ULL << 24;
	assert_int_equal(create(), RMI_SUCCESS);
	assert_int_equal(test_rec(rec)->vmpidr_el2, (1ULL << 32) | VMPIDR_RES1);
}

static void rec_create_reproduces_vectors_sha256(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_256, "rec");
}

static void rec_create_reproduces_vectors_sha512(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_512, "rec");
}

/* ---- RMI_REC_DESTROY failure conditions, spec order */

static void rec_destroy_rec_align(void **state)
{
	(void)state;
	assert_int_equal(create(), RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REC_DESTROY, PA_UNALIGNED(rec)).x[0], RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_REC);
}

static void rec_destroy_rec_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REC_DESTROY, PA_OUTSIDE_DRAM).x[0], RMI_ERROR_INPUT);
}

static void rec_destroy_rec_gran_state(void **state)
{
	(void)state;
	assert_int_equal(create(), RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REC_DESTROY, r.rd).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_REC_DESTROY, p.aux[0]).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_REC_DESTROY, alloc_delegated()).x[0], RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(p.aux[0]), GRANULE_STATE_REC_AUX);
	assert_no_locks();
}

static void rec_destroy_rec_state(void **state)
{
	(void)state;
	assert_int_equal(create(), RMI_SUCCESS);
	granule_refcount_inc(granule_from_pa(rec), 1);	/* REC_RUNNING */
	assert_int_equal(RMI1(RMI_REC_DESTROY, rec).x[0], RMI_ERROR_REC);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_REC);
	assert_int_equal(granule_refcount_at(r.rd), 1);
	assert_no_locks();
	granule_refcount_dec(granule_from_pa(rec), 1);
	assert_int_equal(RMI1(RMI_REC_DESTROY, rec).x[0], RMI_SUCCESS);
}

/* ---- RMI_REC_DESTROY success */

static void rec_destroy_success(void **state)
{
	const uint8_t *page;

	(void)state;
	assert_int_equal(create(), RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_REALM);
	assert_int_equal(RMI1(RMI_REC_DESTROY, rec).x[0], RMI_SUCCESS);
	assert_int_equal(granule_state_at(rec), GRANULE_STATE_DELEGATED);
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++)
		assert_int_equal(granule_state_at(p.aux[i]), GRANULE_STATE_DELEGATED);
	page = host_pa_to_va(rec);
	for (unsigned int i = 0; i < GRANULE_SIZE; i++)
		assert_int_equal(page[i], 0);
	assert_int_equal(granule_refcount_at(r.rd), 0);
	assert_no_locks();
	/* Destroying does not free the index: the next REC is still index 1. */
	assert_int_equal(test_rd(&r)->rec_index, 1);
	assert_int_equal(RMI1(RMI_REC_DESTROY, rec).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, p.aux[3]).x[0], RMI_SUCCESS);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(rec_create_params_align), T(rec_create_params_bound),
		T(rec_create_params_pas), T(rec_create_rec_align),
		T(rec_create_rec_bound), T(rec_create_rec_state),
		T(rec_create_rd_align), T(rec_create_rd_bound), T(rec_create_rd_state),
		T(rec_create_realm_state), T(rec_create_num_recs),
		T(rec_create_mpidr_index), T(rec_create_num_aux),
		T(rec_create_aux_align), T(rec_create_aux_alias), T(rec_create_aux_state),
		T(rec_create_success_state), T(rec_create_not_runnable_not_measured),
		T(rec_create_runnable_measured), T(rec_create_mpidr_index_order),
		T(rec_create_vmpidr_aff3),
		cmocka_unit_test_setup(rec_create_reproduces_vectors_sha256, test_setup),
		cmocka_unit_test_setup(rec_create_reproduces_vectors_sha512, test_setup),
		T(rec_destroy_rec_align), T(rec_destroy_rec_bound),
		T(rec_destroy_rec_gran_state), T(rec_destroy_rec_state),
		T(rec_destroy_success),
	};

	return cmocka_run_group_tests_name("rec", tests, NULL, NULL);
}
