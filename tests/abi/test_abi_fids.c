// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests for the shared firmware ABI headers (include/abi/),
 * group a: every SMCCC function ID against the reference (the table is in
 * abi-fid-table.c), the per-interface counts, uniqueness, the fnum range
 * and encoding of each FID, and the FID builder macros.
 *
 * Reference legend and check helpers: abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>

#include <abi/types.h>
#include <abi/smccc.h>
#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>
#include <abi/rmm-el3.h>

#include "abi-check.h"
#include "abi-fid-table.h"

static unsigned int count_class(enum fid_class cls)
{
	unsigned int n = 0;

	for (size_t i = 0; i < ARRAY_LEN(fids); i++)
		n += fids[i].cls == cls;
	return n;
}

static void test_fid_values(void **state)
{
	unsigned int fails = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(fids); i++)
		fails += expect_eq("FID", fids[i].name, fids[i].value,
				   fids[i].expected);
	report("FID values", ARRAY_LEN(fids), fails);
}

/* [CCA] §2: "23 commands"; §3.1/§3.2, §7.1, §8, §10.1 row counts. */
static void test_fid_counts_per_interface(void **state)
{
	static const struct {
		const char *name;
		enum fid_class cls;
		unsigned int expected;
	} counts[] = {
		{ "RMI 1.0 commands (§2)",		FID_RMI_1_0, 23 },
		{ "RMI 1.1 additions (§3.1 10 + §3.2 35)", FID_RMI_1_1, 45 },
		{ "RSI 1.0 commands (§7.1)",		FID_RSI_1_0, 10 },
		{ "RSI 1.1 commands (§8)",		FID_RSI_1_1, 12 },
		{ "RMM-EL3 FIDs (§10.1)",		FID_RMM_EL3, 14 },
		{ "PSCI 1.1 FIDs (DEN0022)",		FID_PSCI, 30 },
		{ "SMCCC arch calls",			FID_SMCCC_ARCH, 6 },
	};
	unsigned int fails = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(counts); i++)
		fails += expect_eq("FID count", counts[i].name,
				   count_class(counts[i].cls), counts[i].expected);
	report("FID counts", ARRAY_LEN(counts), fails);
}

static void test_fid_values_are_unique(void **state)
{
	unsigned int fails = 0, checked = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(fids); i++) {
		for (size_t j = i + 1; j < ARRAY_LEN(fids); j++) {
			checked++;
			if (fids[i].value != fids[j].value)
				continue;
			print_error("DUPLICATE FID 0x%08x: %s and %s\n",
				    fids[i].value, fids[i].name, fids[j].name);
			fails++;
		}
	}
	report("FID uniqueness (pairs)", checked, fails);
}

static bool fnum_in(uint32_t fnum, uint32_t first, uint32_t last)
{
	return fnum >= first && fnum <= last;
}

/* The fnum must sit in the range [CCA] §1.1 assigns to its interface. */
static bool fid_in_reference_range(const struct fid_check *f)
{
	uint32_t fnum = f->value & 0xFFFF;

	switch (f->cls) {
	case FID_RMI_1_0:
	case FID_RMI_1_1:
		return (f->value & 0xFFFF0000) == REF_STD_SMC64 &&
		       (fnum_in(fnum, 0x150, 0x18E) || fnum_in(fnum, 0x1D0, 0x2CF));
	case FID_RSI_1_0:
	case FID_RSI_1_1:
		return (f->value & 0xFFFF0000) == REF_STD_SMC64 &&
		       fnum_in(fnum, 0x190, 0x1AF);
	case FID_RMM_EL3:
		/* RMM_RMI_REQ_COMPLETE is 0x18F, inside RMI range 1 */
		return (f->value & 0xFFFF0000) == REF_STD_SMC64 &&
		       (fnum_in(fnum, 0x1B0, 0x1CF) || fnum == 0x18F);
	case FID_PSCI:
		/* PSCI owns fnum 0x00..0x1F of the standard service */
		return (f->value & ~REF_SMC64 & 0xFFFF0000) == 0x84000000 &&
		       fnum <= 0x1F;
	case FID_SMCCC_ARCH:
		return (f->value & 0xFFFF0000) == REF_FAST_CALL;
	}
	return false;
}

static void test_fid_encoding_and_ranges(void **state)
{
	unsigned int fails = 0, checked = 0;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(fids); i++) {
		const struct fid_check *f = &fids[i];
		uint32_t want_oen = (f->value >> 24) & 0x3F;

		checked += 5;
		if (!fid_in_reference_range(f)) {
			print_error("RANGE %s = 0x%08x: outside its [CCA] §1.1 fnum range\n",
				    f->name, f->value);
			fails++;
		}
		/* the header's own field accessors agree with a plain decode */
		fails += expect_eq("SMCCC_FID_OEN", f->name,
				   SMCCC_FID_OEN(f->value), want_oen);
		fails += expect_eq("SMCCC_FID_FNUM", f->name,
				   SMCCC_FID_FNUM(f->value), f->value & 0xFFFF);
		fails += expect_eq("SMCCC_FID_IS_SMC64", f->name,
				   SMCCC_FID_IS_SMC64(f->value),
				   (f->value & REF_SMC64) != 0);
		/* SVE hint and bits 23:17 clear: TF-A is_rmi_fid() ([CCA] §1) */
		fails += expect_eq("FID bits 23:16", f->name,
				   f->value & 0x00FF0000, 0);
	}
	report("FID encoding", checked, fails);
}

/* SMC64_STD_FID() and SMCCC_FID() build what [CCA] §1 says: 0xC4000000 | fnum. */
static void test_fid_builders(void **state)
{
	unsigned int fails = 0, checked = 0;
	char name[48];

	(void)state;
	for (uint32_t fnum = 0x150; fnum <= 0x2CF; fnum++) {
		snprintf(name, sizeof(name), "SMC64_STD_FID(0x%x)", fnum);
		fails += expect_eq("builder", name, SMC64_STD_FID(fnum),
				   REF_STD_SMC64 | fnum);
		checked++;
	}
	fails += expect_eq("builder", "SMCCC_FID(0, 4, 0x0A)",
			   SMCCC_FID(0, SMCCC_OEN_STD, 0x0A), 0x8400000A);
	fails += expect_eq("builder", "SMCCC_FID(0, 0, 0x8000)",
			   SMCCC_FID(0, SMCCC_OEN_ARCH, 0x8000), 0x80008000);
	checked += 2;
	report("FID builders", checked, fails);
}

int main(void)
{
	const struct CMUnitTest fid_tests[] = {
		cmocka_unit_test(test_fid_values),
		cmocka_unit_test(test_fid_counts_per_interface),
		cmocka_unit_test(test_fid_values_are_unique),
		cmocka_unit_test(test_fid_encoding_and_ranges),
		cmocka_unit_test(test_fid_builders),
	};
	int failed = 0;

	failed += cmocka_run_group_tests_name("abi_fids", fid_tests, NULL, NULL);
	return failed ? 1 : 0;
}
