/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/* Shared helpers of the RMM host unit tests. */
#ifndef RMM_TEST_HELPERS_H
#define RMM_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <abi/rmi.h>
#include <plat-host.h>
#include <rmm/granule.h>
#include <rmm/realm.h>
#include <rmm/rec.h>
#include <rmm/rmi-handlers.h>

/* cmocka setup: fresh platform and granule allocator. */
int test_setup(void **state);

/* Issue one RMI call through the dispatcher. */
struct rmi_result rmi_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
			   uint64_t a4, uint64_t a5);
#define RMI0(fid)			rmi_call(fid, 0, 0, 0, 0, 0)
#define RMI1(fid, a)			rmi_call(fid, a, 0, 0, 0, 0)
#define RMI2(fid, a, b)			rmi_call(fid, a, b, 0, 0, 0)
#define RMI3(fid, a, b, c)		rmi_call(fid, a, b, c, 0, 0)
#define RMI4(fid, a, b, c, d)		rmi_call(fid, a, b, c, d, 0)
#define RMI5(fid, a, b, c, d, e)	rmi_call(fid, a, b, c, d, e)

/* Next unused granule of the fake DRAM (NS, zero); @align in granules. */
uint64_t alloc_granule(void);
uint64_t alloc_granules(unsigned int count, unsigned int align);
/* An allocated granule, delegated. */
uint64_t alloc_delegated(void);

/* PA outside tracked DRAM, and a PA inside it but not granule aligned. */
#define PA_OUTSIDE_DRAM		(HOST_DRAM_BASE + HOST_DRAM_SIZE)
#define PA_UNALIGNED(pa)	((pa) + 8)

enum granule_state granule_state_at(uint64_t pa);
uint16_t granule_refcount_at(uint64_t pa);

/*
 * Default realm: s2sz 40, level 1 start with 2 concatenated RTTs, SHA-256,
 * VMID 1.  realm_params_default() fills an NS params granule it returns.
 */
void realm_params_fill_default(struct rmi_realm_params *p, uint64_t rtt_base);
uint64_t realm_params_ns(const struct rmi_realm_params *p);

struct test_realm {
	uint64_t rd;
	uint64_t rtt_base;
	unsigned int num_root;
	struct rmi_realm_params params;
};
/* Create the realm described by @p (NULL = default); asserts success. */
void test_realm_create(struct test_realm *r, const struct rmi_realm_params *p);
struct rd *test_rd(const struct test_realm *r);

/* RTT_CREATE of a new delegated RTT at (@ipa, @level); asserts success. */
uint64_t test_rtt_create(const struct test_realm *r, uint64_t ipa, int level);
/* RTTs down to @level (from the level below the start level) covering @ipa. */
void test_rtts_to_level(const struct test_realm *r, uint64_t ipa, int level);

/* A new NS granule holding @len bytes of @data, the rest zero. */
uint64_t ns_granule_with(const void *data, size_t len);

/*
 * REC parameters: @mpidr, RUNNABLE if @runnable, pc / x0 as the vector
 * file's REC step, REC_NUM_AUX_GRANULES freshly delegated aux granules.
 */
void rec_params_fill(struct rmi_rec_params *p, uint64_t mpidr, bool runnable);
/* REC_CREATE with rec_params_fill(); asserts success, returns the REC PA. */
uint64_t test_rec_create(const struct test_realm *r, uint64_t mpidr, bool runnable);
static inline struct rec *test_rec(uint64_t rec_pa)
{
	return host_pa_to_va(rec_pa);
}

/* No granule lock is left held (checked over the whole fake DRAM). */
void assert_no_locks(void);

/* Reference vectors (REFERENCE_DIR/vectors/rim_vectors.txt, read at run time). */
void vector_get(const char *step, unsigned int algo, uint8_t out[MEASURE_SIZE]);

/* "REM extend alg<algo> size<size>:" line of the same file. */
void vector_get_rem(unsigned int algo, unsigned int size, uint8_t out[MEASURE_SIZE]);

/*
 * The rim_vectors.txt sequence through the real RMI commands (README of the
 * vectors): REALM_CREATE, RTT_INIT_RIPAS over [0x80000000, 0x80200000) as
 * one level-2 entry, DATA_CREATE measured at 0x80000000 (byte i = i & 0xff),
 * DATA_CREATE unmeasured at 0x80001000, REC_CREATE runnable.  Runs the
 * steps up to and including @last ("RIM0", "ripas", "data",
 * "data-nomeasure" or "rec"), checking the RIM after each against the file.
 */
void test_vector_chain(struct test_realm *r, unsigned int algo, const char *last);

#endif /* RMM_TEST_HELPERS_H */
