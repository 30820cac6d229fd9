// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one platform hook the RMM's measurement code needs when it runs
 * inside realm-vmm: its internal-invariant check.  A failure is a bug in
 * the shared code, never bad user input, so it aborts.
 */
#include <stdio.h>
#include <stdlib.h>

#include <rmm/plat.h>

void plat_panic(const char *why)
{
	fprintf(stderr, "realm-vmm: internal error in the measurement code: %s\n", why);
	abort();
}
