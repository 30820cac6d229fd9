// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMM costs as deterministic counts (tools/bench-rmm.sh runs this under
 * QEMU -icount shift=0, where every instruction takes 1 ns of virtual
 * time, so nanoseconds of CNTPCT_EL0 are instructions executed by all of
 * EL3, the RMM and this host):
 *   smc_el3            SMCCC_VERSION, answered by EL3 (baseline)
 *   rmi_version        RMI_VERSION, NS -> EL3 -> RMM -> EL3 -> NS (baseline)
 *   data_create_4k     one measured RMI_DATA_CREATE of 4 KiB (SHA-256)
 *   data_create_4k_nm  the same without measuring the content
 *   rec_round_trip     RMI_REC_ENTER of a REC whose realm immediately makes
 *                      a host call: one REC exit and re-enter
 * Each is the median of BENCH_RUNS; lines "# bench: name median min max".
 */
#include <abi/smccc.h>
#include <realm-host.h>

#define BENCH_RUNS	16
#define BENCH_DATA_IPA	(TR_RAM_BASE + 0x100000)

static struct test_realm realm;
static uint64_t freq;

static uint64_t now(void)
{
	__asm__ volatile("isb" : : : "memory");
	return read_sysreg(cntpct_el0);
}

static uint64_t to_ns(uint64_t ticks)
{
	return ticks * 1000000000ULL / freq;
}

static void sort(uint64_t *v, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++)
		for (unsigned int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void print(const char *name, uint64_t *v)
{
	sort(v, BENCH_RUNS);
	con_printf("# bench: %s %lu %lu %lu\n", name, to_ns(v[BENCH_RUNS / 2]), to_ns(v[0]),
		   to_ns(v[BENCH_RUNS - 1]));
}

static void bench_smc(const char *name, uint64_t fid, uint64_t arg)
{
	uint64_t v[BENCH_RUNS], t;

	for (unsigned int i = 0; i < BENCH_RUNS; i++) {
		t = now();
		smc(fid, arg, 0, 0);
		v[i] = now() - t;
	}
	print(name, v);
}

static bool bench_data_create(struct test_realm *r, const char *name, uint64_t base,
			      uint64_t flags)
{
	uint64_t v[BENCH_RUNS], t, pa, ret;

	for (unsigned int i = 0; i < BENCH_RUNS; i++) {
		pa = pool_delegate();
		if (!pa || r->nr_data == TR_MAX_DATA)
			return false;
		t = now();
		ret = smc6(RMI_DATA_CREATE, r->rd, pa, base + i * GRANULE,
			   (uint64_t)(uintptr_t)realm_blob, flags).x0;
		v[i] = now() - t;
		if (!ok(ret == RMI_SUCCESS, "bench: RMI_DATA_CREATE(0x%lx) = %lu",
			base + i * GRANULE, ret)) {
			pool_undelegate(pa);
			return false;
		}
		r->data[r->nr_data++] = (struct tr_data){ base + i * GRANULE, pa };
	}
	print(name, v);
	return true;
}

static bool bench_round_trip(struct test_realm *r)
{
	uint64_t v[BENCH_RUNS], t;
	unsigned int exits;

	/* Warm up: the realm's first host calls fault in its stack and .bss. */
	for (unsigned int i = 0; i < 4; i++)
		if (realm_run(r, 0) != TR_EV_BENCH)
			return false;
	exits = r->exits;
	for (unsigned int i = 0; i < BENCH_RUNS; i++) {
		t = now();
		if (realm_run(r, 0) != TR_EV_BENCH)
			return false;
		v[i] = now() - t;
	}
	ok(r->exits - exits == BENCH_RUNS, "bench: %u REC exits for %u round trips",
	   r->exits - exits, BENCH_RUNS);
	print("rec_round_trip", v);
	return true;
}

void realm_bench(uint64_t pool_base, uint64_t pool_top)
{
	freq = read_sysreg(cntfrq_el0);
	pool_init(pool_base, pool_top);
	con_printf("# bench: cntfrq %lu %lu %lu\n", freq, freq, freq);
	bench_smc("smc_el3", SMCCC_VERSION, 0);
	bench_smc("rmi_version", RMI_VERSION, RMI_ABI_VERSION_1_0);
	if (realm_build(&realm, TR_MODE_BENCH) &&
	    bench_data_create(&realm, "data_create_4k", BENCH_DATA_IPA, RMI_MEASURE_CONTENT) &&
	    bench_data_create(&realm, "data_create_4k_nm", BENCH_DATA_IPA + BENCH_RUNS * GRANULE,
			      RMI_NO_MEASURE_CONTENT) &&
	    realm_activate(&realm))
		bench_round_trip(&realm);
	realm_teardown(&realm);
}
