// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the shared firmware ABI headers (include/abi/),
 * group c: RmiFeatureRegister0 as [CCA] §5.4 gives it for 1.0-REL0 / 1.1:
 * field positions, tiling, the PUT/GET accessors and a full decode.
 *
 * Reference legend and check helpers: abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include <abi/types.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>
#include <abi/rmm-el3.h>

#include "abi-check.h"

/*
 * [CCA] §5.4, "1.0-REL0 / 1.1 bits" column (NOT the EAC5 column):
 * X(field, shift, width) with shift/width read off the [hi:lo] ranges.
 */
#define FEAT0_FIELDS(X)				\
	X(S2SZ,			 0, 8)	/* [7:0]   */	\
	X(LPA2,			 8, 1)	/* [8]     */	\
	X(SVE_EN,		 9, 1)	/* [9]     */	\
	X(SVE_VL,		10, 4)	/* [13:10] */	\
	X(NUM_BPS,		14, 6)	/* [19:14] */	\
	X(NUM_WPS,		20, 6)	/* [25:20] */	\
	X(PMU_EN,		26, 1)	/* [26]    */	\
	X(PMU_NUM_CTRS,		27, 5)	/* [31:27] */	\
	X(HASH_SHA_256,		32, 1)	/* [32]    */	\
	X(HASH_SHA_512,		33, 1)	/* [33]    */	\
	X(GICV3_NUM_LRS,	34, 4)	/* [37:34] */	\
	X(MAX_RECS_ORDER,	38, 4)	/* [41:38] */	\
	X(DA_EN,		42, 1)	/* [42]    1.1 */	\
	X(PLANE_RTT,		43, 2)	/* [44:43] 1.1 */	\
	X(MAX_NUM_AUX_PLANES,	45, 4)	/* [48:45] 1.1 */	\
	X(RTT_S2AP_INDIRECT,	49, 1)	/* [49]    1.1 */

struct feat0_field {
	const char *name;
	unsigned int shift, width;		/* from the header */
	unsigned int exp_shift, exp_width;	/* from [CCA] §5.4 */
	uint64_t (*put)(uint64_t val);		/* RMI_FEAT0_PUT(val, field) */
	uint64_t (*get)(uint64_t reg);		/* RMI_FEAT0_GET(reg, field) */
};

#define FEAT0_ACCESSORS(f, s, w)					\
	static uint64_t feat0_put_##f(uint64_t val)			\
	{								\
		return RMI_FEAT0_PUT(val, f);				\
	}								\
	static uint64_t feat0_get_##f(uint64_t reg)			\
	{								\
		return RMI_FEAT0_GET(reg, f);				\
	}
FEAT0_FIELDS(FEAT0_ACCESSORS)

#define FEAT0_ENTRY(f, s, w)						\
	{ "RMI_FEAT0_" #f, RMI_FEAT0_##f##_SHIFT, RMI_FEAT0_##f##_WIDTH,	\
	  (s), (w), feat0_put_##f, feat0_get_##f },

static const struct feat0_field feat0[] = {
	FEAT0_FIELDS(FEAT0_ENTRY)
};

static uint64_t ones(unsigned int width)
{
	return width >= 64 ? ~0ULL : BIT(width) - 1;
}

static void test_feat0_field_positions(void **state)
{
	unsigned int fails = 0;
	char name[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(feat0); i++) {
		snprintf(name, sizeof(name), "%s_SHIFT", feat0[i].name);
		fails += expect_eq("FEAT0", name, feat0[i].shift, feat0[i].exp_shift);
		snprintf(name, sizeof(name), "%s_WIDTH", feat0[i].name);
		fails += expect_eq("FEAT0", name, feat0[i].width, feat0[i].exp_width);
	}
	report("FeatureRegister0 positions", 2 * ARRAY_LEN(feat0), fails);
}

/* REL0 packs the fields back to back from bit 0 to bit 49, no overlap. */
static void test_feat0_fields_tile_without_overlap(void **state)
{
	unsigned int fails = 0;
	uint64_t seen = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(feat0); i++) {
		uint64_t mask = ones(feat0[i].width) << feat0[i].shift;

		if (feat0[i].shift + feat0[i].width > 64 || (seen & mask)) {
			print_error("OVERLAP %s: bits 0x%016llx already used\n",
				    feat0[i].name, (unsigned long long)(seen & mask));
			fails++;
		}
		seen |= mask;
	}
	fails += expect_eq("FEAT0", "union of all fields", seen, ones(50));
	report("FeatureRegister0 tiling", ARRAY_LEN(feat0) + 1, fails);
}

static void test_feat0_put_get_round_trip(void **state)
{
	unsigned int fails = 0, checked = 0;
	uint64_t reg = 0, want_reg = 0;
	char name[64];

	(void)state;
	/* each field alone: all-ones, a pattern, and an oversized value */
	for (size_t i = 0; i < ARRAY_LEN(feat0); i++) {
		const struct feat0_field *f = &feat0[i];
		uint64_t max = ones(f->exp_width);
		uint64_t pattern = 0xAAAAAAAAAAAAAAAAULL & max;

		snprintf(name, sizeof(name), "%s PUT(max)", f->name);
		fails += expect_eq("FEAT0", name, f->put(max), max << f->exp_shift);
		snprintf(name, sizeof(name), "%s PUT(oversized)", f->name);
		fails += expect_eq("FEAT0", name, f->put(~0ULL), max << f->exp_shift);
		snprintf(name, sizeof(name), "%s GET(PUT(pattern))", f->name);
		fails += expect_eq("FEAT0", name, f->get(f->put(pattern)), pattern);
		snprintf(name, sizeof(name), "%s GET(~0)", f->name);
		fails += expect_eq("FEAT0", name, f->get(~0ULL), max);
		checked += 4;
	}
	/* all fields together, each with a distinct value */
	for (size_t i = 0; i < ARRAY_LEN(feat0); i++) {
		uint64_t val = (i + 1) & ones(feat0[i].exp_width);

		reg |= feat0[i].put(val);
		want_reg |= val << feat0[i].exp_shift;
	}
	fails += expect_eq("FEAT0", "all fields PUT together", reg, want_reg);
	checked++;
	for (size_t i = 0; i < ARRAY_LEN(feat0); i++) {
		snprintf(name, sizeof(name), "%s GET(all fields)", feat0[i].name);
		fails += expect_eq("FEAT0", name, feat0[i].get(reg),
				   (i + 1) & ones(feat0[i].exp_width));
		checked++;
	}
	report("FeatureRegister0 PUT/GET", checked, fails);
}

/* A TF-RMM-like REL0 value built with literal shifts decodes as expected. */
static void test_feat0_decodes_rel0_register(void **state)
{
	/* S2SZ 48, SVE_EN, SVE_VL 15, BPS 5, WPS 3, PMU_EN, 8 ctrs, both hashes,
	 * 4 LRs (3), MAX_RECS_ORDER 10, PLANE_RTT SINGLE, 3 aux planes */
	const uint64_t reg = 48ULL | BIT(9) | (15ULL << 10) | (5ULL << 14) |
			     (3ULL << 20) | BIT(26) | (8ULL << 27) | BIT(32) |
			     BIT(33) | (3ULL << 34) | (10ULL << 38) |
			     (2ULL << 43) | (3ULL << 45);
	const struct value_check v[] = {
		VAL(RMI_FEAT0_GET(reg, S2SZ),			48),
		VAL(RMI_FEAT0_GET(reg, LPA2),			0),
		VAL(RMI_FEAT0_GET(reg, SVE_EN),			1),
		VAL(RMI_FEAT0_GET(reg, SVE_VL),			15),
		VAL(RMI_FEAT0_GET(reg, NUM_BPS),		5),
		VAL(RMI_FEAT0_GET(reg, NUM_WPS),		3),
		VAL(RMI_FEAT0_GET(reg, PMU_EN),			1),
		VAL(RMI_FEAT0_GET(reg, PMU_NUM_CTRS),		8),
		VAL(RMI_FEAT0_GET(reg, HASH_SHA_256),		1),
		VAL(RMI_FEAT0_GET(reg, HASH_SHA_512),		1),
		VAL(RMI_FEAT0_GET(reg, GICV3_NUM_LRS),		3),
		VAL(RMI_FEAT0_GET(reg, MAX_RECS_ORDER),		10),
		VAL(RMI_FEAT0_GET(reg, DA_EN),			0),
		VAL(RMI_FEAT0_GET(reg, PLANE_RTT),		RMI_PLANE_RTT_SINGLE),
		VAL(RMI_FEAT0_GET(reg, MAX_NUM_AUX_PLANES),	3),
		VAL(RMI_FEAT0_GET(reg, RTT_S2AP_INDIRECT),	0),
	};

	(void)state;
	check_values("FeatureRegister0 decode", v, ARRAY_LEN(v));
}

int main(void)
{
	const struct CMUnitTest feat0_tests[] = {
		cmocka_unit_test(test_feat0_field_positions),
		cmocka_unit_test(test_feat0_fields_tile_without_overlap),
		cmocka_unit_test(test_feat0_put_get_round_trip),
		cmocka_unit_test(test_feat0_decodes_rel0_register),
	};
	int failed = 0;

	failed += cmocka_run_group_tests_name("abi_feature_register0", feat0_tests, NULL, NULL);
	return failed ? 1 : 0;
}
