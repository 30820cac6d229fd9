/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * PSCI for realms (cca-interfaces.md §9): the RMM answers VERSION and
 * FEATURES itself, validates CPU_ON and AFFINITY_INFO and hands them to the
 * host (RMI_EXIT_PSCI, completed by RMI_PSCI_COMPLETE), and tells the host
 * about CPU_SUSPEND, CPU_OFF, SYSTEM_OFF and SYSTEM_RESET after acting on
 * them.  Arguments of the SMC32 functions are 32-bit.
 */
#include <abi/psci.h>
#include <rmm/granule.h>
#include <rmm/realm.h>
#include <rmm/rsi-handlers.h>

/* Architectural MPIDR affinity: Aff0[7:0] Aff1[15:8] Aff2[23:16] Aff3[39:32]. */
#define MPIDR_ARCH_AFF_MASK	0xFF00FFFFFFULL

static void ret(struct rec *rec, int64_t x0)
{
	rec->gprs[0] = (uint64_t)x0;
	rec->pc += 4;
}

static enum rec_action exit_psci(struct rec_ctx *c, uint64_t fid, uint64_t x1)
{
	c->exit->exit_reason = RMI_EXIT_PSCI;
	c->exit->gprs[0] = fid;
	c->exit->gprs[1] = x1;
	return REC_EXIT_TO_HOST;
}

/*
 * The REC index a realm MPIDR names, or false if it names no REC of this
 * realm (bits outside the affinity fields, Aff0 >= 16, index too large).
 */
static bool mpidr_to_index(const struct rec_ctx *c, uint64_t mpidr, uint64_t *index)
{
	struct granule *g_rd = granule_from_pa(c->rd_pa);
	uint64_t rmi_mpidr, count;
	struct rd *rd;

	if ((mpidr & ~MPIDR_ARCH_AFF_MASK) || (mpidr & 0xF0ULL))
		return false;
	rmi_mpidr = (mpidr & 0xFFFFFFULL) | ((mpidr >> 32) & 0xFFULL) << 24;
	*index = rec_mpidr_to_index(rmi_mpidr);
	granule_lock(g_rd);
	rd = rd_map(g_rd);
	count = rd->rec_index;
	rd_unmap(rd);
	granule_unlock(g_rd);
	return *index < count;
}

static bool psci_feature_supported(uint64_t fid)
{
	switch (fid) {
	case PSCI_FID_VERSION:
	case PSCI_FID_CPU_SUSPEND_32:
	case PSCI_FID_CPU_SUSPEND_64:
	case PSCI_FID_CPU_OFF:
	case PSCI_FID_CPU_ON_32:
	case PSCI_FID_CPU_ON_64:
	case PSCI_FID_AFFINITY_INFO_32:
	case PSCI_FID_AFFINITY_INFO_64:
	case PSCI_FID_SYSTEM_OFF:
	case PSCI_FID_SYSTEM_RESET:
	case PSCI_FID_FEATURES:
	case SMCCC_VERSION:
		return true;
	default:
		return false;
	}
}

static void realm_system_off(const struct rec_ctx *c)
{
	struct granule *g_rd = granule_from_pa(c->rd_pa);
	struct rd *rd;

	granule_lock(g_rd);
	rd = rd_map(g_rd);
	__atomic_store_n(&rd->state, REALM_SYSTEM_OFF, __ATOMIC_RELEASE);
	rd_unmap(rd);
	granule_unlock(g_rd);
}

static enum rec_action cpu_on(struct rec_ctx *c, uint64_t fid, uint64_t mpidr,
			      uint64_t entry, uint64_t context_id)
{
	struct rec *rec = c->rec;
	uint64_t index;

	if (!s2tt_ipa_is_protected(&c->s2, entry)) {
		ret(rec, PSCI_E_INVALID_ADDRESS);
		return REC_RESUME;
	}
	if (!mpidr_to_index(c, mpidr, &index)) {
		ret(rec, PSCI_E_INVALID_PARAMS);
		return REC_RESUME;
	}
	if (index == rec->rec_idx) {
		ret(rec, PSCI_E_ALREADY_ON);
		return REC_RESUME;
	}
	rec_psci_request(rec, fid, mpidr, entry, context_id);
	rec->pc += 4;
	return exit_psci(c, fid, mpidr);
}

static enum rec_action affinity_info(struct rec_ctx *c, uint64_t fid, uint64_t mpidr,
				     uint64_t level)
{
	struct rec *rec = c->rec;
	uint64_t index;

	if (level != 0 || !mpidr_to_index(c, mpidr, &index)) {
		ret(rec, PSCI_E_INVALID_PARAMS);
		return REC_RESUME;
	}
	if (index == rec->rec_idx) {
		ret(rec, PSCI_AFFINITY_ON);
		return REC_RESUME;
	}
	rec_psci_request(rec, fid, mpidr, level, 0);
	rec->pc += 4;
	return exit_psci(c, fid, mpidr);
}

enum rec_action rsi_psci(struct rec_ctx *c, uint64_t fid)
{
	struct rec *rec = c->rec;
	uint64_t mask = (fid & SMCCC_SMC64) ? ~0ULL : 0xFFFFFFFFULL;
	uint64_t x1 = rec->gprs[1] & mask, x2 = rec->gprs[2] & mask;
	uint64_t x3 = rec->gprs[3] & mask;

	switch (fid) {
	case PSCI_FID_VERSION:
		ret(rec, PSCI_VERSION_1_1);
		return REC_RESUME;
	case PSCI_FID_FEATURES:
		ret(rec, psci_feature_supported(x1 & 0xFFFFFFFFULL) ?
			 PSCI_E_SUCCESS : PSCI_E_NOT_SUPPORTED);
		return REC_RESUME;
	case PSCI_FID_CPU_SUSPEND_32:
	case PSCI_FID_CPU_SUSPEND_64:
		ret(rec, PSCI_E_SUCCESS);
		return exit_psci(c, fid, 0);
	case PSCI_FID_CPU_OFF:
		rec->runnable = false;
		rec->pc += 4;
		return exit_psci(c, fid, 0);
	case PSCI_FID_CPU_ON_32:
	case PSCI_FID_CPU_ON_64:
		return cpu_on(c, fid, x1, x2, x3);
	case PSCI_FID_AFFINITY_INFO_32:
	case PSCI_FID_AFFINITY_INFO_64:
		return affinity_info(c, fid, x1, x2);
	case PSCI_FID_SYSTEM_OFF:
	case PSCI_FID_SYSTEM_RESET:
		realm_system_off(c);
		rec->pc += 4;
		return exit_psci(c, fid, 0);
	default:
		ret(rec, PSCI_E_NOT_SUPPORTED);
		return REC_RESUME;
	}
}
