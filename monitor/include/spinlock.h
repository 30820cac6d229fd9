/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test-and-set spinlock for monitor state shared between CPUs.  Only used
 * with the MMU on: exclusives need Normal cacheable memory.
 */
#ifndef MONITOR_SPINLOCK_H
#define MONITOR_SPINLOCK_H

#include <stdint.h>

typedef struct {
	volatile uint32_t word;
} spinlock_t;

static inline void spin_lock(spinlock_t *l)
{
	uint32_t tmp;

	__asm__ volatile(
		"	sevl\n"
		"1:	wfe\n"
		"2:	ldaxr	%w0, %1\n"
		"	cbnz	%w0, 1b\n"
		"	stxr	%w0, %w2, %1\n"
		"	cbnz	%w0, 2b\n"
		: "=&r"(tmp), "+Q"(l->word)
		: "r"(1)
		: "memory");
}

static inline void spin_unlock(spinlock_t *l)
{
	__asm__ volatile("stlr wzr, %0" : "=Q"(l->word) :: "memory");
}

#endif /* MONITOR_SPINLOCK_H */
