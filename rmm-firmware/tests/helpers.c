/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
