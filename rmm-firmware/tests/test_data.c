/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_DATA_CREATE / _CREATE_UNKNOWN / _DESTROY (DEN0137 B4.3.1-B4.3.3): one
 * test per failure condition in spec order, success paths and RTT entry
 * transitions, and the `data` / `data-nomeasure` steps of rim_vectors.txt.
 * Default realm (s2sz 40, start level 1) with RTTs down to level 3 at IPA 0.
 */
#include <string.h>
#include "helpers.h"

#define GB		(1ULL << 30)
#define MB2		(1ULL << 21)
#define PROT_TOP	(1ULL << 39)

static struct test_realm r;
static uint64_t l3, src;
static uint8_t pattern[GRANULE_SIZE];
static uint8_t rim_before[MEASURE_SIZE];

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	test_rtts_to_level(&r, 0, 3);
	l3 = s2tte_pa(RMI3(RMI_RTT_READ_ENTRY, r.rd, 0, 2).x[3]);
	for (unsigned int i = 0; i < GRANULE_SIZE; i++)
		pattern[i] = (uint8_t)(i * 7 + 3);
	src = ns_granule_with(pattern, sizeof(pattern));
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	return 0;
}

static uint64_t create(uint64_t data, uint64_t ipa, uint64_t flags)
{
	return RMI5(RMI_DATA_CREATE, r.rd, data, ipa, src, flags).x[0];
}

static uint64_t create_unknown(uint64_t data, uint64_t ipa)
{
	return RMI3(RMI_DATA_CREATE_UNKNOWN, r.rd, data, ipa).x[0];
}

static struct rmi_result read_entry(uint64_t ipa, int level)
{
	return RMI3(RMI_RTT_READ_ENTRY, r.rd, ipa, (uint64_t)level);
}

static bool granule_is_zero(uint64_t pa)
{
	const uint8_t *p = host_pa_to_va(pa);

	for (unsigned int i = 0; i < GRANULE_SIZE; i++)
		if (p[i] != 0)
			return false;
	return true;
}

/* After a failed create: target still DELEGATED and zero, nothing changed. */
static void assert_not_created(uint64_t data)
{
	if (granule_from_pa(data) != NULL) {
		assert_int_equal(granule_state_at(data), GRANULE_STATE_DELEGATED);
		assert_true(granule_is_zero(data));
	}
	assert_int_equal(granule_refcount_at(l3), 0);
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

/* ---- RMI_DATA_CREATE failure conditions, spec order */

static void data_create_src_align(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI5(RMI_DATA_CREATE, r.rd, data, 0, PA_UNALIGNED(src),
			      RMI_MEASURE_CONTENT).x[0], RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_src_bound(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI5(RMI_DATA_CREATE, r.rd, data, 0, PA_OUTSIDE_DRAM,
			      RMI_MEASURE_CONTENT).x[0], RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_src_pas(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	/* A delegated source is in the Realm PAS. */
	assert_int_equal(RMI5(RMI_DATA_CREATE, r.rd, data, 0, alloc_delegated(),
			      RMI_MEASURE_CONTENT).x[0], RMI_ERROR_INPUT);
	assert_not_created(data);
	assert_int_equal(RMI5(RMI_DATA_CREATE, r.rd, data, 0, data,
			      RMI_MEASURE_CONTENT).x[0], RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_data_align(void **state)
{
	(void)state;
	assert_int_equal(create(PA_UNALIGNED(alloc_delegated()), 0, 1), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_data_bound(void **state)
{
	(void)state;
	assert_int_equal(create(PA_OUTSIDE_DRAM, 0, 1), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_data_state(void **state)
{
	uint64_t ns = alloc_granule();

	(void)state;
	assert_int_equal(create(ns, 0, 1), RMI_ERROR_INPUT);
	assert_int_equal(granule_state_at(ns), GRANULE_STATE_NS);
	assert_int_equal(create(l3, 0, 1), RMI_ERROR_INPUT);
	assert_int_equal(create(r.rd, 0, 1), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

/* data_bound2: PAs >= 2^48 are never tracked DRAM, so data_bound catches them. */
static void data_create_data_bound2(void **state)
{
	(void)state;
	assert_int_equal(create(1ULL << 48, 0, 1), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_rd_align(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI5(RMI_DATA_CREATE, PA_UNALIGNED(r.rd), data, 0, src, 1).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_rd_bound(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI5(RMI_DATA_CREATE, PA_OUTSIDE_DRAM, data, 0, src, 1).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_rd_state(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI5(RMI_DATA_CREATE, alloc_delegated(), data, 0, src, 1).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_ipa_align(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, 0x800, 1), RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_ipa_bound(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, PROT_TOP, 1), RMI_ERROR_INPUT);
	assert_int_equal(create(data, 1ULL << 40, 1), RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_realm_state(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);
	assert_int_equal(create(data, 0, 1), RMI_ERROR_REALM);
	assert_not_created(data);
}

static void data_create_rtt_walk(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, GB, 1), RMI_RETURN(RMI_ERROR_RTT, 1));
	(void)test_rtt_create(&r, GB, 2);
	assert_int_equal(create(data, GB, 1), RMI_RETURN(RMI_ERROR_RTT, 2));
	assert_not_created(data);
}

static void data_create_rtte_state(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(alloc_delegated(), 0, 1), RMI_SUCCESS);
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_int_equal(create(data, 0, 1), RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(granule_state_at(data), GRANULE_STATE_DELEGATED);
	assert_true(granule_is_zero(data));
	assert_int_equal(granule_refcount_at(l3), 1);
	assert_no_locks();
}

/* RmiDataFlags has one bit: any other value is an input error. */
static void data_create_flags_valid(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, 0, 2), RMI_ERROR_INPUT);
	assert_int_equal(create(data, 0, 3), RMI_ERROR_INPUT);
	assert_int_equal(create(data, 0, 1ULL << 63), RMI_ERROR_INPUT);
	assert_not_created(data);
}

/* ---- RMI_DATA_CREATE success */

static void data_create_success_measured(void **state)
{
	uint64_t data = alloc_delegated();
	uint8_t rim[MEASURE_SIZE];
	struct rmi_result e;

	(void)state;
	memcpy(rim, rim_before, MEASURE_SIZE);
	assert_int_equal(create(data, 0x5000, RMI_MEASURE_CONTENT), RMI_SUCCESS);
	assert_int_equal(granule_state_at(data), GRANULE_STATE_DATA);
	assert_memory_equal(host_pa_to_va(data), pattern, GRANULE_SIZE);
	assert_int_equal(granule_refcount_at(l3), 1);
	e = read_entry(0x5000, 3);
	assert_int_equal(e.x[1], 3);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], data);
	assert_int_equal(e.x[4], RMI_RAM);		/* was EMPTY */
	measure_rim_extend_data(rim, RMI_HASH_SHA_256, 0x5000, 1, pattern);
	assert_memory_equal(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

static void data_create_success_unmeasured(void **state)
{
	uint8_t rim[MEASURE_SIZE];

	(void)state;
	memcpy(rim, rim_before, MEASURE_SIZE);
	assert_int_equal(create(alloc_delegated(), 0x7000, RMI_NO_MEASURE_CONTENT),
			 RMI_SUCCESS);
	measure_rim_extend_data(rim, RMI_HASH_SHA_256, 0x7000, 0, NULL);
	assert_memory_equal(rim, test_rd(&r)->measurements[0], MEASURE_SIZE);
}

/* The content is the one copy taken at the call; the source may change later. */
static void data_create_source_read_once(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, 0, 1), RMI_SUCCESS);
	memset(host_pa_to_va(src), 0xEE, GRANULE_SIZE);
	assert_memory_equal(host_pa_to_va(data), pattern, GRANULE_SIZE);
}

static void data_create_on_destroyed_entry(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create(data, 0, 1), RMI_SUCCESS);
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0).x[0], RMI_SUCCESS);
	assert_int_equal(read_entry(0, 3).x[4], RMI_DESTROYED);
	assert_int_equal(create(data, 0, 1), RMI_SUCCESS);
	assert_int_equal(read_entry(0, 3).x[4], RMI_RAM);
}

static void data_create_reproduces_vectors_sha256(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_256, "data-nomeasure");
}

static void data_create_reproduces_vectors_sha512(void **state)
{
	(void)state;
	test_vector_chain(&r, RMI_HASH_SHA_512, "data-nomeasure");
}

/* ---- RMI_DATA_CREATE_UNKNOWN failure conditions, spec order */

static void data_create_unknown_data_align(void **state)
{
	(void)state;
	assert_int_equal(create_unknown(PA_UNALIGNED(alloc_delegated()), 0), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_unknown_data_bound(void **state)
{
	(void)state;
	assert_int_equal(create_unknown(PA_OUTSIDE_DRAM, 0), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_unknown_data_state(void **state)
{
	(void)state;
	assert_int_equal(create_unknown(alloc_granule(), 0), RMI_ERROR_INPUT);
	assert_int_equal(create_unknown(l3, 0), RMI_ERROR_INPUT);
	assert_not_created(PA_OUTSIDE_DRAM);
}

static void data_create_unknown_data_bound2(void **state)
{
	(void)state;
	assert_int_equal(create_unknown(1ULL << 48, 0), RMI_ERROR_INPUT);
}

static void data_create_unknown_rd_align(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, PA_UNALIGNED(r.rd), data, 0).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_unknown_rd_bound(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, PA_OUTSIDE_DRAM, data, 0).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_unknown_rd_state(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(RMI3(RMI_DATA_CREATE_UNKNOWN, r.rtt_base, data, 0).x[0],
			 RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_unknown_ipa_align(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create_unknown(data, 0x10), RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_unknown_ipa_bound(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create_unknown(data, PROT_TOP + GRANULE_SIZE), RMI_ERROR_INPUT);
	assert_not_created(data);
}

static void data_create_unknown_rtt_walk(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create_unknown(data, 2 * GB), RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_not_created(data);
}

static void data_create_unknown_rtte_state(void **state)
{
	uint64_t data = alloc_delegated();

	(void)state;
	assert_int_equal(create_unknown(alloc_delegated(), 0), RMI_SUCCESS);
	assert_int_equal(create_unknown(data, 0), RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(granule_state_at(data), GRANULE_STATE_DELEGATED);
	assert_no_locks();
}

/* ---- RMI_DATA_CREATE_UNKNOWN success */

static void data_create_unknown_keeps_ripas(void **state)
{
	uint64_t d0 = alloc_delegated(), d1 = alloc_delegated();
	struct rmi_result e;

	(void)state;
	assert_int_equal(RMI3(RMI_RTT_INIT_RIPAS, r.rd, 0x1000, 0x2000).x[0], RMI_SUCCESS);
	memcpy(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, r.rd).x[0], RMI_SUCCESS);	/* any state */
	assert_int_equal(create_unknown(d0, 0), RMI_SUCCESS);
	assert_int_equal(create_unknown(d1, 0x1000), RMI_SUCCESS);
	e = read_entry(0, 3);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], d0);
	assert_int_equal(e.x[4], RMI_EMPTY);
	e = read_entry(0x1000, 3);
	assert_int_equal(e.x[3], d1);
	assert_int_equal(e.x[4], RMI_RAM);
	assert_int_equal(granule_state_at(d0), GRANULE_STATE_DATA);
	assert_int_equal(granule_refcount_at(l3), 2);
	assert_memory_equal(rim_before, test_rd(&r)->measurements[0], MEASURE_SIZE);
	assert_no_locks();
}

/* ---- RMI_DATA_DESTROY failure conditions, spec order */

static void data_destroy_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI2(RMI_DATA_DESTROY, PA_UNALIGNED(r.rd), 0).x[0], RMI_ERROR_INPUT);
}

static void data_destroy_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI2(RMI_DATA_DESTROY, PA_OUTSIDE_DRAM, 0).x[0], RMI_ERROR_INPUT);
}

static void data_destroy_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI2(RMI_DATA_DESTROY, l3, 0).x[0], RMI_ERROR_INPUT);
	assert_no_locks();
}

static void data_destroy_ipa_align(void **state)
{
	struct rmi_result res;

	(void)state;
	res = RMI2(RMI_DATA_DESTROY, r.rd, 0x1010);
	assert_int_equal(res.x[0], RMI_ERROR_INPUT);
	assert_int_equal(res.x[2], 0);
	assert_no_locks();
}

static void data_destroy_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, PROT_TOP).x[0], RMI_ERROR_INPUT);
}

static void data_destroy_rtt_walk(void **state)
{
	struct rmi_result res;

	(void)state;
	res = RMI2(RMI_DATA_DESTROY, r.rd, GB + 0x3000);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_int_equal(res.x[2], PROT_TOP);	/* end of the first root RTT */
	assert_no_locks();
}

static void data_destroy_rtte_state(void **state)
{
	struct rmi_result res;

	(void)state;
	assert_int_equal(create(alloc_delegated(), 0x9000, 1), RMI_SUCCESS);
	res = RMI2(RMI_DATA_DESTROY, r.rd, 0x2000);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(res.x[2], 0x9000);	/* next live entry */
	res = RMI2(RMI_DATA_DESTROY, r.rd, 0xA000);
	assert_int_equal(res.x[2], MB2);	/* none: end of the level-3 RTT */
	assert_no_locks();
}

/* ---- RMI_DATA_DESTROY success and transitions */

static void data_destroy_success(void **state)
{
	uint64_t data = alloc_delegated();
	struct rmi_result res;

	(void)state;
	assert_int_equal(create(data, 0x3000, 1), RMI_SUCCESS);
	assert_int_equal(create(alloc_delegated(), 0x8000, 1), RMI_SUCCESS);
	res = RMI2(RMI_DATA_DESTROY, r.rd, 0x3000);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], data);
	assert_int_equal(res.x[2], 0x8000);
	assert_int_equal(granule_state_at(data), GRANULE_STATE_DELEGATED);
	assert_true(granule_is_zero(data));
	assert_int_equal(granule_refcount_at(l3), 1);
	res = read_entry(0x3000, 3);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_DESTROYED);	/* assigned_ram -> unassigned_destroyed */
	assert_no_locks();
	/* The granule can be undelegated now. */
	assert_int_equal(RMI1(RMI_GRANULE_UNDELEGATE, data).x[0], RMI_SUCCESS);
}

static void data_destroy_keeps_empty_and_destroyed(void **state)
{
	struct rmi_result res;

	(void)state;
	/* assigned_empty -> unassigned_empty */
	assert_int_equal(create_unknown(alloc_delegated(), 0x1000), RMI_SUCCESS);
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0x1000).x[0], RMI_SUCCESS);
	res = read_entry(0x1000, 3);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_EMPTY);
	/* unassigned_destroyed -> assigned_destroyed -> unassigned_destroyed */
	assert_int_equal(create(alloc_delegated(), 0x2000, 1), RMI_SUCCESS);
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0x2000).x[0], RMI_SUCCESS);
	assert_int_equal(create_unknown(alloc_delegated(), 0x2000), RMI_SUCCESS);
	res = read_entry(0x2000, 3);
	assert_int_equal(res.x[2], RMI_ASSIGNED);
	assert_int_equal(res.x[4], RMI_DESTROYED);
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0x2000).x[0], RMI_SUCCESS);
	res = read_entry(0x2000, 3);
	assert_int_equal(res.x[2], RMI_UNASSIGNED);
	assert_int_equal(res.x[4], RMI_DESTROYED);
	assert_int_equal(granule_refcount_at(l3), 0);
}

/* DATA keeps the RTT live; once destroyed, the tree unwinds and the realm dies. */
static void data_destroy_allows_teardown(void **state)
{
	(void)state;
	assert_int_equal(create(alloc_delegated(), 0, 1), RMI_SUCCESS);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 3).x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_ERROR_REALM);
	assert_int_equal(RMI2(RMI_DATA_DESTROY, r.rd, 0).x[0], RMI_SUCCESS);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 3).x[0], RMI_SUCCESS);
	assert_int_equal(RMI3(RMI_RTT_DESTROY, r.rd, 0, 2).x[0], RMI_SUCCESS);
	assert_int_equal(RMI1(RMI_REALM_DESTROY, r.rd).x[0], RMI_SUCCESS);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(data_create_src_align), T(data_create_src_bound), T(data_create_src_pas),
		T(data_create_data_align), T(data_create_data_bound),
		T(data_create_data_state), T(data_create_data_bound2),
		T(data_create_rd_align), T(data_create_rd_bound), T(data_create_rd_state),
		T(data_create_ipa_align), T(data_create_ipa_bound),
		T(data_create_realm_state), T(data_create_rtt_walk),
		T(data_create_rtte_state), T(data_create_flags_valid),
		T(data_create_success_measured), T(data_create_success_unmeasured),
		T(data_create_source_read_once), T(data_create_on_destroyed_entry),
		cmocka_unit_test_setup(data_create_reproduces_vectors_sha256, test_setup),
		cmocka_unit_test_setup(data_create_reproduces_vectors_sha512, test_setup),
		T(data_create_unknown_data_align), T(data_create_unknown_data_bound),
		T(data_create_unknown_data_state), T(data_create_unknown_data_bound2),
		T(data_create_unknown_rd_align), T(data_create_unknown_rd_bound),
		T(data_create_unknown_rd_state), T(data_create_unknown_ipa_align),
		T(data_create_unknown_ipa_bound), T(data_create_unknown_rtt_walk),
		T(data_create_unknown_rtte_state), T(data_create_unknown_keeps_ripas),
		T(data_destroy_rd_align), T(data_destroy_rd_bound), T(data_destroy_rd_state),
		T(data_destroy_ipa_align), T(data_destroy_ipa_bound),
		T(data_destroy_rtt_walk), T(data_destroy_rtte_state),
		T(data_destroy_success), T(data_destroy_keeps_empty_and_destroyed),
		T(data_destroy_allows_teardown),
	};

	return cmocka_run_group_tests_name("data", tests, NULL, NULL);
}
