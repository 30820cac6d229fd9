/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_RTT_MAP_UNPROTECTED / RMI_RTT_UNMAP_UNPROTECTED (DEN0137 B4.3.19,
 * B4.3.22, B3.56, A5.5.11): one test per failure condition in spec order,
 * success paths and the ASSIGNED_NS <-> UNASSIGNED_NS transitions.
 * Default realm: s2sz 40, start level 1; IPA >= 2^39 is unprotected.
 */
#include "helpers.h"

#define GB		(1ULL << 30)
#define MB2		(1ULL << 21)
#define UNPROT		(1ULL << 39)
#define NS_PA		0x880000000ULL		/* host memory: any NS PA */
#define ATTR_WB		(0x6ULL << 2)		/* MemAttr Normal WB (FWB) */
#define ATTR_DEV	(0x1ULL << 2)		/* MemAttr Device-nGnRE */
#define S2AP_RW		(0x3ULL << 6)
#define DESC(pa)	((pa) | ATTR_WB | S2AP_RW)

static struct test_realm r;

static int setup(void **state)
{
	test_setup(state);
	test_realm_create(&r, NULL);
	return 0;
}

static uint64_t map(uint64_t ipa, int level, uint64_t desc)
{
	return RMI4(RMI_RTT_MAP_UNPROTECTED, r.rd, ipa, (uint64_t)level, desc).x[0];
}

static struct rmi_result unmap(uint64_t ipa, int level)
{
	return RMI3(RMI_RTT_UNMAP_UNPROTECTED, r.rd, ipa, (uint64_t)level);
}

static struct rmi_result read_entry(uint64_t ipa, int level)
{
	return RMI3(RMI_RTT_READ_ENTRY, r.rd, ipa, (uint64_t)level);
}

/* The raw descriptor at (@ipa, @level), walking through host memory. */
static uint64_t raw_entry(uint64_t ipa, int level)
{
	uint64_t table = r.rtt_base, *t;
	int l = (int)r.params.rtt_level_start;
	unsigned int idx = (unsigned int)(ipa >> (12 + 9 * (3 - l)));

	t = host_pa_to_va(table);
	while (l < level) {
		table = t[idx] & 0xFFFFFFFFF000ULL;
		t = host_pa_to_va(table);
		l++;
		idx = (unsigned int)((ipa >> (12 + 9 * (3 - l))) & 511);
	}
	return t[idx];
}

static void assert_unmapped(uint64_t ipa, int level)
{
	struct rmi_result e = read_entry(ipa, level);

	assert_int_equal(e.x[2], RMI_UNASSIGNED);
	assert_int_equal(e.x[3], 0);
	assert_no_locks();
}

/* ---- RMI_RTT_MAP_UNPROTECTED failure conditions, spec order */

static void map_attr_valid(void **state)
{
	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | 1), RMI_ERROR_INPUT);		/* valid bit */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | (3ULL << 8)), RMI_ERROR_INPUT);	/* SH */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | (1ULL << 10)), RMI_ERROR_INPUT);	/* AF */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | (1ULL << 55)), RMI_ERROR_INPUT);	/* NS */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | (1ULL << 54)), RMI_ERROR_INPUT);	/* XN */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA) | 0x800), RMI_ERROR_INPUT);	/* nG/ign */
	/* MemAttr[3] is RES0 with FWB; MemAttr 0b100 is reserved. */
	assert_int_equal(map(UNPROT, 3, NS_PA | (0xEULL << 2)), RMI_ERROR_INPUT);
	assert_int_equal(map(UNPROT, 3, NS_PA | (0x4ULL << 2)), RMI_ERROR_INPUT);
	/* Invalid descriptors are refused before the RD is even looked at. */
	assert_int_equal(RMI4(RMI_RTT_MAP_UNPROTECTED, PA_OUTSIDE_DRAM, UNPROT, 3,
			      DESC(NS_PA) | 1).x[0], RMI_ERROR_INPUT);
	assert_unmapped(UNPROT, 3);
}

static void map_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_MAP_UNPROTECTED, PA_UNALIGNED(r.rd), UNPROT, 1,
			      DESC(0x40000000)).x[0], RMI_ERROR_INPUT);
}

static void map_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_MAP_UNPROTECTED, PA_OUTSIDE_DRAM, UNPROT, 1,
			      DESC(0x40000000)).x[0], RMI_ERROR_INPUT);
}

static void map_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI4(RMI_RTT_MAP_UNPROTECTED, r.rtt_base, UNPROT, 1,
			      DESC(0x40000000)).x[0], RMI_ERROR_INPUT);
	assert_no_locks();
}

static void map_level_bound(void **state)
{
	(void)state;
	assert_int_equal(map(UNPROT, 0, DESC(0)), RMI_ERROR_INPUT);
	assert_int_equal(map(UNPROT, 4, DESC(0)), RMI_ERROR_INPUT);
	assert_int_equal(map(UNPROT, -1, DESC(0)), RMI_ERROR_INPUT);
	assert_unmapped(UNPROT, 1);
}

static void map_addr_align(void **state)
{
	(void)state;
	(void)test_rtt_create(&r, UNPROT, 2);
	assert_int_equal(map(UNPROT, 2, DESC(NS_PA + 0x1000)), RMI_ERROR_INPUT);
	assert_int_equal(map(UNPROT, 1, DESC(NS_PA + MB2)), RMI_ERROR_INPUT);
	assert_unmapped(UNPROT, 2);
}

/* addr_bound: OA bits above 47 are not host-controlled fields (attr_valid). */
static void map_addr_bound(void **state)
{
	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT, 3, DESC(1ULL << 48)), RMI_ERROR_INPUT);
	assert_unmapped(UNPROT, 3);
}

static void map_ipa_align(void **state)
{
	(void)state;
	(void)test_rtt_create(&r, UNPROT, 2);
	assert_int_equal(map(UNPROT + 0x1000, 2, DESC(NS_PA)), RMI_ERROR_INPUT);
	assert_unmapped(UNPROT, 2);
}

static void map_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(map(0, 1, DESC(0x40000000)), RMI_ERROR_INPUT);		/* protected */
	assert_int_equal(map(UNPROT - GB, 1, DESC(0x40000000)), RMI_ERROR_INPUT);
	assert_int_equal(map(1ULL << 40, 1, DESC(0x40000000)), RMI_ERROR_INPUT);
	assert_unmapped(0, 1);
}

static void map_rtt_walk(void **state)
{
	(void)state;
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA)), RMI_RETURN(RMI_ERROR_RTT, 1));
	(void)test_rtt_create(&r, UNPROT, 2);
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA)), RMI_RETURN(RMI_ERROR_RTT, 2));
	assert_unmapped(UNPROT, 2);
}

static void map_rtte_state(void **state)
{
	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA)), RMI_SUCCESS);
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA + 0x1000)), RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(read_entry(UNPROT, 3).x[3], DESC(NS_PA));
	/* A TABLE entry is not UNASSIGNED_NS either. */
	assert_int_equal(map(UNPROT, 1, DESC(0x40000000)), RMI_RETURN(RMI_ERROR_RTT, 1));
	assert_no_locks();
}

/* ---- RMI_RTT_MAP_UNPROTECTED success */

static void map_success_page(void **state)
{
	struct rmi_result e;
	uint64_t raw;

	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT + 0x5000, 3, DESC(NS_PA)), RMI_SUCCESS);
	e = read_entry(UNPROT + 0x5000, 3);
	assert_int_equal(e.x[0], RMI_SUCCESS);
	assert_int_equal(e.x[1], 3);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], DESC(NS_PA));
	assert_int_equal(e.x[4], RMI_EMPTY);
	/* The RMM adds: page type, SH IS (cacheable), AF, XN, NS. */
	raw = raw_entry(UNPROT + 0x5000, 3);
	assert_int_equal(raw, DESC(NS_PA) | 0x3 | (3ULL << 8) | (1ULL << 10) |
			 (2ULL << 53) | (1ULL << 55));
	/* Unprotected mappings do not make an RTT live. */
	assert_int_equal(granule_refcount_at(s2tte_pa(read_entry(UNPROT, 2).x[3])), 0);
	assert_no_locks();
}

static void map_success_device_block(void **state)
{
	uint64_t desc = 0x40000000ULL | ATTR_DEV | (0x1ULL << 6);	/* RO device */
	struct rmi_result e;

	(void)state;
	assert_int_equal(map(UNPROT + GB, 1, desc), RMI_SUCCESS);
	e = read_entry(UNPROT + GB, 1);
	assert_int_equal(e.x[2], RMI_ASSIGNED);
	assert_int_equal(e.x[3], desc);
	/* Block type, Outer Shareable: not cacheable. */
	assert_int_equal(raw_entry(UNPROT + GB, 1), desc | 0x1 | (2ULL << 8) |
			 (1ULL << 10) | (2ULL << 53) | (1ULL << 55));
}

/* An unprotected RTT holding only ASSIGNED_NS entries is not live. */
static void map_rtt_with_ns_entries_not_live(void **state)
{
	struct rmi_result res;

	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT + 0x2000, 3, DESC(NS_PA)), RMI_SUCCESS);
	assert_int_equal(map(UNPROT + 2 * MB2, 2, DESC(NS_PA)), RMI_SUCCESS);
	res = RMI3(RMI_RTT_DESTROY, r.rd, UNPROT, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	/* ASSIGNED_NS entries are live RTTEs (A5.5.8): x2 stops there. */
	assert_int_equal(res.x[2], UNPROT + 2 * MB2);
	assert_int_equal(read_entry(UNPROT, 2).x[2], RMI_UNASSIGNED);
}

/* ASSIGNED_NS unfolds into 512 contiguous pages and folds back. */
static void map_block_unfold_fold(void **state)
{
	struct rmi_result e;

	(void)state;
	(void)test_rtt_create(&r, UNPROT, 2);
	assert_int_equal(map(UNPROT, 2, DESC(NS_PA)), RMI_SUCCESS);
	(void)test_rtt_create(&r, UNPROT, 3);
	e = read_entry(UNPROT + 7 * GRANULE_SIZE, 3);
	assert_int_equal(e.x[1], 3);
	assert_int_equal(e.x[3], DESC(NS_PA + 7 * GRANULE_SIZE));
	assert_int_equal(RMI3(RMI_RTT_FOLD, r.rd, UNPROT, 3).x[0], RMI_SUCCESS);
	e = read_entry(UNPROT, 2);
	assert_int_equal(e.x[1], 2);
	assert_int_equal(e.x[3], DESC(NS_PA));
}

/* ---- RMI_RTT_UNMAP_UNPROTECTED failure conditions, spec order */

static void unmap_rd_align(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_UNMAP_UNPROTECTED, PA_UNALIGNED(r.rd), UNPROT, 1).x[0],
			 RMI_ERROR_INPUT);
}

static void unmap_rd_bound(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_UNMAP_UNPROTECTED, PA_OUTSIDE_DRAM, UNPROT, 1).x[0],
			 RMI_ERROR_INPUT);
}

static void unmap_rd_state(void **state)
{
	(void)state;
	assert_int_equal(RMI3(RMI_RTT_UNMAP_UNPROTECTED, alloc_delegated(), UNPROT, 1).x[0],
			 RMI_ERROR_INPUT);
	assert_no_locks();
}

static void unmap_level_bound(void **state)
{
	struct rmi_result res;

	(void)state;
	res = unmap(UNPROT, 0);
	assert_int_equal(res.x[0], RMI_ERROR_INPUT);
	assert_int_equal(res.x[1], 0);
	assert_int_equal(unmap(UNPROT, 4).x[0], RMI_ERROR_INPUT);
}

static void unmap_ipa_align(void **state)
{
	(void)state;
	assert_int_equal(unmap(UNPROT + MB2, 1).x[0], RMI_ERROR_INPUT);
}

static void unmap_ipa_bound(void **state)
{
	(void)state;
	assert_int_equal(unmap(0, 1).x[0], RMI_ERROR_INPUT);
	assert_int_equal(unmap(1ULL << 40, 1).x[0], RMI_ERROR_INPUT);
}

static void unmap_rtt_walk(void **state)
{
	struct rmi_result res;

	(void)state;
	(void)test_rtt_create(&r, UNPROT, 2);
	assert_int_equal(map(UNPROT, 2, DESC(NS_PA)), RMI_SUCCESS);
	/* Mapped as a block: the walk stops at level 2, top == ipa. */
	res = unmap(UNPROT, 3);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 2));
	assert_int_equal(res.x[1], UNPROT);
	assert_int_equal(read_entry(UNPROT, 2).x[2], RMI_ASSIGNED);
	assert_no_locks();
}

static void unmap_rtte_state(void **state)
{
	struct rmi_result res;

	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT + 0x9000, 3, DESC(NS_PA)), RMI_SUCCESS);
	/* Not mapped: top is the next live entry, or the RTT's end. */
	res = unmap(UNPROT + 0x1000, 3);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(res.x[1], UNPROT + 0x9000);
	res = unmap(UNPROT + 0xA000, 3);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 3));
	assert_int_equal(res.x[1], UNPROT + MB2);
	/* A TABLE entry at the target level. */
	res = unmap(UNPROT, 2);
	assert_int_equal(res.x[0], RMI_RETURN(RMI_ERROR_RTT, 2));
	assert_no_locks();
}

/* ---- RMI_RTT_UNMAP_UNPROTECTED success */

static void unmap_success(void **state)
{
	struct rmi_result res;

	(void)state;
	test_rtts_to_level(&r, UNPROT, 3);
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA)), RMI_SUCCESS);
	assert_int_equal(map(UNPROT + 0x4000, 3, DESC(NS_PA)), RMI_SUCCESS);
	res = unmap(UNPROT, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], UNPROT + 0x4000);
	assert_unmapped(UNPROT, 3);
	assert_int_equal(read_entry(UNPROT, 3).x[4], RMI_EMPTY);
	res = unmap(UNPROT + 0x4000, 3);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], UNPROT + MB2);
	/* UNASSIGNED_NS again: can be mapped again. */
	assert_int_equal(map(UNPROT, 3, DESC(NS_PA + 0x1000)), RMI_SUCCESS);
}

static void unmap_success_block(void **state)
{
	struct rmi_result res;

	(void)state;
	assert_int_equal(map(UNPROT + 2 * GB, 1, DESC(0x80000000ULL)), RMI_SUCCESS);
	res = unmap(UNPROT + 2 * GB, 1);
	assert_int_equal(res.x[0], RMI_SUCCESS);
	assert_int_equal(res.x[1], 1ULL << 40);		/* end of the second root RTT */
	assert_unmapped(UNPROT + 2 * GB, 1);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(map_attr_valid), T(map_rd_align), T(map_rd_bound), T(map_rd_state),
		T(map_level_bound), T(map_addr_align), T(map_addr_bound),
		T(map_ipa_align), T(map_ipa_bound), T(map_rtt_walk), T(map_rtte_state),
		T(map_success_page), T(map_success_device_block),
		T(map_rtt_with_ns_entries_not_live), T(map_block_unfold_fold),
		T(unmap_rd_align), T(unmap_rd_bound), T(unmap_rd_state),
		T(unmap_level_bound), T(unmap_ipa_align), T(unmap_ipa_bound),
		T(unmap_rtt_walk), T(unmap_rtte_state),
		T(unmap_success), T(unmap_success_block),
	};

	return cmocka_run_group_tests_name("map_unprotected", tests, NULL, NULL);
}
