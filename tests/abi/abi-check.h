/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the host tests of the firmware ABI headers (include/abi/):
 * the reference legend, the independent SMCCC constants and the
 * name-every-mismatch check helpers.  Linked into every tests/abi binary.
 *
 * Every expected value in these tests was transcribed by hand from the
 * reference tables, not copied from the headers:
 *   [CCA] ../shared/reference/cca-interfaces.md      (section given as §n)
 *   [TP]  ../shared/reference/toolchain-and-platform.md
 *   [PSCI] Arm DEN0022 (PSCI 1.1), [SMCCC] Arm DEN0028 (SMCCC 1.4)
 *
 * Table checks report every mismatch by name (print_error) before failing.
 */
#ifndef TESTS_ABI_ABI_CHECK_H
#define TESTS_ABI_ABI_CHECK_H

#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(n)		(1ULL << (n))

/* Independent transcription of the SMCCC FID layout ([CCA] §1, [SMCCC] 2.5). */
#define REF_FAST_CALL	0x80000000U
#define REF_SMC64	0x40000000U
#define REF_STD_SMC64	0xC4000000U	/* fast, SMC64, OEN 4 */

/* 0 if got == want, else print "MISMATCH <group> <name>: ..." and return 1. */
unsigned int expect_eq(const char *group, const char *name,
		       int64_t got, int64_t want);

/* Print the group's check count; fail the test if fails is not 0. */
void report(const char *group, unsigned int checked, unsigned int fails);

struct value_check {
	const char *name;
	int64_t value;		/* from the header */
	int64_t expected;	/* transcribed from the reference */
};

#define VAL(n, exp)	{ #n, (int64_t)(n), (int64_t)(exp) }

/* expect_eq() on each of v[0..n-1], then report() them as group. */
unsigned int check_values(const char *group,
			  const struct value_check *v, size_t n);

#endif /* TESTS_ABI_ABI_CHECK_H */
