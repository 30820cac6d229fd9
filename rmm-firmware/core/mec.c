/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * MECID bookkeeping and RMI_MEC_SET_SHARED / RMI_MEC_SET_PRIVATE
 * (RMI 1.1; the state model is described in <rmm/mec.h>).
 *
 * One lock covers the whole table; it is a leaf in the lock order like the
 * VMID allocator's, and is held across the RMM_MEC_REFRESH SMC so that no
 * other CPU can hand out a MECID between its refresh and its state change
 * (the SMC is synchronous and short: EL3 only bumps a counter on QEMU).
 */
#include <plat-lock.h>
#include <abi/rmm-el3.h>
#include <rmm/mec.h>
#include <rmm/plat.h>
#include <rmm/rmi-handlers.h>

static uint8_t mec_states[MEC_MAX_USER_IDS];		/* enum mec_state */
static uint32_t mec_members[MEC_MAX_USER_IDS];		/* SHARED only */
static bool mec_legacy_implicit;	/* MECID 0 SHARED because of 1.0 realms */
static rmm_spinlock_t mec_lock;

void mec_init(void)
{
	for (unsigned int i = 0; i < MEC_MAX_USER_IDS; i++) {
		mec_states[i] = MEC_PRIVATE_UNASSIGNED;
		mec_members[i] = 0;
	}
	mec_legacy_implicit = false;
}

uint64_t mec_max_mecid(void)
{
	unsigned int bits = plat_get_features()->mecid_bits;

	if (bits == 0)
		return 0;
	if (bits > MEC_MAX_HW_BITS)
		bits = MEC_MAX_HW_BITS;
	return ((1ULL << bits) - 1) - MEC_RESERVED_IDS;
}

/* Ask EL3 for a fresh key; without FEAT_MEC there is nothing to refresh. */
static bool refresh(uint32_t user, unsigned int reason)
{
	if (plat_get_features()->mecid_bits == 0)
		return true;
	return plat_mec_refresh(mec_hw_mecid(user), reason) == E_RMM_OK;
}

/* PRIVATE_UNASSIGNED -> @to, after a successful create refresh. */
static bool reserve_locked(uint32_t user, enum mec_state to)
{
	if (!refresh(user, RMM_MEC_REFRESH_REASON_CREATE))
		return false;
	mec_states[user] = (uint8_t)to;
	mec_members[user] = to == MEC_SHARED ? 0 : 1;
	return true;
}

/*
 * -> PRIVATE_UNASSIGNED.  A failed destroy refresh is not fatal: the next
 * reservation refreshes again and fails if EL3 still cannot.
 */
static void release_locked(uint32_t user)
{
	(void)refresh(user, RMM_MEC_REFRESH_REASON_DESTROY);
	mec_states[user] = MEC_PRIVATE_UNASSIGNED;
	mec_members[user] = 0;
}

bool mec_realm_reserve(uint64_t mecid, bool legacy, uint32_t *user)
{
	bool ok = false;
	uint32_t id;

	if (legacy)
		mecid = MEC_LEGACY_MECID;
	if (mecid > mec_max_mecid())
		return false;
	id = (uint32_t)mecid;

	rmm_spin_lock(&mec_lock);
	switch (mec_states[id]) {
	case MEC_SHARED:
		ok = mec_members[id] != UINT32_MAX;
		if (ok)
			mec_members[id]++;
		break;
	case MEC_PRIVATE_UNASSIGNED:
		if (legacy) {
			ok = reserve_locked(id, MEC_SHARED);
			if (ok) {
				mec_members[id] = 1;
				mec_legacy_implicit = true;
			}
		} else {
			ok = reserve_locked(id, MEC_PRIVATE_ASSIGNED);
		}
		break;
	default:			/* PRIVATE_ASSIGNED: another realm's */
		break;
	}
	rmm_spin_unlock(&mec_lock);
	if (ok)
		*user = id;
	return ok;
}

void mec_realm_release(uint32_t user)
{
	if (user >= MEC_MAX_USER_IDS)
		plat_panic("mec_realm_release: MECID out of range");

	rmm_spin_lock(&mec_lock);
	if (mec_states[user] == MEC_SHARED) {
		if (mec_members[user] == 0)
			plat_panic("mec_realm_release: shared MECID without members");
		if (--mec_members[user] == 0 && user == MEC_LEGACY_MECID &&
		    mec_legacy_implicit) {
			mec_legacy_implicit = false;
			release_locked(user);
		}
	} else if (mec_states[user] == MEC_PRIVATE_ASSIGNED) {
		release_locked(user);
	} else {
		plat_panic("mec_realm_release: MECID not reserved");
	}
	rmm_spin_unlock(&mec_lock);
}

enum mec_state mec_state_of(uint32_t user)
{
	return user < MEC_MAX_USER_IDS ? (enum mec_state)mec_states[user] : MEC_PRIVATE_UNASSIGNED;
}

uint64_t mec_members_of(uint32_t user)
{
	return user < MEC_MAX_USER_IDS ? mec_members[user] : 0;
}

/*
 * RMI_MEC_SET_SHARED (DEN0137 1.1).  Failure conditions, all
 * RMI_ERROR_INPUT: mecid_bound (mecid > MAX_MECID), state (not
 * PRIVATE_UNASSIGNED).  Beyond the spec: an EL3 refresh failure also
 * returns RMI_ERROR_INPUT, leaving the MECID PRIVATE_UNASSIGNED, because a
 * MECID that could not be re-keyed must not be shared.
 */
void rmi_mec_set_shared(const uint64_t *args, struct rmi_result *res)
{
	uint64_t mecid = args[0];

	res->x[0] = RMI_ERROR_INPUT;
	if (mecid > mec_max_mecid())
		return;

	rmm_spin_lock(&mec_lock);
	if (mec_states[mecid] == MEC_PRIVATE_UNASSIGNED &&
	    reserve_locked((uint32_t)mecid, MEC_SHARED))
		res->x[0] = RMI_SUCCESS;
	rmm_spin_unlock(&mec_lock);
}

/*
 * RMI_MEC_SET_PRIVATE (DEN0137 1.1).  Failure conditions, all
 * RMI_ERROR_INPUT: mecid_bound, state (not SHARED), members (a live realm
 * still uses it).
 */
void rmi_mec_set_private(const uint64_t *args, struct rmi_result *res)
{
	uint64_t mecid = args[0];

	res->x[0] = RMI_ERROR_INPUT;
	if (mecid > mec_max_mecid())
		return;

	rmm_spin_lock(&mec_lock);
	if (mec_states[mecid] == MEC_SHARED && mec_members[mecid] == 0) {
		release_locked((uint32_t)mecid);
		res->x[0] = RMI_SUCCESS;
	}
	rmm_spin_unlock(&mec_lock);
}
