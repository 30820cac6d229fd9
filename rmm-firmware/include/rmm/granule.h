/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Granule tracking: one descriptor (lock, state, refcount) per 4 KiB granule
 * of the DRAM banks the RMM was handed at boot (cca-interfaces.md §6.1).
 *
 * LOCK ORDER
 * ----------
 * Any RMI command may run on any CPU at the same time as any other, so every
 * granule an RMI command reads or changes is locked, and locks are taken in
 * one global order so that no two CPUs can wait on each other:
 *
 *  1. External granules first.  An external granule is one whose PA the host
 *     passes as an argument or in a parameter structure (the RD, a REC, a
 *     granule being delegated, undelegated or given a new role: RTT, DATA,
 *     REC, REC auxiliary granules named in RmiRecParams, the two RECs of
 *     RMI_PSCI_COMPLETE).  When a command needs several of them at once it
 *     locks them in ascending PA order (granule_lock_set()), whatever their
 *     roles, and checks each one's state as soon as it holds its lock: on
 *     the first mismatch it releases the whole set.  So a CPU never waits
 *     for a lock while it holds a granule in a state it did not ask for (an
 *     RTT or REC_AUX granule that another CPU may hold as an internal
 *     granule while it waits for something this CPU holds).
 *  2. Then internal granules, reached through pointers the RMM keeps:
 *     a. RTTs, root to leaf.  The first starting-level RTT of a realm
 *        (rd->rtt_base) is the lock for all its concatenated starting-level
 *        RTTs.  A walk locks the child before releasing the parent
 *        (hand-over-hand), so it holds at most two RTT locks at a time.
 *     b. DATA granules (one at a time), after the level-3 RTT that maps
 *        them (RMI_DATA_DESTROY).
 *     c. REC_AUX granules, after their REC, in ascending PA order
 *        (RMI_REC_DESTROY).
 *  3. The RD may be unlocked once the root RTT is locked (RD -> RTT root is
 *     the only RD-to-internal step), so a long walk does not block other
 *     commands on the same realm's RD.  Commands that extend the RIM after
 *     the walk (RMI_DATA_CREATE, RMI_RTT_INIT_RIPAS) keep the RD locked
 *     throughout.  RMI_RTT_SET_RIPAS keeps the REC (external) locked while
 *     it walks the RTTs.
 *
 *  The VMID allocator's lock (core/vmid.c) is a leaf: nothing else is
 *  locked while it is held.
 *
 * The state of a granule changes only with its lock held.  Refcounts use
 * atomic operations because REC_DESTROY releases its reference on the RD
 * holding only the REC lock.
 *
 * Refcount meaning per state:
 *   RD   number of RECs of the realm
 *   RTT  number of entries that are TABLE or ASSIGNED (protected; an assigned
 *        block counts once, like a page).  Unprotected ASSIGNED_NS entries do
 *        not count: such an RTT is not live (DEN0137 A5.5.8).
 *   REC  1 while the REC is running on a CPU (<rmm/rec.h>)
 */
#ifndef RMM_GRANULE_H
#define RMM_GRANULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <abi/rmm-el3.h>
#include <plat-lock.h>

#define GRANULE_SHIFT		12
#define GRANULE_SIZE		(1UL << GRANULE_SHIFT)
#define GRANULE_MASK		(GRANULE_SIZE - 1)

/* Values as in the reference (cca-interfaces.md §6.1). */
enum granule_state {
	GRANULE_STATE_NS = 0,		/* spec: UNDELEGATED */
	GRANULE_STATE_DELEGATED = 1,
	GRANULE_STATE_RD = 2,
	GRANULE_STATE_REC = 3,
	GRANULE_STATE_REC_AUX = 4,
	GRANULE_STATE_DATA = 5,
	GRANULE_STATE_RTT = 6,
};

struct granule {
	rmm_spinlock_t lock;
	uint8_t state;
	uint16_t refcount;
};

/* Largest number of DRAM banks accepted from the boot manifest. */
#define GRANULE_MAX_BANKS	8

/*
 * Track the granules of @banks (ascending, non-overlapping, 4 KiB aligned,
 * at most RMM_MAX_GRANULES in total).  All tracked granules start NS.
 * Returns 0, or -1 if the description is invalid.
 */
int granule_init(const struct rmm_memory_bank *banks, size_t num_banks);

/* NULL unless @pa is granule aligned and inside tracked DRAM. */
struct granule *granule_from_pa(uint64_t pa);
uint64_t granule_to_pa(const struct granule *g);

static inline bool pa_is_granule_aligned(uint64_t pa)
{
	return (pa & GRANULE_MASK) == 0;
}

void granule_lock(struct granule *g);
void granule_unlock(struct granule *g);
bool granule_is_locked(const struct granule *g);

/* Caller holds the lock. */
enum granule_state granule_get_state(const struct granule *g);
void granule_set_state(struct granule *g, enum granule_state state);
void granule_unlock_transition(struct granule *g, enum granule_state state);

uint16_t granule_refcount_read(const struct granule *g);
void granule_refcount_inc(struct granule *g, uint16_t n);
void granule_refcount_dec(struct granule *g, uint16_t n);

/*
 * Find and lock the granule at @pa if it is in @state.  Returns NULL (nothing
 * locked) if @pa is not a tracked granule or the state differs.
 */
struct granule *find_lock_granule(uint64_t pa, enum granule_state state);

/*
 * Lock several external granules together, in ascending PA order.  Each
 * request names a PA and the state it must be in; on success every .g is set
 * and locked.  Fails (nothing left locked) if a PA is untracked, two PAs are
 * equal or a state differs.
 */
struct granule_lock_req {
	uint64_t pa;
	enum granule_state state;
	struct granule *g;
};
bool granule_lock_set(struct granule_lock_req *reqs, size_t n);

/* Map, zero and unmap a granule the RMM owns (caller holds its lock). */
void granule_memzero(struct granule *g);

#endif /* RMM_GRANULE_H */
