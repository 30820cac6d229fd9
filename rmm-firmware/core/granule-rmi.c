/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_GRANULE_DELEGATE / RMI_GRANULE_UNDELEGATE (DEN0137 B4.3.5, B4.3.6).
 *
 * Failure conditions, in spec order, all RMI_ERROR_INPUT:
 *   DELEGATE:   gran_align, gran_bound, gran_state (!= UNDELEGATED),
 *               gran_gpt (EL3 refuses: the PA is not NS in the GPT)
 *   UNDELEGATE: gran_align, gran_bound, gran_state (!= DELEGATED)
 */
#include <abi/rmm-el3.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <rmm/rmi-handlers.h>

void rmi_granule_delegate(const uint64_t *args, struct rmi_result *res)
{
	uint64_t addr = args[0];
	struct granule *g;

	/* gran_align, gran_bound */
	g = granule_from_pa(addr);
	if (g == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	granule_lock(g);
	if (granule_get_state(g) != GRANULE_STATE_NS) {		/* gran_state */
		granule_unlock(g);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	if (plat_gtsi_delegate(addr) != E_RMM_OK) {		/* gran_gpt */
		granule_unlock(g);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	/*
	 * Invariant: an unlocked DELEGATED granule is all zero
	 * (cca-interfaces.md §6.1), so whatever NS left in it is never seen by
	 * a realm.  Zeroing happens after the GPT change, through the Realm PAS.
	 */
	granule_memzero(g);
	granule_unlock_transition(g, GRANULE_STATE_DELEGATED);
	res->x[0] = RMI_SUCCESS;
}

void rmi_granule_undelegate(const uint64_t *args, struct rmi_result *res)
{
	uint64_t addr = args[0];
	struct granule *g;

	g = granule_from_pa(addr);				/* gran_align, gran_bound */
	if (g == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	granule_lock(g);
	if (granule_get_state(g) != GRANULE_STATE_DELEGATED) {	/* gran_state */
		granule_unlock(g);
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}

	/*
	 * The granule is Realm in the GPT (we delegated it), so EL3 cannot
	 * legitimately refuse: a failure means a broken platform.
	 */
	if (plat_gtsi_undelegate(addr) != E_RMM_OK)
		plat_panic("EL3 refused to undelegate a delegated granule");

	granule_unlock_transition(g, GRANULE_STATE_NS);
	res->x[0] = RMI_SUCCESS;
}
