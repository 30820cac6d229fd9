// SPDX-License-Identifier: GPL-2.0-only
/*
 * Check helpers shared by the tests/abi binaries; see abi-check.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "abi-check.h"

unsigned int expect_eq(const char *group, const char *name,
		       int64_t got, int64_t want)
{
	if (got == want)
		return 0;
	print_error("MISMATCH %s %s: header %lld (0x%llx), reference %lld (0x%llx)\n",
		    group, name, (long long)got, (unsigned long long)got,
		    (long long)want, (unsigned long long)want);
	return 1;
}

void report(const char *group, unsigned int checked, unsigned int fails)
{
	print_message("[   INFO   ] %s: %u checks, %u mismatches\n",
		      group, checked, fails);
	if (fails)
		fail_msg("%u mismatch(es) in %s, each named above", fails, group);
}

unsigned int check_values(const char *group,
			  const struct value_check *v, size_t n)
{
	unsigned int fails = 0;

	for (size_t i = 0; i < n; i++)
		fails += expect_eq(group, v[i].name, v[i].value, v[i].expected);
	report(group, n, fails);
	return fails;
}
