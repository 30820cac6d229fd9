/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Measurements against the reference vectors (read at run time from
 * $REFERENCE_DIR/vectors/rim_vectors.txt; vectors/README.md gives the
 * operation behind each line).
 */
#include <string.h>
#include "helpers.h"

static const unsigned int algos[] = { RMI_HASH_SHA_256, RMI_HASH_SHA_512 };

/* RIM0 through RMI_REALM_CREATE: flags 0, s2sz 40, sve_vl 0, bps 2, wps 2, pmu 0. */
static void rim0_from_realm_create(void **state)
{
	uint8_t expect[MEASURE_SIZE];

	(void)state;
	for (unsigned int i = 0; i < 2; i++) {
		struct rmi_realm_params p;
		struct test_realm r;

		realm_params_fill_default(&p, alloc_granules(2, 2));
		p.hash_algo = (uint8_t)algos[i];
		p.vmid = (uint16_t)(10 + i);
		test_realm_create(&r, &p);
		vector_get("RIM0", algos[i], expect);
		assert_memory_equal(test_rd(&r)->measurements[MEASURE_RIM_SLOT],
				    expect, MEASURE_SIZE);
	}
}

/* RPV, VMID and the RTT fields are not measured (attestation doc §2.1). */
static void rim0_ignores_unmeasured_fields(void **state)
{
	struct rmi_realm_params p;
	struct test_realm r;
	uint8_t expect[MEASURE_SIZE];

	(void)state;
	realm_params_fill_default(&p, alloc_granules(2, 2));
	memset(p.rpv, 0xAA, sizeof(p.rpv));
	p.vmid = 77;
	test_realm_create(&r, &p);
	vector_get("RIM0", RMI_HASH_SHA_256, expect);
	assert_memory_equal(test_rd(&r)->measurements[MEASURE_RIM_SLOT], expect, MEASURE_SIZE);
}

/* The remaining lines, chained from RIM0 with the primitives. */
static void rim_chain_matches_vectors(void **state)
{
	(void)state;
	for (unsigned int i = 0; i < 2; i++) {
		unsigned int algo = algos[i];
		uint8_t rim[MEASURE_SIZE], expect[MEASURE_SIZE], page[4096];
		struct rmi_rec_params rec;
		struct rmi_realm_params p;

		realm_params_fill_default(&p, 0);
		p.hash_algo = (uint8_t)algo;
		measure_rim_init(rim, algo, &p);
		vector_get("RIM0", algo, expect);
		assert_memory_equal(rim, expect, MEASURE_SIZE);

		measure_rim_extend_ripas(rim, algo, 0x80000000, 0x80200000);
		vector_get("ripas", algo, expect);
		assert_memory_equal(rim, expect, MEASURE_SIZE);

		for (unsigned int b = 0; b < sizeof(page); b++)
			page[b] = (uint8_t)b;
		measure_rim_extend_data(rim, algo, 0x80000000, RMI_MEASURE_CONTENT, page);
		vector_get("data", algo, expect);
		assert_memory_equal(rim, expect, MEASURE_SIZE);

		measure_rim_extend_data(rim, algo, 0x80001000, RMI_NO_MEASURE_CONTENT, NULL);
		vector_get("data-nomeasure", algo, expect);
		assert_memory_equal(rim, expect, MEASURE_SIZE);

		memset(&rec, 0, sizeof(rec));
		rec.flags = RMI_REC_PARAMS_FLAG_RUNNABLE;
		rec.pc = 0x80000000;
		rec.gprs[0] = 0x80100000;
		rec.mpidr = 0x123;		/* not measured */
		measure_rim_extend_rec(rim, algo, &rec);
		vector_get("rec", algo, expect);
		assert_memory_equal(rim, expect, MEASURE_SIZE);
	}
}

static void sha256_leaves_upper_half_zero(void **state)
{
	uint8_t out[MEASURE_SIZE], zero[32] = { 0 };

	(void)state;
	memset(out, 0xFF, sizeof(out));
	measure_hash(RMI_HASH_SHA_256, "abc", 3, out);
	assert_memory_equal(&out[32], zero, 32);
	assert_int_equal(out[0], 0xba);		/* FIPS 180-2 "abc" vector */
	assert_int_equal(out[31], 0xad);
}

/* "REM extend alg<A> size<N>" lines: from a zero REM, value 00 01 .. 3f cut to N. */
static void rem_extend_matches_vectors(void **state)
{
	uint8_t value[64];

	(void)state;
	for (unsigned int b = 0; b < sizeof(value); b++)
		value[b] = (uint8_t)b;
	for (unsigned int i = 0; i < 2; i++) {
		for (unsigned int size = 32; size <= 64; size += 32) {
			uint8_t rem[MEASURE_SIZE] = { 0 }, expect[MEASURE_SIZE];

			measure_rem_extend(rem, algos[i], value, size);
			vector_get_rem(algos[i], size, expect);
			assert_memory_equal(rem, expect, MEASURE_SIZE);
		}
	}
}

#define T(f) cmocka_unit_test_setup(f, test_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(rim0_from_realm_create),
		T(rim0_ignores_unmeasured_fields),
		T(rim_chain_matches_vectors),
		T(sha256_leaves_upper_half_zero),
		T(rem_extend_matches_vectors),
	};

	return cmocka_run_group_tests_name("measure", tests, NULL, NULL);
}
