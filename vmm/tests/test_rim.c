// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RIM model behind `realm-vmm measure`: which RTT entries INIT_RIPAS
 * measures under kvm-realm.ko's policy, and the whole chain reproducing the
 * reference vectors (rim_vectors.txt: REALM_CREATE, one 2 MiB RIPAS entry,
 * a measured and an unmeasured page, one runnable REC).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmm/plan.h"
#include "vmm/rim.h"
#include "vmm/util.h"

#ifndef REFERENCE_DIR
#define REFERENCE_DIR "../shared/reference"
#endif

static void test_ripas_entries_follow_alignment(void **state)
{
	(void)state;
	/* 40-bit IPA: start level 1 (1 GiB entries). 256 MiB at 2 GiB = 128 x 2 MiB. */
	assert_int_equal(rim__ripas_entries(40, 0x80000000, 0x90000000, NULL, NULL), 128);
	/* A whole aligned GiB is one level-1 block. */
	assert_int_equal(rim__ripas_entries(40, 0x80000000, 0xC0000000, NULL, NULL), 1);
	/* 1 GiB + 4 KiB: one block, then one page. */
	assert_int_equal(rim__ripas_entries(40, 0x80000000, 0xC0001000, NULL, NULL), 2);
	/* 2 MiB starting one page in: 511 pages up to the 2 MiB boundary, then one. */
	assert_int_equal(rim__ripas_entries(40, 0x80001000, 0x80201000, NULL, NULL), 512);
	/* 48-bit IPA starts at level 0, but blocks exist only from level 1. */
	assert_int_equal(rim__ripas_entries(48, 0, 1ULL << 39, NULL, NULL), 512);
	assert_int_equal(rim__ripas_entries(40, 0x80000000, 0x80000000, NULL, NULL), 0);
}

/* Read "<label> <hex>" lines of one algorithm block (0: SHA-256, 1: SHA-512). */
static int read_vector(unsigned int block, const char *label, uint8_t out[64], size_t *len)
{
	char path[512], key[64], hex[160];
	unsigned int seen = 0, i;
	FILE *f;
	int found = -1;

	snprintf(path, sizeof(path), "%s/vectors/rim_vectors.txt", REFERENCE_DIR);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fscanf(f, "%63s %159s", key, hex) == 2) {
		if (!strcmp(key, "RIM0"))
			seen++;
		if (seen != block + 1 || strcmp(key, label))
			continue;
		*len = strlen(hex) / 2;
		for (i = 0; i < *len; i++)
			sscanf(hex + 2 * i, "%2hhx", &out[i]);
		found = 0;
		break;
	}
	fclose(f);
	return found;
}

static void vector_chain(unsigned int algo)
{
	static uint8_t page[2][4096] __attribute__((aligned(4096)));
	struct realm_plan plan;
	struct plan_step *s;
	uint8_t rim[RIM_MAX_SIZE], want[64];
	size_t want_len = 0;
	unsigned int i, len;

	if (read_vector(algo, "rec", want, &want_len))
		skip();
	for (i = 0; i < sizeof(page[0]); i++)
		page[0][i] = i & 0xff;

	memset(&plan, 0, sizeof(plan));
	/* RIM0: flags 0, s2sz 40, sve_vl 0, num_bps 2, num_wps 2, pmu 0 (raw RealmParams). */
	plan.params.s2sz = 40;
	plan.params.num_bps = 2;
	plan.params.num_wps = 2;
	plan.params.hash_algo = algo;

	s = &plan.steps[plan.nr_steps++];
	s->kind = PLAN_INIT_RIPAS;
	s->ipa = 0x80000000;
	s->size = 0x200000;
	s = &plan.steps[plan.nr_steps++];
	s->kind = PLAN_POPULATE;
	s->ipa = 0x80000000;
	s->size = 4096;
	s->data = page[0];
	s->measure = true;
	s = &plan.steps[plan.nr_steps++];
	s->kind = PLAN_POPULATE;
	s->ipa = 0x80001000;
	s->size = 4096;
	s->data = page[1];
	s->measure = false;
	s = &plan.steps[plan.nr_steps++];
	s->kind = PLAN_CREATE_REC;
	s->runnable = true;
	s->pc = 0x80000000;
	s->gprs[0] = 0x80100000;

	len = rim__predict(&plan, rim);
	assert_int_equal(len, want_len);
	assert_memory_equal(rim, want, want_len);
}

static void test_vector_chain_sha256(void **state)
{
	(void)state;
	vector_chain(RMI_HASH_SHA_256);
}

static void test_vector_chain_sha512(void **state)
{
	(void)state;
	vector_chain(RMI_HASH_SHA_512);
}

/* Non-runnable RECs are not measured; MPIDRs are not either. */
static void test_only_runnable_recs_count(void **state)
{
	struct realm_plan a, b;
	uint8_t ra[RIM_MAX_SIZE], rb[RIM_MAX_SIZE];
	struct plan_step *s;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.params.s2sz = 40;
	s = &a.steps[a.nr_steps++];
	s->kind = PLAN_CREATE_REC;
	s->runnable = true;
	s->pc = 0x80000000;
	b = a;
	s = &b.steps[b.nr_steps++];
	s->kind = PLAN_CREATE_REC;
	s->mpidr = 1;
	b.steps[0].mpidr = 0xff00;	/* not measured */
	rim__predict(&a, ra);
	rim__predict(&b, rb);
	assert_memory_equal(ra, rb, sizeof(ra));
}

/* kvm-realm.ko's "minus one" encodings and the default from the RMM's maximum. */
static void test_params_from_config(void **state)
{
	struct kvm_realm_config cfg = { .ipa_bits = 40, .num_bps = 2, .num_wps = 0,
					.hash_algo = KVM_REALM_MEASURE_SHA512 };
	struct rmi_realm_params p;

	(void)state;
	assert_int_equal(realm_plan__params(&cfg, 6, 4, &p), 0);
	assert_int_equal(p.s2sz, 40);
	assert_int_equal(p.num_bps, 1);
	assert_int_equal(p.num_wps, 3);
	assert_int_equal(p.hash_algo, RMI_HASH_SHA_512);
	cfg.num_wps = 0;
	assert_int_equal(realm_plan__params(&cfg, 6, 0, &p), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ripas_entries_follow_alignment),
		cmocka_unit_test(test_vector_chain_sha256),
		cmocka_unit_test(test_vector_chain_sha512),
		cmocka_unit_test(test_only_runnable_recs_count),
		cmocka_unit_test(test_params_from_config),
	};

	return cmocka_run_group_tests_name("vmm RIM model", tests, NULL, NULL);
}
