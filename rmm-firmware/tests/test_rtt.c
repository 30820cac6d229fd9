/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_RTT_CREATE / _DESTROY / _FOLD / _READ_ENTRY (DEN0137 B4.3.15-17, 20):
 * one test per failure condition in spec order, then success paths.
 * Default realm: s2sz 40, starting level 1 (2 RTTs); IPA < 2^39 protected.
 */
#include "helpers.h"

#define GB		(1ULL << 30)
#define MB2		(1ULL << 21)
#define UNPROT		(1ULL << 39)

static struct test_realm r;

static int rtt_setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	return 0;
}

static uint64_t rtt_create(uint64_t ipa, int level, uint64_t *rtt_out)
{
	uint64_t rtt = alloc_delegated();

	if (rtt_out != NULL)
		*rtt_out = rtt;
	return RMI4(RMI_RTT_CREATE, r.rd, rtt, ipa, (uint64_t)level).x[0];
}

static struct rmi_result read_entry(uint64_t ipa, int level)
{
	return RMI3(RMI_RTT_READ_ENTRY, r.rd, ipa, (uint64_t)level);
}

static void assert_no_rtt_locks(void)
{
	assert_false(granule_is_locked(granule_from_pa(r.rd)));
	assert_false(granule_is_locked(granule_from_pa(r.rtt_base)));
}

/* ---- RMI_RTT_CREATE */

static void create_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, PA_UNALIGNED(r.rd), alloc_delegated(), 0, 2).x[0],
			 RMI_ERROR_INPUT);
}

static void create_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, PA_OUTSIDE_DRAM, alloc_delegated(), 0, 2).x[0],
			 RMI_ERROR_INPUT);
}

static void create_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, alloc_delegated(), alloc_delegated(), 0, 2).x[0],
			 RMI_ERROR_INPUT);
}

static void create_level_bound(void **state)
{
	(void)state;
	assert_int_equal(rtt_create(0, 1, NULL), RMI_ERROR_INPUT);	/* starting level */
	assert_int_equal(rtt_create(0, 4, NULL), RMI_ERROR_INPUT);
	assert_int_equal(rtt_create(0, -1, NULL), RMI_ERROR_INPUT);
}

static void create_ipa_align(void **state)
{
	(void)state;
	assert_int_equal(rtt_create(MB2, 2, NULL), RMI_ERROR_INPUT);	/* needs 1 GiB */
}

static void create_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(rtt_create(1ULL << 40, 2, NULL), RMI_ERROR_INPUT);
}

static void create_rtt_align(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, r.rd, PA_UNALIGNED(alloc_delegated()), 0, 2).x[0],
			 RMI_ERROR_INPUT);
}

static void create_rtt_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, r.rd, PA_OUTSIDE_DRAM, 0, 2).x[0], RMI_ERROR_INPUT);
}

static void create_rtt_state(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_CREATE, r.rd, alloc_granule(), 0, 2).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI4(RMI_RTT_CREATE, r.rd, r.rtt_base, 0, 2).x[0], RMI_ERROR_INPUT);
}

static void create_rtt_walk(void **state)
{
	(void)state;
	/* Level 3 needs a level-2 RTT that does not exist: walk stops at 1. */
	assert_int_equal(rtt_create(0, 3, NULL), RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_no_rtt_locks();
}

static void create_rtte_state(void **state)
{
	uint64_t rtt;

	(void)state;
	assert_int_equal(rtt_create(0, 2, NULL), RMI_SUCCESS);
	assert_int_equal(rtt_create(0, 2, &rtt), RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(granule_state_at(rtt), GRANULE_STATE_DELEGATED);
	assert_no_rtt_locks();
}

static void create_success_protected(void **state)
{
	uint64_t l2, l3;
	struct rmi_result e;

	(void)state;
	assert_int_equal(rtt_create(GB, 2, &l2), RMI_SUCCESS);
	assert_int_equal(rtt_create(GB + MB2, 3, &l3), RMI_SUCCESS);
	assert_int_equal(granule_state_at(l2), GRANULE_STATE_RTT);
	assert_int_equal(granule_state_at(l3), GRANULE_STATE_RTT);
	assert_int_equal(granule_refcount_at(r.rtt_base), 1);
	assert_int_equal(granule_refcount_at(l2), 1);
	assert_int_equal(granule_refcount_at(l3), 0);
	e = read_entry(GB, 1);
	assert_int_equal(e.x[2], RMI_TABLE);
	assert_int_equal(e.x[3], l2);
	e = read_entry(GB + MB2 + 0x5000, 3);
	assert_int_equal(e.x[0], RMI_SUCCESS);
	assert_int_equal(e.x[1], 3);
	assert_int_equal(e.x[2], RMI_UNASSIGNED);
	assert_int_equal(e.x[4], RMI_EMPTY);
	assert_no_rtt_locks();
	/* The realm is now live. */
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_REALM);
}

static void create_success_unprotected(void **state)
{
	uint64_t l2;
	const uint64_t *t;

	(void)state;
	assert_int_equal(rtt_create(UNPROT, 2, &l2), RMI_SUCCESS);
	t = host_pa_to_va(l2);
	for (unsigned int i = 0; i < 512; i++)
		assert_int_equal(s2tte_decode(t[i], 2), S2TTE_UNASSIGNED_NS);
	assert_int_equal(granule_refcount_at(r.rtt_base + GRANULE_SIZE), 1);
}

/* ---- RMI_RTT_DESTROY */

static void destroy_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_DESTROY, PA_UNALIGNED(r.rd), 0, 2).x[0], RMI_ERROR_INPUT);
}

static void destroy_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_DESTROY, PA_OUTSIDE_DRAM, 0, 2).x[0], RMI_ERROR_INPUT);
}

static void destroy_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rtt_base, 0, 2).x[0], RMI_ERROR_INPUT);
}

static void destroy_level_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 1).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 4).x[0], RMI_ERROR_INPUT);
}

static void destroy_ipa_align(void **state)
{
	struct rmi_result res = RMI3(RMI_RTT_DESTROY, r.rd, 0x1000, 3);

	(void)state;
	assert_int_equal(res.x[0], RMI_ERROR_INPUT);
	assert_int_equal(res.x[2], 0);
}

static void destroy_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 1ULL << 40, 2).x[0], RMI_ERROR_INPUT);
}

static void destroy_rtt_walk(void **state)
{
	struct rmi_result res;

	(void)state;
	assert_int_equal(rtt_create(2 * GB, 2, NULL), RMI_SUCCESS);
	/* No level-2 RTT at 0: walk stops at level 1, non-live up to 2 GiB. */
	res = RMI3(RMI_RTT_DESTROY, r.rd, 0, 3);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(res.x[2], 2 * GB);
	assert_no_rtt_locks();
}

static void destroy_rtte_state(void **state)
{
	struct rmi_result res;

	(void)state;
	/* Level-1 entry at 0 is UNASSIGNED, not TABLE. */
	res = RMI3(RMI_RTT_DESTROY, r.rd, 0, 2);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(res.x[2], 512 * GB);	/* whole first starting RTT non-live */
}

static void destroy_rtt_live(void **state)
{
	struct rmi_result res;

	(void)state;
	assert_int_equal(rtt_create(0, 2, NULL), RMI_SUCCESS);
	assert_int_equal(rtt_create(0, 3, NULL), RMI_SUCCESS);
	res = RMI3(RMI_RTT_DESTROY, r.rd, 0, 2);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 2));
	assert_int_equal(res.x[2], 0);
	assert_no_rtt_locks();
}

static void destroy_success(void **state)
{
	struct rmi_result res;
	uint64_t l2, l3;

	(void)state;
	assert_int_equal(rtt_create(GB, 2, &l2), RMI_SUCCESS);
	assert_int_equal(rtt_create(GB, 3, &l3), RMI_SUCCESS);
	res = RMI3(RMI_RTT_DESTROY, r.rd, GB, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], l3);
	assert_int_equal(res.x[2], 2 * GB);	/* rest of the level-2 RTT is non-live */
	assert_int_equal(granule_state_at(l3), GRANULE_STATE_DELEGATED);
	res = read_entry(GB, 2);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_DESTROYED);
	res = RMI3(RMI_RTT_DESTROY, r.rd, GB, 2);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], l2);
	assert_int_equal(granule_refcount_at(r.rtt_base), 0);
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, l3).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_SUCCESS);
}

static void destroy_unprotected_becomes_unassigned_ns(void **state)
{
	(void)state;
	assert_int_equal(rtt_create(UNPROT, 2, NULL), RMI_SUCCESS);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, UNPROT, 2).x[0], RMI_SUCCESS);
	assert_int_equal(s2tte_decode(((uint64_t *)host_pa_to_va(r.rtt_base + GRANULE_SIZE))[0], 1),
			 S2TTE_UNASSIGNED_NS);
}

/* ---- RMI_RTT_FOLD */

static void fold_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, PA_UNALIGNED(r.rd), 0, 2).x[0], RMI_ERROR_INPUT);
}

static void fold_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, PA_OUTSIDE_DRAM, 0, 2).x[0], RMI_ERROR_INPUT);
}

static void fold_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, alloc_delegated(), 0, 2).x[0], RMI_ERROR_INPUT);
}

static void fold_level_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0, 1).x[0], RMI_ERROR_INPUT);
}

static void fold_ipa_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0x1000, 3).x[0], RMI_ERROR_INPUT);
}

static void fold_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 1ULL << 40, 2).x[0], RMI_ERROR_INPUT);
}

static void fold_rtt_walk(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0, 3).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
}

static void fold_rtte_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0, 2).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
}

static void fold_rtt_homo(void **state)
{
	uint64_t l3;

	(void)state;
	assert_int_equal(rtt_create(0, 2, NULL), RMI_SUCCESS);
	assert_int_equal(rtt_create(0, 3, &l3), RMI_SUCCESS);
	((uint64_t *)host_pa_to_va(l3))[7] = s2tte_create_unassigned(RMI_RAM);
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0, 3).x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(granule_state_at(l3), GRANULE_STATE_RTT);
	assert_no_rtt_locks();
}

static void fold_success_unassigned(void **state)
{
	struct rmi_result res;
	uint64_t l2, l3;

	(void)state;
	assert_int_equal(rtt_create(0, 2, &l2), RMI_SUCCESS);
	assert_int_equal(rtt_create(0, 3, &l3), RMI_SUCCESS);
	res = RMI3(RMI_RTT_FOLD, r.rd, 0, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], l3);
	assert_int_equal(granule_state_at(l3), GRANULE_STATE_DELEGATED);
	assert_int_equal(granule_refcount_at(l2), 0);
	res = read_entry(0, 3);
	assert_int_equal(res.x[1], 2);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_EMPTY);
}

/* 512 contiguous assigned pages fold into a block and unfold back. */
static void fold_and_unfold_assigned_block(void **state)
{
	const uint64_t data_pa = HOST_DRAM_BASE + 2 * MB2;	/* 2 MiB aligned */
	struct rmi_result res;
	uint64_t l2, l3, *t;

	(void)state;
	assert_int_equal(rtt_create(0, 2, &l2), RMI_SUCCESS);
	assert_int_equal(rtt_create(0, 3, &l3), RMI_SUCCESS);
	t = host_pa_to_va(l3);
	for (unsigned int i = 0; i < 512; i++)
		t[i] = s2tte_create_assigned(data_pa + i * GRANULE_SIZE, RMI_RAM, 3);
	granule_refcount_inc(granule_from_pa(l3), 512);
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, 0, 3).x[0], RMI_SUCCESS);
	res = read_entry(0, 2);
	assert_int_equal(res.x[2], RMI_ASSIGNED);
	assert_int_equal(res.x[3], data_pa);
	assert_int_equal(res.x[4], RMI_RAM);
	assert_int_equal(granule_refcount_at(l2), 1);

	assert_int_equal(rtt_create(0, 3, &l3), RMI_SUCCESS);
	assert_int_equal(granule_refcount_at(l3), 512);
	assert_int_equal(granule_refcount_at(l2), 1);
	res = read_entry(5 * GRANULE_SIZE, 3);
	assert_int_equal(res.x[1], 3);
	assert_int_equal(res.x[2], RMI_ASSIGNED);
	assert_int_equal(res.x[3], data_pa + 5 * GRANULE_SIZE);
	/* Live entries keep the RTT from being destroyed. */
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 3).x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
}

/* ---- RMI_RTT_READ_ENTRY */

static void read_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_READ_ENTRY, PA_UNALIGNED(r.rd), 0, 1).x[0], RMI_ERROR_INPUT);
}

static void read_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_READ_ENTRY, PA_OUTSIDE_DRAM, 0, 1).x[0], RMI_ERROR_INPUT);
}

static void read_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_READ_ENTRY, r.rtt_base, 0, 1).x[0], RMI_ERROR_INPUT);
}

static void read_level_bound(void **state)
{
	(void)state;
	assert_int_equal(read_entry(0, 0).x[0], RMI_ERROR_INPUT);	/* < start level */
	assert_int_equal(read_entry(0, 4).x[0], RMI_ERROR_INPUT);
}

static void read_ipa_align(void **state)
{
	(void)state;
	assert_int_equal(read_entry(0x1000, 2).x[0], RMI_ERROR_INPUT);
}

static void read_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(read_entry(1ULL << 40, 1).x[0], RMI_ERROR_INPUT);
}

static void read_success_walk_level_and_states(void **state)
{
	struct rmi_result res;

	(void)state;
	res = read_entry(0x3000, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 1);		/* walk stopped at the root */
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[3], 0);
	assert_int_equal(res.x[4], RMI_EMPTY);
	res = read_entry(UNPROT, 1);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_EMPTY);
	assert_no_rtt_locks();
}

#define T(f) cmocka_unit_test_setup(f, rtt_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_rd_align), T(create_rd_bound), T(create_rd_state),
		T(create_level_bound), T(create_ipa_align), T(create_ipa_bound),
		T(create_rtt_align), T(create_rtt_bound), T(create_rtt_state),
		T(create_rtt_walk), T(create_rtte_state),
		T(create_success_protected), T(create_success_unprotected),
		T(destroy_rd_align), T(destroy_rd_bound), T(destroy_rd_state),
		T(destroy_level_bound), T(destroy_ipa_align), T(destroy_ipa_bound),
		T(destroy_rtt_walk), T(destroy_rtte_state), T(destroy_rtt_live),
		T(destroy_success), T(destroy_unprotected_becomes_unassigned_ns),
		T(fold_rd_align), T(fold_rd_bound), T(fold_rd_state),
		T(fold_level_bound), T(fold_ipa_align), T(fold_ipa_bound),
		T(fold_rtt_walk), T(fold_rtte_state), T(fold_rtt_homo),
		T(fold_success_unassigned), T(fold_and_unfold_assigned_block),
		T(read_rd_align), T(read_rd_bound), T(read_rd_state),
		T(read_level_bound), T(read_ipa_align), T(read_ipa_bound),
		T(read_success_walk_level_and_states),
	};

	return cmocka_run_group_tests_name("rtt", tests, NULL, NULL);
}
