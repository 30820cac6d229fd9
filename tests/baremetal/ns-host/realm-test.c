// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bare-metal realm test (issue #4 acceptance): build the test realm,
 * run REC0 through every RSI command (REC1 comes up by PSCI CPU_ON and goes
 * down by CPU_OFF), see SYSTEM_OFF, destroy everything.
 */
#include <realm-host.h>

static struct test_realm realm;

static void run_realm(struct test_realm *r)
{
	enum tr_event ev = realm_run(r, 0);
	uint64_t ret;

	if (ev == TR_EV_RUN_OTHERS) {
		ev = realm_run(r, 1);
		ok(ev == TR_EV_CPU_OFF, "REC1 ran until its PSCI CPU_OFF exit");
		ret = smc(RMI_REC_ENTER, r->recs[1].pa, r->recs[1].run, 0).x0;
		ok(ret == RMI_ERROR_REC, "RMI_REC_ENTER of the stopped REC1 = %lu (ERROR_REC)", ret);
		ev = realm_run(r, 0);
	}
	if (!ok(ev == TR_EV_SYSTEM_OFF, "REC0 ended with a PSCI SYSTEM_OFF exit"))
		return;
	ret = smc(RMI_REC_ENTER, r->recs[0].pa, r->recs[0].run, 0).x0;
	ok(ret == RMI_RETURN(RMI_ERROR_REALM, RMI_ERROR_REALM_INDEX_SYSTEM_OFF),
	   "RMI_REC_ENTER after SYSTEM_OFF = 0x%lx (ERROR_REALM, index 1)", ret);
	ok(r->token_seen, "the realm delivered its attestation token");
	ok(r->faults_populated > 0 && r->mmio_reads >= 3 && r->mmio_writes == 1 &&
	   r->ripas_changes >= 3 && r->psci_exits >= 6,
	   "REC exits: %u in all, %u faults populated, %u MMIO reads, %u MMIO writes, %u RIPAS changes, %u PSCI, %u host calls, %u IRQ",
	   r->exits, r->faults_populated, r->mmio_reads, r->mmio_writes, r->ripas_changes,
	   r->psci_exits, r->host_calls, r->irq_exits);
}

void realm_test(uint64_t pool_base, uint64_t pool_top)
{
	pool_init(pool_base, pool_top);
	con_printf("# realm test: %lu-byte realm image, granule pool 0x%lx-0x%lx\n",
		   (uint64_t)(realm_blob_end - realm_blob), pool_base, pool_top - 1);
	if (realm_build(&realm, TR_MODE_TEST) && realm_activate(&realm))
		run_realm(&realm);
	realm_teardown(&realm);
}
