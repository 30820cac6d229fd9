/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Memory Encryption Contexts (RMI 1.1, FEAT_MEC; cca-interfaces.md §13).
 *
 * MECID numbering: the host names user MECIDs 0..mec_max_mecid()
 * (RMI_FEATURES index 1).  Hardware MECID 0 is the RMM's own context, so
 * user MECID n is programmed as n + MEC_RESERVED_IDS.
 *
 * Every user MECID is in one of three states (DEN0137 1.1 MecState):
 *   PRIVATE_UNASSIGNED  the initial state; free
 *   PRIVATE_ASSIGNED    owned by exactly one live realm
 *   SHARED              set by RMI_MEC_SET_SHARED; any number of realms
 *                       (the members) may use it
 * RMI_MEC_SET_SHARED: PRIVATE_UNASSIGNED -> SHARED.
 * RMI_MEC_SET_PRIVATE: SHARED with no members -> PRIVATE_UNASSIGNED.
 * REALM_CREATE: PRIVATE_UNASSIGNED -> PRIVATE_ASSIGNED, or SHARED members+1.
 * REALM_DESTROY: the reverse.
 *
 * EL3 refresh: reserving a MECID (a private assignment, or making it
 * shared) calls RMM_MEC_REFRESH(reason create) and releasing one calls
 * RMM_MEC_REFRESH(reason destroy).  A MECID is only ever handed to a realm
 * after a successful refresh since it was last released: if the create
 * refresh fails the reservation fails (the MECID is unusable until EL3
 * refreshes it), so a failed destroy refresh can never leak old contents.
 *
 * Hosts that negotiated RMI 1.0 have no mecid in RealmParams: their realms
 * are members of user MECID 0 used as a shared MECID.  If MECID 0 is
 * PRIVATE_UNASSIGNED at that point it becomes SHARED implicitly, and
 * reverts when its last such member is destroyed.
 */
#ifndef RMM_MEC_H
#define RMM_MEC_H

#include <stdbool.h>
#include <stdint.h>

#define MEC_RESERVED_IDS	1U	/* hardware MECID 0: the RMM */
#define MEC_MAX_HW_BITS		16U
#define MEC_MAX_USER_IDS	((1U << MEC_MAX_HW_BITS) - MEC_RESERVED_IDS)
#define MEC_LEGACY_MECID	0U	/* what RMI 1.0 realms use */

enum mec_state {
	MEC_PRIVATE_UNASSIGNED = 0,
	MEC_PRIVATE_ASSIGNED = 1,
	MEC_SHARED = 2,
};

static inline unsigned int mec_hw_mecid(unsigned int user_mecid)
{
	return user_mecid + MEC_RESERVED_IDS;
}

/* Boot (and test) reset: every MECID PRIVATE_UNASSIGNED. */
void mec_init(void);

/* Largest user MECID: (2^width - 1) - MEC_RESERVED_IDS, 0 without FEAT_MEC. */
uint64_t mec_max_mecid(void);

/*
 * REALM_CREATE: reserve @mecid (ignored if @legacy) for a new realm.
 * False if it is out of range, PRIVATE_ASSIGNED, or EL3 refused the
 * refresh.  *@user gets the user MECID the realm uses.
 */
bool mec_realm_reserve(uint64_t mecid, bool legacy, uint32_t *user);
/* REALM_DESTROY: release what mec_realm_reserve() reserved. */
void mec_realm_release(uint32_t user);

/* State and member count of a user MECID (diagnostics and tests). */
enum mec_state mec_state_of(uint32_t user);
uint64_t mec_members_of(uint32_t user);

#endif /* RMM_MEC_H */
