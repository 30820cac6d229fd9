/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_RTT_SET_RIPAS (DEN0137 B4.3.21): one test per failure condition in
 * spec order, success paths and RIPAS transitions.  The realm's request
 * (RSI_IPA_STATE_SET, recorded by the realm-exit runtime) is set through
 * rec_ripas_request(), as the runtime will.  Default realm (s2sz 40, start
 * level 1) with RTTs down to level 3 at IPA 0 and one REC.
 */
#include <string.h>
#include <abi/rsi.h>
#include "helpers.h"

#define GB		(1ULL << 30)
#define MB2		(1ULL << 21)

static struct test_realm r;
static uint64_t rec, l3;
static uint8_t rim_before[MEASURE_SIZE];

/* What the realm-exit path does on RSI_IPA_STATE_SET. */
static void request(uint64_t rec_pa, uint64_t base, uint64_t top, unsigned int ripas,
		    uint64_t flags)
{
	struct granule *g = granule_from_pa(rec_pa);

	granule_lock(g);
	rec_ripas_request(test_rec(rec_pa), base, top, ripas, flags);
	granule_unlock(g);
}

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	test_rtts_to_level(&r, 0, 3);
	l3 = s2tte_pa(RMI3(RMI_RTT_READ_ENTRY, r.rd, 0, 2).x[3]);
	rec = test_rec_create(&r, 0, true);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	request(rec, 0, 0x10000, RMI_RAM, 0);
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	return 0;
}

static struct rmi_result set_ripas(uint64_t base, uint64_t top)
{
	return RMI4(RMI_RTT_SET_RIPAS, r.rd, rec, base, top);
}

static unsigned int ripas_at(uint64_t ipa, int level)
{
	return (unsigned int)RMI3(RMI_RTT_READ_ENTRY, r.rd, ipa, (uint64_t)level).x[4];
}

/* After a failure: no entry changed, no progress recorded, nothing locked. */
static void assert_unchanged(uint64_t progress)
{
	assert_int_equal(ripas_at(0, 3), RMI_EMPTY);
	assert_int_equal(test_rec(rec)->ripas.addr, progress);
	assert_no_locks();
}

/* ---- failure conditions, spec order */

static void set_ripas_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, PA_UNALIGNED(r.rd), rec, 0, 0x1000).x[0],
			 RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, PA_OUTSIDE_DRAM, rec, 0, 0x1000).x[0],
			 RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, rec, rec, 0, 0x1000).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, l3, rec, 0, 0x1000).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rec_align(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, r.rd, PA_UNALIGNED(rec), 0, 0x1000).x[0],
			 RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rec_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, r.rd, PA_OUTSIDE_DRAM, 0, 0x1000).x[0],
			 RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rec_gran_state(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, r.rd, r.rd, 0, 0x1000).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, r.rd, test_rec(rec)->aux[0], 0,
			      0x1000).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_rec_state(void **state)
{
	(void)state;
	granule_refcount_inc(granule_from_pa(rec), 1);		/* REC_RUNNING */
	assert_int_equal(set_ripas(0, 0x1000).x[0], RMI_ERROR_REC);
	granule_refcount_dec(granule_from_pa(rec), 1);
	assert_unchanged(0);
}

static void set_ripas_rec_owner(void **state)
{
	struct rmi_realm_params p2;
	struct test_realm r2;

	(void)state;
	realm_params_fill_default(&p2, alloc_granules(2, 2));
	p2.vmid = 2;
	test_realm_create(&r2, &p2);
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, r2.rd, rec, 0, 0x1000).x[0], RMI_ERROR_REC);
	assert_unchanged(0);
}

static void set_ripas_size_valid(void **state)
{
	(void)state;
	assert_int_equal(set_ripas(0, 0).x[0], RMI_ERROR_INPUT);
	request(rec, 0x2000, 0x10000, RMI_RAM, 0);
	assert_int_equal(set_ripas(0x2000, 0x1000).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0x2000);
}

static void set_ripas_base_bound(void **state)
{
	(void)state;
	assert_int_equal(set_ripas(0x1000, 0x2000).x[0], RMI_ERROR_INPUT);
	/* No request at all: ripas_addr == ripas_top == 0. */
	request(rec, 0, 0, RMI_RAM, 0);
	assert_int_equal(set_ripas(0, 0x1000).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_top_bound(void **state)
{
	(void)state;
	assert_int_equal(set_ripas(0, 0x11000).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_base_align(void **state)
{
	(void)state;
	/* The walk reaches the 1 GiB level-1 entry: 4 KiB base not aligned. */
	request(rec, GB + 0x1000, GB + MB2, RMI_RAM, 0);
	assert_int_equal(set_ripas(GB + 0x1000, GB + MB2).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(ripas_at(GB, 1), RMI_EMPTY);
	assert_int_equal(test_rec(rec)->ripas.addr, GB + 0x1000);
	assert_no_locks();
}

static void set_ripas_top_gran_align(void **state)
{
	(void)state;
	assert_int_equal(set_ripas(0, 0x8800).x[0], RMI_ERROR_INPUT);
	assert_unchanged(0);
}

static void set_ripas_no_progress(void **state)
{
	(void)state;
	/* [1 GiB, 1 GiB + 4 KiB) does not cover the 1 GiB entry. */
	request(rec, GB, GB + 0x1000, RMI_RAM, 0);
	assert_int_equal(set_ripas(GB, GB + 0x1000).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(test_rec(rec)->ripas.addr, GB);
	assert_int_equal(ripas_at(GB, 1), RMI_EMPTY);
	assert_no_locks();
}

static void set_ripas_no_progress_destroyed(void **state)
{
	(void)state;
	/* A protected RTT destroyed in the tree leaves its parent DESTROYED. */
	(void)test_rtt_create(&r, GB, 2);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, GB, 2).x[0], RMI_SUCCESS);
	request(rec, GB, 2 * GB, RMI_RAM, 0);
	assert_int_equal(set_ripas(GB, 2 * GB).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(ripas_at(GB, 1), RMI_DESTROYED);
	/* With RSI_CHANGE_DESTROYED the host may change it. */
	request(rec, GB, 2 * GB, RMI_RAM, RSI_CHANGE_DESTROYED);
	assert_int_equal(set_ripas(GB, 2 * GB).x[0], RMI_SUCCESS);
	assert_int_equal(ripas_at(GB, 1), RMI_RAM);
	assert_no_locks();
}

/* ---- success */

static void set_ripas_success(void **state)
{
	struct rmi_result res;

	(void)state;
	res = set_ripas(0, 0x4000);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 0x4000);
	assert_int_equal(test_rec(rec)->ripas.addr, 0x4000);
	for (uint64_t a = 0; a < 0x4000; a += GRANULE_SIZE)
		assert_int_equal(ripas_at(a, 3), RMI_RAM);
	assert_int_equal(ripas_at(0x4000, 3), RMI_EMPTY);
	/* The host continues from the progress address. */
	res = set_ripas(0x4000, 0x10000);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 0x10000);
	assert_int_equal(ripas_at(0xF000, 3), RMI_RAM);
	assert_int_equal(test_rec(rec)->ripas.addr, test_rec(rec)->ripas.top);
	/* SET_RIPAS is not measured. */
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

static void set_ripas_stops_at_rtt_end(void **state)
{
	struct rmi_result res;

	(void)state;
	request(rec, MB2 - 0x2000, 4 * MB2, RMI_RAM, 0);
	res = set_ripas(MB2 - 0x2000, 4 * MB2);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], MB2);
	/* Next: the walk ends at level 2 (2 MiB entries). */
	res = set_ripas(MB2, 4 * MB2);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 4 * MB2);
	assert_int_equal(ripas_at(3 * MB2, 2), RMI_RAM);
	assert_int_equal(ripas_at(4 * MB2, 2), RMI_EMPTY);
}

static void set_ripas_stops_at_destroyed(void **state)
{
	struct rmi_result res;

	(void)state;
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, r.rd, alloc_delegated(), 0x3000).x[0],
			 RMI_SUCCESS);
	request(rec, 0x3000, 0x4000, RMI_RAM, 0);
	assert_int_equal(set_ripas(0x3000, 0x4000).x[0], RMI_SUCCESS);	/* assigned RAM */
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0x3000).x[0], RMI_SUCCESS);
	assert_int_equal(ripas_at(0x3000, 3), RMI_DESTROYED);

	request(rec, 0, 0x8000, RMI_RAM, 0);
	res = set_ripas(0, 0x8000);
	assert_int_equal(res.x[1], 0x3000);
	assert_int_equal(ripas_at(0x3000, 3), RMI_DESTROYED);
	request(rec, 0, 0x8000, RMI_RAM, RSI_CHANGE_DESTROYED);
	res = set_ripas(0, 0x8000);
	assert_int_equal(res.x[1], 0x8000);
	assert_int_equal(ripas_at(0x3000, 3), RMI_RAM);
}

static void set_ripas_assigned_entries(void **state)
{
	uint64_t data = alloc_delegated();
	struct rmi_result e;

	(void)state;
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, r.rd, data, 0x1000).x[0], RMI_SUCCESS);
	assert_int_equal(set_ripas(0, 0x2000).x[0], RMI_SUCCESS);
	e = RMI3(RMI_RTT_READ_ENTRY, r.rd, 0x1000, 3);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], data);
	assert_int_equal(e.x[4], RMI_RAM);
	/* RAM -> EMPTY on an assigned entry keeps the mapping's granule. */
	request(rec, 0, 0x2000, RMI_EMPTY, 0);
	assert_int_equal(set_ripas(0, 0x2000).x[0], RMI_SUCCESS);
	e = RMI3(RMI_RTT_READ_ENTRY, r.rd, 0x1000, 3);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], data);
	assert_int_equal(e.x[4], RMI_EMPTY);
	assert_int_equal(ripas_at(0, 3), RMI_EMPTY);
	assert_int_equal(granule_refcount_at(l3), 1);
}

/* The entry at base already has the value: no RTT error, progress to its end. */
static void set_ripas_same_ripas_unaligned(void **state)
{
	struct rmi_result res;

	(void)state;
	request(rec, GB + 0x1000, GB + 0x5000, RMI_EMPTY, 0);
	res = set_ripas(GB + 0x1000, GB + 0x5000);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], GB + 0x5000);
	assert_int_equal(ripas_at(GB, 1), RMI_EMPTY);
	request(rec, GB + 0x1000, 3 * GB, RMI_EMPTY, 0);
	res = set_ripas(GB + 0x1000, 3 * GB);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 3 * GB);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(set_ripas_rd_align), T(set_ripas_rd_bound), T(set_ripas_rd_state),
		T(set_ripas_rec_align), T(set_ripas_rec_bound), T(set_ripas_rec_gran_state),
		T(set_ripas_rec_state), T(set_ripas_rec_owner), T(set_ripas_size_valid),
		T(set_ripas_base_bound), T(set_ripas_top_bound), T(set_ripas_base_align),
		T(set_ripas_top_gran_align), T(set_ripas_no_progress),
		T(set_ripas_no_progress_destroyed),
		T(set_ripas_success), T(set_ripas_stops_at_rtt_end),
		T(set_ripas_stops_at_destroyed), T(set_ripas_assigned_entries),
		T(set_ripas_same_ripas_unaligned),
	};

	return cmocka_run_group_tests_name("set_ripas", tests, NULL, NULL);
}
