/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Fixed-width types, offsetof and static_assert for the firmware ABI headers.
 *
 * The headers under include/abi/ are included unchanged by three kinds of
 * build: the Kbuild module (__KERNEL__), the freestanding firmware (only the
 * compiler's own <stdint.h>/<stddef.h>) and hosted tools and tests.  This file
 * is the only place that knows the difference.
 */
#ifndef ABI_TYPES_H
#define ABI_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>
#else
#include <stdint.h>
#include <stddef.h>
#ifndef static_assert
#define static_assert _Static_assert
#endif
#endif

/* Pin the offset of a member of an ABI structure at compile time. */
#define ABI_OFFSET(type, member, off) \
	static_assert(offsetof(type, member) == (off), #type "." #member " must be at " #off)
#define ABI_SIZE(type, size) \
	static_assert(sizeof(type) == (size), #type " must be " #size " bytes")

/* Bit-field helpers for register-shaped ABI values (feature registers, ...). */
#define ABI_MASK(shift, width)	((((uint64_t)1 << (width)) - 1) << (shift))
#define ABI_GET(val, shift, width) (((uint64_t)(val) >> (shift)) & (((uint64_t)1 << (width)) - 1))
#define ABI_PUT(val, shift, width) (((uint64_t)(val) << (shift)) & ABI_MASK(shift, width))

#endif /* ABI_TYPES_H */
