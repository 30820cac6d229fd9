/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rmm/assert.h>
#include "helpers.h"

static uint64_t next_free;

int test_setup(void **state)
{
	(void)state;
	host_platform_reset();
	next_free = HOST_DRAM_BASE;
	return 0;
}

struct rmi_result rmi_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
			   uint64_t a4, uint64_t a5)
{
	const uint64_t regs[8] = { fid, a1, a2, a3, a4, a5, 0, 0 };
	struct rmi_result res;

	rmi_dispatch(regs, &res);
	return res;
}

uint64_t alloc_granules(unsigned int count, unsigned int align)
{
	uint64_t a = (uint64_t)align * GRANULE_SIZE;
	uint64_t pa = (next_free + a - 1) & ~(a - 1);

	next_free = pa + (uint64_t)count * GRANULE_SIZE;
	assert_true(next_free <= HOST_DRAM_BASE + HOST_DRAM_SIZE);
	return pa;
}

uint64_t alloc_granule(void)
{
	return alloc_granules(1, 1);
}

uint64_t alloc_delegated(void)
{
	uint64_t pa = alloc_granule();

	assert_int_equal(RMI1(RMI_GRANULE_DELEGATE, pa).x[0], RMI_SUCCESS);
	return pa;
}

enum granule_state granule_state_at(uint64_t pa)
{
	return granule_get_state(granule_from_pa(pa));
}

uint16_t granule_refcount_at(uint64_t pa)
{
	return granule_refcount_read(granule_from_pa(pa));
}

void realm_params_fill_default(struct rmi_realm_params *p, uint64_t rtt_base)
{
	memset(p, 0, sizeof(*p));
	p->s2sz = 40;
	p->num_bps = 2;
	p->num_wps = 2;
	p->hash_algo = RMI_HASH_SHA_256;
	p->vmid = 1;
	p->rtt_base = rtt_base;
	p->rtt_level_start = 1;
	p->rtt_num_start = 2;
}

uint64_t realm_params_ns(const struct rmi_realm_params *p)
{
	uint64_t pa = alloc_granule();

	memcpy(host_pa_to_va(pa), p, sizeof(*p));
	return pa;
}

void test_realm_create(struct test_realm *r, const struct rmi_realm_params *p)
{
	unsigned int i;

	if (p != NULL) {
		r->params = *p;
	} else {
		realm_params_fill_default(&r->params, 0);
		r->params.rtt_base = alloc_granules(2, 2);
	}
	r->rtt_base = r->params.rtt_base;
	r->num_root = r->params.rtt_num_start;
	for (i = 0; i < r->num_root; i++)
		assert_int_equal(RMI1(RMI_GRANULE_DELEGATE,
				      r->rtt_base + i * GRANULE_SIZE).x[0],
				 RMI_SUCCESS);
	r->rd = alloc_delegated();
	assert_int_equal(RMI2(RMI_REALM_CREATE, r->rd,
			      realm_params_ns(&r->params)).x[0], RMI_SUCCESS);
}

struct rd *test_rd(const struct test_realm *r)
{
	return host_pa_to_va(r->rd);
}

uint64_t test_rtt_create(const struct test_realm *r, uint64_t ipa, int level)
{
	uint64_t rtt = alloc_delegated();
	uint64_t size = 1ULL << (12 + 9 * (3 - (level - 1)));

	assert_int_equal(RMI4(RMI_RTT_CREATE, r->rd, rtt, ipa & ~(size - 1),
			      (uint64_t)level).x[0], RMI_SUCCESS);
	return rtt;
}

void test_rtts_to_level(const struct test_realm *r, uint64_t ipa, int level)
{
	for (int l = (int)r->params.rtt_level_start + 1; l <= level; l++)
		(void)test_rtt_create(r, ipa, l);
}

uint64_t ns_granule_with(const void *data, size_t len)
{
	uint64_t pa = alloc_granule();

	assert_true(len <= GRANULE_SIZE);
	memcpy(host_pa_to_va(pa), data, len);
	return pa;
}

void rec_params_fill(struct rmi_rec_params *p, uint64_t mpidr, bool runnable)
{
	memset(p, 0, sizeof(*p));
	p->flags = runnable ? RMI_REC_PARAMS_FLAG_RUNNABLE : 0;
	p->mpidr = mpidr;
	p->pc = 0x80000000ULL;
	p->gprs[0] = 0x80100000ULL;
	p->num_aux = REC_NUM_AUX_GRANULES;
	for (unsigned int i = 0; i < REC_NUM_AUX_GRANULES; i++)
		p->aux[i] = alloc_delegated();
}

uint64_t test_rec_create(const struct test_realm *r, uint64_t mpidr, bool runnable)
{
	struct rmi_rec_params p;
	uint64_t rec = alloc_delegated();

	rec_params_fill(&p, mpidr, runnable);
	assert_int_equal(RMI3(RMI_REC_CREATE, r->rd, rec,
			      ns_granule_with(&p, sizeof(p))).x[0], RMI_SUCCESS);
	return rec;
}

void assert_no_locks(void)
{
	for (uint64_t pa = HOST_DRAM_BASE; pa < HOST_DRAM_BASE + HOST_DRAM_SIZE;
	     pa += GRANULE_SIZE)
		if (granule_is_locked(granule_from_pa(pa)))
			fail_msg("granule 0x%llx left locked", (unsigned long long)pa);
}

static unsigned int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned int)(c - 'a' + 10);
	fail_msg("bad hex digit '%c' in rim_vectors.txt", c);
	return 0;
}

static FILE *vectors_open(void)
{
	const char *dir = getenv("REFERENCE_DIR");
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/vectors/rim_vectors.txt",
		 dir != NULL ? dir : REFERENCE_DIR);
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	return f;
}

static void hex_to_measurement(const char *hex, unsigned int algo,
			       uint8_t out[MEASURE_SIZE])
{
	size_t n = strlen(hex) / 2;

	assert_int_equal(n, measure_hash_size(algo));
	memset(out, 0, MEASURE_SIZE);
	for (size_t i = 0; i < n; i++)
		out[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
}

/*
 * rim_vectors.txt: a SHA-256 block then a SHA-512 block, each opening with
 * "RIM0 <hex>" and followed by " <step> <hex>" lines (vectors/README.md).
 */
void vector_get(const char *step, unsigned int algo, uint8_t out[MEASURE_SIZE])
{
	char line[512], name[64], hex[200];
	FILE *f = vectors_open();
	int block = -1;

	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%63s %199s", name, hex) != 2)
			continue;
		if (strcmp(name, "RIM0") == 0)
			block++;
		if (block == (int)algo && strcmp(name, step) == 0) {
			fclose(f);
			hex_to_measurement(hex, algo, out);
			return;
		}
	}
	fclose(f);
	fail_msg("vector %s (algo %u) not found", step, algo);
}

void vector_get_rem(unsigned int algo, unsigned int size, uint8_t out[MEASURE_SIZE])
{
	char line[512], hex[200];
	unsigned int a, n;
	FILE *f = vectors_open();

	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "REM extend alg%u size%u: %199s", &a, &n, hex) != 3)
			continue;
		if (a == algo && n == size) {
			fclose(f);
			hex_to_measurement(hex, algo, out);
			return;
		}
	}
	fclose(f);
	fail_msg("REM vector alg%u size%u not found", algo, size);
}

static void assert_rim(const struct test_realm *r, const char *step, unsigned int algo)
{
	uint8_t expect[MEASURE_SIZE];

	vector_get(step, algo, expect);
	assert_memory_equal(test_rd(r)->measurements[MEASURE_RIM_SLOT], expect,
			    MEASURE_SIZE);
}

void test_vector_chain(struct test_realm *r, unsigned int algo, const char *last)
{
	static const char *const steps[] = { "RIM0", "ripas", "data", "data-nomeasure", "rec" };
	struct rmi_realm_params p;
	uint8_t page[GRANULE_SIZE];
	struct rmi_result res;
	unsigned int i;

	realm_params_fill_default(&p, alloc_granules(2, 2));
	p.hash_algo = (uint8_t)algo;
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		const char *step = steps[i];

		if (i == 0) {
			test_realm_create(r, &p);
		} else if (i == 1) {
			(void)test_rtt_create(r, 0x80000000ULL, 2);
			res = RMI3(RMI_RTT_INIT_RIPAS, r->rd, 0x80000000ULL, 0x80200000ULL);
			assert_int_equal(res.x[0], RMI_SUCCESS);
			assert_int_equal(res.x[1], 0x80200000ULL);
		} else if (i == 2) {
			(void)test_rtt_create(r, 0x80000000ULL, 3);
			for (unsigned int b = 0; b < GRANULE_SIZE; b++)
				page[b] = (uint8_t)(b & 0xff);
			assert_int_equal(RMI5(RMI_DATA_CREATE, r->rd, alloc_delegated(),
					      0x80000000ULL, ns_granule_with(page, sizeof(page)),
					      RMI_MEASURE_CONTENT).x[0], RMI_SUCCESS);
		} else if (i == 3) {
			memset(page, 0xA5, sizeof(page));	/* not measured */
			assert_int_equal(RMI5(RMI_DATA_CREATE, r->rd, alloc_delegated(),
					      0x80001000ULL, ns_granule_with(page, sizeof(page)),
					      RMI_NO_MEASURE_CONTENT).x[0], RMI_SUCCESS);
		} else {
			(void)test_rec_create(r, 0, true);
		}
		assert_rim(r, step, algo);
		if (strcmp(step, last) == 0)
			return;
	}
	fail_msg("unknown vector step %s", last);
}
