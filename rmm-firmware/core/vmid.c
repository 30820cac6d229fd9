/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * VMID allocator: a bitmap of the VMIDs in use by realms, so that
 * RMI_REALM_CREATE can enforce VmidIsFree (DEN0137 B4.3.9.2 vmid_valid).
 * Its lock is a leaf in the lock order (<rmm/granule.h>).
 */
#include <plat-lock.h>
#include <rmm/plat.h>
#include <rmm/realm.h>

#define VMID_MAX_COUNT	(1U << 16)
#define BITS_PER_WORD	64U

static uint64_t vmid_bitmap[VMID_MAX_COUNT / BITS_PER_WORD];
static rmm_spinlock_t vmid_lock;

/* Boot-time (and test) initialisation: no VMID in use. */
void vmid_init(void)
{
	for (unsigned int i = 0; i < VMID_MAX_COUNT / BITS_PER_WORD; i++)
		vmid_bitmap[i] = 0;
}

/* Reserve @vmid if it is valid (below 2^VMID width) and free. */
bool vmid_reserve(unsigned int vmid)
{
	uint64_t bit = 1ULL << (vmid % BITS_PER_WORD);
	uint64_t *word = &vmid_bitmap[vmid / BITS_PER_WORD];
	bool ok;

	if (vmid >= (1U << plat_get_features()->vmid_bits))
		return false;

	rmm_spin_lock(&vmid_lock);
	ok = (*word & bit) == 0;
	if (ok)
		*word |= bit;
	rmm_spin_unlock(&vmid_lock);
	return ok;
}

void vmid_free(unsigned int vmid)
{
	rmm_spin_lock(&vmid_lock);
	vmid_bitmap[vmid / BITS_PER_WORD] &= ~(1ULL << (vmid % BITS_PER_WORD));
	rmm_spin_unlock(&vmid_lock);
}
