/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Internal-invariant checks.  Never used on a value the host controls: those
 * get an architected RMI status instead (style-examples.md §2).
 */
#ifndef RMM_ASSERT_H
#define RMM_ASSERT_H

#include <rmm/plat.h>

#define RMM_STR2(x)	#x
#define RMM_STR(x)	RMM_STR2(x)

#define rmm_assert(cond) \
	do { \
		if (!(cond)) \
			plat_panic(__FILE__ ":" RMM_STR(__LINE__) ": " #cond); \
	} while (0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* RMM_ASSERT_H */
