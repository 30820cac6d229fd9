/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * aarch64 spinlock: test-and-set with acquire/release ordering through the
 * compiler's atomic builtins (LDAXRB/STXRB; the Makefile passes
 * -mno-outline-atomics so no libgcc helper is needed).
 */
#ifndef PLAT_LOCK_H
#define PLAT_LOCK_H

#include <stdbool.h>

typedef struct {
	unsigned char held;
} rmm_spinlock_t;

static inline void rmm_spin_lock(rmm_spinlock_t *l)
{
	while (__atomic_test_and_set(&l->held, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(&l->held, __ATOMIC_RELAXED))
			;
	}
}

static inline void rmm_spin_unlock(rmm_spinlock_t *l)
{
	__atomic_clear(&l->held, __ATOMIC_RELEASE);
}

static inline bool rmm_spin_is_locked(const rmm_spinlock_t *l)
{
	return __atomic_load_n(&l->held, __ATOMIC_RELAXED) != 0;
}

#endif /* PLAT_LOCK_H */
