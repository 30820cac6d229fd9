// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for monitor/gpt.c: table construction for the QEMU virt
 * layout, GPI lookups, and the granule transition rules and maintenance
 * order of §11.4 (cca-interfaces.md), checked through fake gpt_arch_* hooks
 * that record what the firmware would have asked the CPU to do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <abi/rmm-el3.h>
#include <gpt.h>
#include <plat/layout.h>

#define PPS_BITS	32		/* 4 GiB: four L0 entries keep the test small */
#define DRAM_END	0xC0000000ULL	/* -m 2G */
#define L1_TABLES	8

/* ------------------------------------------------------------ fake hooks */

enum op { OP_POPA, OP_TLBI };

struct recorded_op {
	enum op op;
	uint64_t pa;
	unsigned int pas;	/* OP_POPA */
	int gpi_seen;		/* OP_TLBI: the GPI the table held when invalidated */
};

static struct gpt g;
static struct recorded_op ops[16];
static unsigned int nops;
static bool locked;

void gpt_arch_lock(void)
{
	assert_false(locked);
	locked = true;
}

void gpt_arch_unlock(void)
{
	assert_true(locked);
	locked = false;
}

void gpt_arch_popa_clean_inval(uint64_t pa, unsigned int pas)
{
	assert_true(locked);
	assert_true(nops < 16);
	ops[nops++] = (struct recorded_op){ .op = OP_POPA, .pa = pa, .pas = pas };
}

void gpt_arch_tlbi_granule(uint64_t pa)
{
	assert_true(locked);
	assert_true(nops < 16);
	ops[nops++] = (struct recorded_op){ .op = OP_TLBI, .pa = pa, .gpi_seen = gpt_get_gpi(&g, pa) };
}

/* ------------------------------------------------------------ fixture */

static const struct gpt_region regions[] = {
	{ ROOT_SRAM_BASE, ROOT_SRAM_END - ROOT_SRAM_BASE, GPI_ROOT, false },
	{ ROOT_SRAM_END, SRAM_BASE + SRAM_SIZE - ROOT_SRAM_END, GPI_SECURE, false },
	{ DRAM_BASE, RMM_CARVEOUT_BASE - DRAM_BASE, GPI_NS, true },
	{ RMM_CARVEOUT_BASE, RMM_CARVEOUT_SIZE, GPI_REALM, false },
	{ RMM_CARVEOUT_END, DRAM_END - RMM_CARVEOUT_END, GPI_NS, true },
};

static int setup(void **state)
{
	(void)state;
	memset(&g, 0, sizeof(g));
	g.pps_bits = PPS_BITS;
	g.l0 = aligned_alloc(8192, 8192);
	g.l1 = aligned_alloc(GPT_L1_TABLE_BYTES, (size_t)L1_TABLES * GPT_L1_TABLE_BYTES);
	g.l1_pa = GPT_L1_BASE;	/* descriptors carry the firmware's PA */
	g.l1_capacity = L1_TABLES;
	g.regions = regions;
	g.nregions = sizeof(regions) / sizeof(regions[0]);
	g.default_gpi = GPI_ANY;
	nops = 0;
	locked = false;
	if (!g.l0 || !g.l1)
		return -1;
	return gpt_build(&g);
}

static int teardown(void **state)
{
	(void)state;
	free(g.l0);
	free(g.l1);
	return 0;
}

/* ------------------------------------------------------------ tests */

static void test_l0_descriptors(void **state)
{
	(void)state;
	/* GiB 0 is mixed, GiBs 1-2 are delegable DRAM, GiB 3 is beyond DRAM. */
	assert_int_equal(g.l1_used, 3);
	assert_int_equal(g.l0[0], GPT_L1_BASE | 0x3);
	assert_int_equal(g.l0[1], (GPT_L1_BASE + GPT_L1_TABLE_BYTES) | 0x3);
	assert_int_equal(g.l0[2], (GPT_L1_BASE + 2 * GPT_L1_TABLE_BYTES) | 0x3);
	assert_int_equal(g.l0[3], (GPI_ANY << 4) | 0x1);
}

static void test_gpi_lookup(void **state)
{
	(void)state;
	assert_int_equal(gpt_get_gpi(&g, 0x0), GPI_ANY);			/* flash */
	assert_int_equal(gpt_get_gpi(&g, 0x09000000), GPI_ANY);		/* UART */
	assert_int_equal(gpt_get_gpi(&g, ROOT_SRAM_BASE), GPI_ROOT);
	assert_int_equal(gpt_get_gpi(&g, GPT_L0_BASE), GPI_ROOT);
	assert_int_equal(gpt_get_gpi(&g, ROOT_SRAM_END - 0x1000), GPI_ROOT);
	assert_int_equal(gpt_get_gpi(&g, ROOT_SRAM_END), GPI_SECURE);
	assert_int_equal(gpt_get_gpi(&g, SRAM_BASE + SRAM_SIZE), GPI_ANY);
	assert_int_equal(gpt_get_gpi(&g, DRAM_BASE), GPI_NS);
	assert_int_equal(gpt_get_gpi(&g, RMM_CARVEOUT_BASE - 0x1000), GPI_NS);
	assert_int_equal(gpt_get_gpi(&g, RMM_CARVEOUT_BASE), GPI_REALM);
	assert_int_equal(gpt_get_gpi(&g, RMM_SHARED_PAGE), GPI_REALM);
	assert_int_equal(gpt_get_gpi(&g, RMM_CARVEOUT_END), GPI_NS);
	assert_int_equal(gpt_get_gpi(&g, DRAM_END - 0x1000), GPI_NS);
	assert_int_equal(gpt_get_gpi(&g, DRAM_END), GPI_ANY);
	assert_int_equal(gpt_get_gpi(&g, 1ULL << PPS_BITS), -1);
}

static void test_delegate_sequence(void **state)
{
	uint64_t pa = KERNEL_BASE + 0x5000;

	(void)state;
	assert_int_equal(gpt_table_delegate(&g, pa), E_RMM_OK);
	assert_int_equal(gpt_get_gpi(&g, pa), GPI_REALM);
	/* Neighbours in the same L1 entry are untouched. */
	assert_int_equal(gpt_get_gpi(&g, pa - 0x1000), GPI_NS);
	assert_int_equal(gpt_get_gpi(&g, pa + 0x1000), GPI_NS);

	assert_int_equal(nops, 3);
	assert_int_equal(ops[0].op, OP_POPA);
	assert_int_equal(ops[0].pas, GPT_PAS_REALM);
	assert_int_equal(ops[1].op, OP_TLBI);
	assert_int_equal(ops[1].gpi_seen, GPI_REALM);
	assert_int_equal(ops[2].op, OP_POPA);
	assert_int_equal(ops[2].pas, GPT_PAS_NS);
	assert_false(locked);
}

static void test_undelegate_sequence(void **state)
{
	uint64_t pa = INITRD_BASE;

	(void)state;
	assert_int_equal(gpt_table_delegate(&g, pa), E_RMM_OK);
	nops = 0;
	assert_int_equal(gpt_table_undelegate(&g, pa), E_RMM_OK);
	assert_int_equal(gpt_get_gpi(&g, pa), GPI_NS);

	assert_int_equal(nops, 4);
	assert_int_equal(ops[0].op, OP_TLBI);
	assert_int_equal(ops[0].gpi_seen, GPI_NO_ACCESS);
	assert_int_equal(ops[1].op, OP_POPA);
	assert_int_equal(ops[1].pas, GPT_PAS_REALM);
	assert_int_equal(ops[2].op, OP_POPA);
	assert_int_equal(ops[2].pas, GPT_PAS_NS);
	assert_int_equal(ops[3].op, OP_TLBI);
	assert_int_equal(ops[3].gpi_seen, GPI_NS);
	assert_false(locked);
}

static void test_refusals(void **state)
{
	uint64_t pa = DRAM_END - 0x1000;

	(void)state;
	assert_int_equal(gpt_table_delegate(&g, pa + 0x10), E_RMM_BAD_ADDR);	/* unaligned */
	assert_int_equal(gpt_table_delegate(&g, DRAM_END), E_RMM_BAD_ADDR);	/* past DRAM */
	assert_int_equal(gpt_table_delegate(&g, 1ULL << PPS_BITS), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_delegate(&g, 1ULL << 52), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_delegate(&g, ROOT_SRAM_BASE), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_delegate(&g, ROOT_SRAM_END), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_delegate(&g, 0x09000000), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_delegate(&g, RMM_CARVEOUT_BASE), E_RMM_BAD_ADDR);
	assert_int_equal(gpt_table_undelegate(&g, RMM_SHARED_PAGE), E_RMM_BAD_ADDR);
	assert_int_equal(nops, 0);

	/* Already in the target PAS. */
	assert_int_equal(gpt_table_undelegate(&g, pa), E_RMM_BAD_PAS);
	assert_int_equal(gpt_table_delegate(&g, pa), E_RMM_OK);
	nops = 0;
	assert_int_equal(gpt_table_delegate(&g, pa), E_RMM_BAD_PAS);
	assert_int_equal(nops, 0);
	assert_int_equal(gpt_get_gpi(&g, pa), GPI_REALM);
	assert_false(locked);
}

static void test_build_rejects_bad_layouts(void **state)
{
	static const struct gpt_region overlapping[] = {
		{ DRAM_BASE, 0x200000, GPI_NS, true },
		{ DRAM_BASE + 0x100000, 0x200000, GPI_REALM, false },
	};
	static const struct gpt_region unaligned[] = {
		{ DRAM_BASE + 0x800, 0x1000, GPI_NS, true },
	};
	struct gpt bad = g;

	(void)state;
	bad.l1_capacity = 2;		/* the layout needs 3 tables */
	assert_int_equal(gpt_build(&bad), -1);

	bad = g;
	bad.regions = overlapping;
	bad.nregions = 2;
	assert_int_equal(gpt_build(&bad), -1);

	bad = g;
	bad.regions = unaligned;
	bad.nregions = 1;
	assert_int_equal(gpt_build(&bad), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_l0_descriptors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gpi_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delegate_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undelegate_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_build_rejects_bad_layouts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
