/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RMI_PSCI_COMPLETE (DEN0137 B4.3.7, B3.27; cca-interfaces.md §9): the host
 * names the REC a pending PSCI_CPU_ON / PSCI_AFFINITY_INFO request targets.
 * The request itself is recorded by the realm-exit runtime
 * (rec_psci_request(), <rmm/rec.h>).
 */
#include <abi/psci.h>
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/rec.h>
#include <rmm/rmi-handlers.h>

/* Affinity fields of an architectural MPIDR: Aff0..Aff2, Aff3 [39:32]. */
#define MPIDR_AFF_MASK		0xFF00FFFFFFULL

static bool fid_is_cpu_on(uint64_t fid)
{
	return fid == PSCI_FID_CPU_ON_32 || fid == PSCI_FID_CPU_ON_64;
}

/*
 * Whether the target counts as "on": runnable, or still running (a REC that
 * has just called CPU_OFF is not runnable but may not have left its CPU
 * yet; the RMM must not reset it under the runtime's feet).
 */
static bool target_is_on(struct granule *g_target, const struct rec *target)
{
	return target->runnable || rec_is_running(g_target);
}

/* PsciReturnCodePermitted (B3.27). */
static bool status_permitted(const struct rec *calling, bool target_on,
			     int64_t status)
{
	if (status == PSCI_E_SUCCESS)
		return true;
	return fid_is_cpu_on(calling->gprs[0]) && !target_on &&
	       status == PSCI_E_DENIED;
}

/*
 * Failure conditions (B4.3.7.2), all RMI_ERROR_INPUT, no ordering imposed:
 * alias, calling_align, calling_bound, calling_state, target_align,
 * target_bound, target_state (the two RECs locked in PA order), pending,
 * owner, target, status.
 */
void rmi_psci_complete(const uint64_t *args, struct rmi_result *res)
{
	uint64_t calling_pa = args[0], target_pa = args[1];
	int64_t status = (int64_t)args[2];
	struct granule_lock_req locks[2] = {
		{ .pa = calling_pa, .state = GRANULE_STATE_REC },
		{ .pa = target_pa, .state = GRANULE_STATE_REC },
	};
	struct rec *calling, *target;
	int64_t result;
	bool on;

	res->x[0] = RMI_ERROR_INPUT;
	if (calling_pa == target_pa)				/* alias */
		return;
	if (!granule_lock_set(locks, 2))
		return;

	calling = rec_map(locks[0].g);
	target = rec_map(locks[1].g);
	on = target_is_on(locks[1].g, target);
	/* A calling REC still on its CPU has not finished recording its exit. */
	if (!calling->psci_pending || rec_is_running(locks[0].g) ||	/* pending */
	    target->owner != calling->owner ||				/* owner */
	    (calling->gprs[1] & MPIDR_AFF_MASK) !=			/* target */
	    (target->vmpidr_el2 & MPIDR_AFF_MASK) ||
	    !status_permitted(calling, on, status))			/* status */
		goto out;

	if (status != PSCI_E_SUCCESS) {
		result = status;
	} else if (fid_is_cpu_on(calling->gprs[0])) {
		if (on) {
			result = PSCI_E_ALREADY_ON;
		} else {
			uint64_t context_id = calling->gprs[3];

			/* Big-endian-ness follows the caller (PSCI CPU_ON). */
			rec_reset_state(target, calling->gprs[2], &context_id, 1,
					REC_SCTLR_EL1_INIT |
					(calling->sctlr_el1 & SCTLR_EL1_EE));
			target->runnable = true;
			result = PSCI_E_SUCCESS;
		}
	} else {
		/* AFFINITY_INFO: the only other request with an MPIDR. */
		result = on ? PSCI_AFFINITY_ON : PSCI_AFFINITY_OFF;
	}

	calling->gprs[0] = (uint64_t)result;
	calling->gprs[1] = 0;
	calling->gprs[2] = 0;
	calling->gprs[3] = 0;
	calling->psci_pending = false;
	res->x[0] = RMI_SUCCESS;
out:
	rec_unmap(target);
	rec_unmap(calling);
	granule_unlock(locks[1].g);
	granule_unlock(locks[0].g);
}
