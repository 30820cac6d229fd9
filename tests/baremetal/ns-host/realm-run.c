// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running a REC of the test realm: RMI_REC_ENTER until something needs
 * the test's attention, handling each REC exit as a host must (DEN0137
 * A4.3, A7):
 *   - a stage-2 abort on protected RAM: RMI_DATA_CREATE_UNKNOWN and retry;
 *   - an emulatable MMIO abort (unprotected IPA, ISV): complete the load
 *     through enter.gprs[0] + RMI_REC_ENTER_EMUL_MMIO, or refuse it with
 *     RMI_REC_ENTER_INJECT_SEA;
 *   - RIPAS_CHANGE: RMI_RTT_SET_RIPAS over the range, or reject;
 *   - PSCI CPU_ON / AFFINITY_INFO: RMI_PSCI_COMPLETE with the target REC;
 *   - host calls: realm-calls.c.
 */
#include <abi/psci.h>
#include <realm-host.h>

#define EC_IABT_LOW	0x20
#define EC_DABT_LOW	0x24
#define ESR_ISV		(1ULL << 24)
#define ESR_WNR_BIT	(1ULL << 6)
#define HPFAR_FIPA	0x00000FFFFFFFFFF0ULL	/* IPA[51:12] at [43:4] */

static uint64_t fault_ipa(const struct rmi_rec_exit *e)
{
	return (e->hpfar & HPFAR_FIPA) << 8;
}

/* Pages of RAM the image does not cover are populated on first touch. */
static bool populate(struct test_realm *r, uint64_t ipa)
{
	uint64_t ret;

	if (!realm_data_create(r, ipa, 0, 0, &ret))
		return ok(false, "RMI_DATA_CREATE_UNKNOWN(0x%lx) after a realm abort = 0x%lx",
			  ipa, ret);
	r->faults_populated++;
	return true;
}

static bool emulate_mmio(struct test_realm *r, struct rmi_rec_run *run)
{
	const struct rmi_rec_exit *e = &run->exit;
	uint64_t addr = fault_ipa(e) | (e->far & (GRANULE - 1));

	if (!(e->esr & ESR_ISV))
		return ok(false, "MMIO abort at 0x%lx without a valid syndrome (ESR 0x%lx)",
			  addr, e->esr);
	if (e->esr & ESR_WNR_BIT) {
		r->mmio_writes++;
		ok(addr == TR_MMIO_IPA + 8 && e->gprs[0] == TR_MMIO_WRITE_VALUE,
		   "the host sees the realm's MMIO write: 0x%lx to 0x%lx", e->gprs[0], addr);
		run->enter.flags = RMI_REC_ENTER_EMUL_MMIO;
		return true;
	}
	r->mmio_reads++;
	if (addr == TR_MMIO_IPA || addr == TR_MMIO_IPA + 0x10) {
		run->enter.gprs[0] = TR_MMIO_READ_VALUE;
		run->enter.flags = RMI_REC_ENTER_EMUL_MMIO;
	} else {
		run->enter.flags = RMI_REC_ENTER_INJECT_SEA;	/* no device there */
	}
	return true;
}

static bool handle_abort(struct test_realm *r, struct rmi_rec_run *run)
{
	const struct rmi_rec_exit *e = &run->exit;
	uint64_t ec = ESR_EC(e->esr), ipa = fault_ipa(e);

	if (ec != EC_DABT_LOW && ec != EC_IABT_LOW)
		return ok(false, "unexpected REC exit: SYNC with ESR 0x%lx", e->esr);
	if (ipa >= TR_UNPROTECTED)
		return emulate_mmio(r, run);
	if (ipa >= TR_RAM_BASE && ipa < TR_RAM_TOP)
		return populate(r, ipa);
	return ok(false, "realm abort outside RAM: IPA 0x%lx, ESR 0x%lx", ipa, e->esr);
}

static bool handle_ripas(struct test_realm *r, unsigned int rec, struct rmi_rec_run *run)
{
	uint64_t base = run->exit.ripas_base, top = run->exit.ripas_top;
	struct smc_ret s;

	r->ripas_changes++;
	/*
	 * This host changes RIPAS only inside the scratch range, and refuses
	 * changes to RAM at TR_REJECT_BASE.  Only a change to RAM can be
	 * rejected; the host answers any other request by making no progress.
	 */
	if (base < TR_SCRATCH_BASE || top > TR_SCRATCH_TOP ||
	    (base == TR_REJECT_BASE && run->exit.ripas_value == RMI_RAM)) {
		if (run->exit.ripas_value == RMI_RAM)
			run->enter.flags = RMI_REC_ENTER_RIPAS_RESPONSE;
		return true;
	}
	while (base < top) {
		s = smc6(RMI_RTT_SET_RIPAS, r->rd, r->recs[rec].pa, base, top, 0);
		if (s.x0 != RMI_SUCCESS || s.x1 <= base)
			return ok(false, "RMI_RTT_SET_RIPAS(0x%lx, 0x%lx) = 0x%lx, top 0x%lx",
				  base, top, s.x0, s.x1);
		base = s.x1;
	}
	return true;
}

static int rec_by_mpidr(const struct test_realm *r, uint64_t mpidr)
{
	for (unsigned int i = 0; i < TR_NUM_RECS; i++)
		if (r->recs[i].mpidr == (mpidr & RMI_REC_MPIDR_VALID_MASK))
			return (int)i;
	return -1;
}

static bool handle_psci(struct test_realm *r, unsigned int rec, struct rmi_rec_run *run,
			enum tr_event *ev)
{
	uint64_t fid = run->exit.gprs[0], ret;
	int target;

	r->psci_exits++;
	switch (fid) {
	case PSCI_FID_CPU_OFF:
		*ev = TR_EV_CPU_OFF;
		return false;
	case PSCI_FID_SYSTEM_OFF:
		*ev = TR_EV_SYSTEM_OFF;
		return false;
	case PSCI_FID_CPU_ON_64:
	case PSCI_FID_AFFINITY_INFO_64:
		target = rec_by_mpidr(r, run->exit.gprs[1]);
		if (target < 0)
			return ok(false, "PSCI exit for unknown MPIDR 0x%lx", run->exit.gprs[1]);
		ret = smc(RMI_PSCI_COMPLETE, r->recs[rec].pa, r->recs[target].pa,
			  (uint64_t)PSCI_E_SUCCESS).x0;
		return ok(ret == RMI_SUCCESS, "RMI_PSCI_COMPLETE(REC%u -> REC%d) for %s = %lu",
			  rec, target, fid == PSCI_FID_CPU_ON_64 ? "CPU_ON" : "AFFINITY_INFO",
			  ret);
	default:
		return ok(false, "unexpected PSCI exit, FID 0x%lx", fid);
	}
}

enum tr_event realm_run(struct test_realm *r, unsigned int rec)
{
	struct rmi_rec_run *run = rec_run(r, rec);
	enum tr_event ev = TR_EV_ERROR;
	uint64_t ret;
	bool again;

	do {
		ret = smc(RMI_REC_ENTER, r->recs[rec].pa, r->recs[rec].run, 0).x0;
		if (ret != RMI_SUCCESS) {
			ok(false, "RMI_REC_ENTER(REC%u) = 0x%lx", rec, ret);
			return TR_EV_ERROR;
		}
		r->exits++;
		run->enter.flags = 0;
		switch (run->exit.exit_reason) {
		case RMI_EXIT_SYNC:
			again = handle_abort(r, run);
			break;
		case RMI_EXIT_IRQ:
		case RMI_EXIT_FIQ:
			r->irq_exits++;
			again = true;
			break;
		case RMI_EXIT_RIPAS_CHANGE:
			again = handle_ripas(r, rec, run);
			break;
		case RMI_EXIT_PSCI:
			again = handle_psci(r, rec, run, &ev);
			break;
		case RMI_EXIT_HOST_CALL:
			r->host_calls++;
			again = realm_host_call(r, rec, &ev);
			break;
		default:
			again = ok(false, "unexpected REC exit reason %lu (ESR 0x%lx)",
				   run->exit.exit_reason, run->exit.esr);
			break;
		}
	} while (again);
	return ev;
}
