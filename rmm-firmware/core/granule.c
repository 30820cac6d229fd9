/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Granule descriptor array and the lock primitives built on it.  The lock
 * order these primitives serve is written down in <rmm/granule.h>.
 */
#include <string.h>
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/plat.h>

#ifndef RMM_MAX_GRANULES
#define RMM_MAX_GRANULES	0x100000UL	/* 4 GiB of tracked DRAM */
#endif

struct tracked_bank {
	uint64_t base;
	uint64_t num_granules;
	uint64_t first_index;		/* index of its first granule in granules[] */
};

static struct granule granules[RMM_MAX_GRANULES];
static struct tracked_bank banks_tracked[GRANULE_MAX_BANKS];
static size_t num_banks_tracked;

/* Same rules TF-RMM applies to the manifest's DRAM list (cca-interfaces.md §10.4). */
int granule_init(const struct rmm_memory_bank *banks, size_t num_banks)
{
	uint64_t total = 0, prev_end = 0;
	size_t i;

	if (num_banks == 0 || num_banks > GRANULE_MAX_BANKS)
		return -1;

	for (i = 0; i < num_banks; i++) {
		uint64_t base = banks[i].base, size = banks[i].size;

		if (base == 0 || size == 0 || !pa_is_granule_aligned(base) ||
		    !pa_is_granule_aligned(size) || base + size < base ||
		    base < prev_end)
			return -1;
		if ((size >> GRANULE_SHIFT) > RMM_MAX_GRANULES - total)
			return -1;
		prev_end = base + size;
		total += size >> GRANULE_SHIFT;
	}

	total = 0;
	for (i = 0; i < num_banks; i++) {
		banks_tracked[i].base = banks[i].base;
		banks_tracked[i].num_granules = banks[i].size >> GRANULE_SHIFT;
		banks_tracked[i].first_index = total;
		total += banks_tracked[i].num_granules;
	}
	num_banks_tracked = num_banks;
	memset(granules, 0, total * sizeof(granules[0]));
	return 0;
}

struct granule *granule_from_pa(uint64_t pa)
{
	size_t i;

	if (!pa_is_granule_aligned(pa))
		return NULL;

	for (i = 0; i < num_banks_tracked; i++) {
		const struct tracked_bank *b = &banks_tracked[i];
		uint64_t idx;

		if (pa < b->base)
			break;		/* banks are ascending */
		idx = (pa - b->base) >> GRANULE_SHIFT;
		if (idx < b->num_granules)
			return &granules[b->first_index + idx];
	}
	return NULL;
}

uint64_t granule_to_pa(const struct granule *g)
{
	uint64_t idx = (uint64_t)(g - granules);
	size_t i;

	for (i = 0; i < num_banks_tracked; i++) {
		const struct tracked_bank *b = &banks_tracked[i];

		if (idx >= b->first_index && idx < b->first_index + b->num_granules)
			return b->base + ((idx - b->first_index) << GRANULE_SHIFT);
	}
	rmm_assert(false);
	return 0;
}

void granule_lock(struct granule *g)
{
	rmm_spin_lock(&g->lock);
}

void granule_unlock(struct granule *g)
{
	rmm_spin_unlock(&g->lock);
}

bool granule_is_locked(const struct granule *g)
{
	return rmm_spin_is_locked(&g->lock);
}

enum granule_state granule_get_state(const struct granule *g)
{
	return (enum granule_state)g->state;
}

void granule_set_state(struct granule *g, enum granule_state state)
{
	rmm_assert(granule_is_locked(g));
	g->state = (uint8_t)state;
}

void granule_unlock_transition(struct granule *g, enum granule_state state)
{
	granule_set_state(g, state);
	granule_unlock(g);
}

uint16_t granule_refcount_read(const struct granule *g)
{
	return __atomic_load_n(&g->refcount, __ATOMIC_ACQUIRE);
}

void granule_refcount_inc(struct granule *g, uint16_t n)
{
	uint16_t old = __atomic_fetch_add(&g->refcount, n, __ATOMIC_RELEASE);

	rmm_assert((uint16_t)(old + n) >= old);
}

void granule_refcount_dec(struct granule *g, uint16_t n)
{
	uint16_t old = __atomic_fetch_sub(&g->refcount, n, __ATOMIC_RELEASE);

	rmm_assert(old >= n);
}

struct granule *find_lock_granule(uint64_t pa, enum granule_state state)
{
	struct granule *g = granule_from_pa(pa);

	if (g == NULL)
		return NULL;
	granule_lock(g);
	if (granule_get_state(g) != state) {
		granule_unlock(g);
		return NULL;
	}
	return g;
}

bool granule_lock_set(struct granule_lock_req *reqs, size_t n)
{
	uint64_t last = 0;
	size_t locked, i, j;

	for (i = 0; i < n; i++) {
		reqs[i].g = granule_from_pa(reqs[i].pa);
		if (reqs[i].g == NULL)
			return false;
		for (j = 0; j < i; j++)
			if (reqs[j].pa == reqs[i].pa)
				return false;
	}

	/*
	 * Lock by ascending PA (pick the next larger PA each round; n is
	 * small).  Each state is checked as soon as its lock is taken, and the
	 * whole set is released on the first mismatch, so this CPU never waits
	 * for a lock while it holds a granule in a state it did not ask for
	 * (e.g. an RTT or REC_AUX granule that another command locks as an
	 * internal granule): see <rmm/granule.h>.
	 */
	for (locked = 0; locked < n; locked++) {
		size_t next = n;

		for (i = 0; i < n; i++) {
			if ((locked == 0 || reqs[i].pa > last) &&
			    (next == n || reqs[i].pa < reqs[next].pa))
				next = i;
		}
		granule_lock(reqs[next].g);
		last = reqs[next].pa;
		if (granule_get_state(reqs[next].g) != reqs[next].state) {
			for (i = 0; i < n; i++)
				if (reqs[i].pa <= last)
					granule_unlock(reqs[i].g);
			return false;
		}
	}
	return true;
}

void granule_memzero(struct granule *g)
{
	void *va;

	rmm_assert(granule_is_locked(g));
	va = plat_granule_map(granule_to_pa(g));
	memset(va, 0, GRANULE_SIZE);
	plat_granule_unmap(va);
}
