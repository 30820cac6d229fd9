/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_RTT_INIT_RIPAS (DEN0137 B4.3.18): one test per failure condition in
 * spec order, success paths, and the `ripas` step of rim_vectors.txt through
 * the real commands.  Default realm: s2sz 40, start level 1 (2 RTTs), IPA
 * < 2^39 protected.
 */
#include <string.h>
#include "helpers.h"

#define GB		(1ULL << 30)
#define MB2		(1ULL << 21)
#define PROT_TOP	(1ULL << 39)

static struct test_realm r;

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	return 0;
}

static struct rmi_result init_ripas(uint64_t base, uint64_t top)
{
	return RMI3(RMI_RTT_INIT_RIPAS, r.rd, base, top);
}

static struct rmi_result read_entry(uint64_t ipa, int level)
{
	return RMI3(RMI_RTT_READ_ENTRY, r.rd, ipa, (uint64_t)level);
}

/* The RIM must not change on any failure. */
static uint8_t rim_before[MEASURE_SIZE];

static void save_rim(void)
{
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
}

static void assert_rim_unchanged(void)
{
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

/* ---- failure conditions, spec order */

static void init_ripas_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_INIT_RIPAS, PA_UNALIGNED(r.rd), 0, GB).x[0],
			 RMI_ERROR_INPUT);
	assert_no_locks();
}

static void init_ripas_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_INIT_RIPAS, PA_OUTSIDE_DRAM, 0, GB).x[0],
			 RMI_ERROR_INPUT);
}

static void init_ripas_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_INIT_RIPAS, r.rtt_base, 0, GB).x[0], RMI_ERROR_INPUT);
	assert_int_equal(RMI3(RMI_RTT_INIT_RIPAS, alloc_delegated(), 0, GB).x[0],
			 RMI_ERROR_INPUT);
	assert_no_locks();
}

static void init_ripas_size_valid(void **state)
{
	(void)state;
	save_rim();
	assert_int_equal(init_ripas(GB, GB).x[0], RMI_ERROR_INPUT);
	assert_int_equal(init_ripas(2 * GB, GB).x[0], RMI_ERROR_INPUT);
	assert_rim_unchanged();
}

static void init_ripas_top_bound(void **state)
{
	(void)state;
	save_rim();
	/* The last granule of the range must be protected. */
	assert_int_equal(init_ripas(0, PROT_TOP + GRANULE_SIZE).x[0], RMI_ERROR_INPUT);
	assert_int_equal(init_ripas(PROT_TOP - GB, PROT_TOP + GB).x[0], RMI_ERROR_INPUT);
	/* top - 4 KiB wraps below zero. */
	assert_int_equal(init_ripas(0, 0x800).x[0], RMI_ERROR_INPUT);
	/* Up to the last protected granule is fine. */
	assert_int_equal(init_ripas(PROT_TOP - GB, PROT_TOP).x[0], RMI_SUCCESS);
}

static void init_ripas_realm_state(void **state)
{
	(void)state;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	save_rim();
	assert_int_equal(init_ripas(0, GB).x[0], RMI_ERROR_REALM);
	assert_int_equal(read_entry(0, 1).x[4], RMI_EMPTY);
	assert_rim_unchanged();
}

static void init_ripas_base_align(void **state)
{
	(void)state;
	save_rim();
	/* The walk ends at the level-1 root entry: base must be 1 GiB aligned. */
	assert_int_equal(init_ripas(MB2, GB).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	test_rtts_to_level(&r, 0, 3);
	assert_int_equal(init_ripas(0x800, 0x2000).x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_rim_unchanged();
}

static void init_ripas_rtte_state(void **state)
{
	(void)state;
	test_rtts_to_level(&r, 0, 3);
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, r.rd, alloc_delegated(),
			      0x1000).x[0], RMI_SUCCESS);
	save_rim();
	assert_int_equal(init_ripas(0x1000, 0x2000).x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(read_entry(0x1000, 3).x[4], RMI_EMPTY);
	assert_rim_unchanged();
}

static void init_ripas_top_gran_align(void **state)
{
	(void)state;
	save_rim();
	assert_int_equal(init_ripas(0, GB + 0x800).x[0], RMI_ERROR_INPUT);
	assert_rim_unchanged();
}

static void init_ripas_no_progress(void **state)
{
	(void)state;
	save_rim();
	/* [0, 4 KiB) does not cover the whole 1 GiB entry the walk reached. */
	assert_int_equal(init_ripas(0, GRANULE_SIZE).x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(read_entry(0, 1).x[4], RMI_EMPTY);
	assert_rim_unchanged();
}

/* ---- success */

static void init_ripas_success_entries_measured(void **state)
{
	uint8_t rim[MEASURE_SIZE];
	struct rmi_result res;

	(void)state;
	memcpy(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
	res = init_ripas(GB, 4 * GB + MB2);	/* stops at the last whole entry */
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 4 * GB);
	for (uint64_t a = GB; a < 4 * GB; a += GB) {
		assert_int_equal(read_entry(a, 1).x[2], RMI_UNASSIGNED);
		assert_int_equal(read_entry(a, 1).x[4], RMI_RAM);
		measure_rim_extend_ripas(rim, RMI_HASH_SHA_256, a, a + GB);
	}
	assert_int_equal(read_entry(0, 1).x[4], RMI_EMPTY);
	assert_int_equal(read_entry(4 * GB, 1).x[4], RMI_EMPTY);
	assert_memory_equal(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

static void init_ripas_already_ram_is_measured_again(void **state)
{
	uint8_t rim[MEASURE_SIZE];

	(void)state;
	assert_int_equal(init_ripas(0, GB).x[0], RMI_SUCCESS);
	memcpy(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_int_equal(init_ripas(0, GB).x[0], RMI_SUCCESS);
	measure_rim_extend_ripas(rim, RMI_HASH_SHA_256, 0, GB);
	assert_memory_equal(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
}

static void init_ripas_stops_at_table(void **state)
{
	struct rmi_result res;

	(void)state;
	(void)test_rtt_create(&r, 2 * GB, 2);
	res = init_ripas(0, 8 * GB);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 2 * GB);
	/* From the table on, the host continues one level down. */
	res = init_ripas(2 * GB, 8 * GB);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 3 * GB);		/* end of the level-2 RTT */
	assert_int_equal(read_entry(2 * GB + 511 * MB2, 2).x[4], RMI_RAM);
	assert_int_equal(read_entry(3 * GB, 1).x[4], RMI_EMPTY);
}

static void init_ripas_stops_at_rtt_end(void **state)
{
	struct rmi_result res;

	(void)state;
	test_rtts_to_level(&r, 0, 3);
	res = init_ripas(MB2 - GRANULE_SIZE, GB);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], MB2);
	assert_int_equal(read_entry(MB2 - GRANULE_SIZE, 3).x[4], RMI_RAM);
	assert_int_equal(read_entry(0, 3).x[4], RMI_EMPTY);
}

/*
 * B4.3.18.3: every entry in [base, walk_top) gets RIPAS RAM, whatever its
 * state; only the entry at base must be UNASSIGNED.
 */
static void init_ripas_later_entries_any_state(void **state)
{
	uint64_t data = alloc_delegated();
	struct rmi_result res;

	(void)state;
	test_rtts_to_level(&r, 0, 3);
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, r.rd, data, 0x1000).x[0], RMI_SUCCESS);
	res = init_ripas(0, 0x3000);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 0x3000);
	res = read_entry(0x1000, 3);
	assert_int_equal(res.x[2], RMI_ASSIGNED);
	assert_int_equal(res.x[3], data);
	assert_int_equal(res.x[4], RMI_RAM);
	assert_int_equal(granule_refcount_at(r.rtt_base), 1);	/* unchanged */
}

static void init_ripas_destroyed_entry(void **state)
{
	(void)state;
	(void)test_rtt_create(&r, 0, 2);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 2).x[0], RMI_SUCCESS);
	assert_int_equal(read_entry(0, 1).x[4], RMI_DESTROYED);
	assert_int_equal(init_ripas(0, GB).x[0], RMI_SUCCESS);
	assert_int_equal(read_entry(0, 1).x[4], RMI_RAM);
}

static void init_ripas_reproduces_vector_sha256(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_256, "ripas");
	assert_int_equal(read_entry(0x80000000ULL, 2).x[4], RMI_RAM);
}

static void init_ripas_reproduces_vector_sha512(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_512, "ripas");
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(init_ripas_rd_align), T(init_ripas_rd_bound), T(init_ripas_rd_state),
		T(init_ripas_size_valid), T(init_ripas_top_bound),
		T(init_ripas_realm_state), T(init_ripas_base_align),
		T(init_ripas_rtte_state), T(init_ripas_top_gran_align),
		T(init_ripas_no_progress),
		T(init_ripas_success_entries_measured),
		T(init_ripas_already_ram_is_measured_again),
		T(init_ripas_stops_at_table), T(init_ripas_stops_at_rtt_end),
		T(init_ripas_later_entries_any_state), T(init_ripas_destroyed_entry),
		cmocka_unit_test_setup(init_ripas_reproduces_vector_sha256, test_setup),
		cmocka_unit_test_setup(init_ripas_reproduces_vector_sha512, test_setup),
	};

	return cmocka_run_group_tests_name("init_ripas", tests, NULL, NULL);
}
