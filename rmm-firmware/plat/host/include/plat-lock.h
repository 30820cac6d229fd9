/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Host (unit-test) spinlock.  The host build is single-threaded, so a lock
 * that is already held can only mean a locking bug (double lock, or a missing
 * unlock on an error path): the test-and-set catches it and panics, which the
 * tests observe as a failure.
 */
#ifndef PLAT_LOCK_H
#define PLAT_LOCK_H

#include <stdbool.h>
#include <rmm/plat.h>

typedef struct {
	unsigned char held;
} rmm_spinlock_t;

static inline void rmm_spin_lock(rmm_spinlock_t *l)
{
	if (__atomic_test_and_set(&l->held, __ATOMIC_ACQUIRE))
		plat_panic("double lock");
}

static inline void rmm_spin_unlock(rmm_spinlock_t *l)
{
	if (!__atomic_load_n(&l->held, __ATOMIC_RELAXED))
		plat_panic("unlock of a free lock");
	__atomic_clear(&l->held, __ATOMIC_RELEASE);
}

static inline bool rmm_spin_is_locked(const rmm_spinlock_t *l)
{
	return __atomic_load_n(&l->held, __ATOMIC_RELAXED) != 0;
}

#endif /* PLAT_LOCK_H */
