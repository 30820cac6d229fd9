/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gcc's own <limits.h> recurses into the C library's (via syslimits.h)
 * unless told that there is none; -nostdinc leaves no such file, so the
 * recursion would fail.  Declare the absent libc header as "already seen"
 * and take every macro from the compiler's copy.
 */
#ifndef FWLIB_LIMITS_H
#define FWLIB_LIMITS_H

#define _LIBC_LIMITS_H_
#include_next <limits.h>

#endif /* FWLIB_LIMITS_H */
