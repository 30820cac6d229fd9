// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bare-metal realm test (issue #4 acceptance): build the test realm,
 * run REC0 through every RSI command (REC1 comes up by PSCI CPU_ON and goes
 * down by CPU_OFF), see SYSTEM_OFF, destroy everything.
 */
#include <realm-host.h>
#include <sve-regs.h>

static struct test_realm realm;

static uint8_t sve_before[SVE_DUMP_MAX], sve_after[SVE_DUMP_MAX];

/* Bytes of the host's SVE state that one SMC changed (fill, dump, call, dump). */
static uint64_t sve_changed_by(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t vl,
			       uint64_t *ret)
{
	uint64_t size = sve_dump_size(vl), bad = 0;

	sve_fill(0x5E5E0000 + fid);
	sve_dump(sve_before);
	*ret = smc(fid, a1, a2, 0).x0;
	sve_dump(sve_after);
	for (uint64_t i = 0; i < size; i++)
		bad += sve_before[i] != sve_after[i];
	return bad;
}

/*
 * The RMM must give the host back its whole SVE state: Z registers beyond
 * 128 bits, P registers and FFR.  Two ways to lose them: entering R-EL2
 * with SVE disabled there (every RMI call), and the realm's FP/SIMD
 * restore in RMI_REC_ENTER (clears the Z bits above 128).
 */
static void check_sve_preserved(struct test_realm *r)
{
	uint64_t vl, ret, bad;

	if (((read_sysreg(id_aa64pfr0_el1) >> 32) & 0xF) == 0) {
		ok(true, "# SKIP the CPU has no SVE");
		return;
	}
	vl = sve_enable();
	bad = sve_changed_by(RMI_VERSION, RMI_ABI_VERSION_1_0, 0, vl, &ret);
	ok(ret == RMI_SUCCESS && vl > 16 && !bad,
	   "the host's SVE state (VL %lu bytes: Z0-Z31, P0-P15, FFR) survives RMI_VERSION: %lu bytes changed",
	   vl, bad);
	bad = sve_changed_by(RMI_REC_ENTER, r->recs[0].pa, r->recs[0].run, vl, &ret);
	ok(ret == RMI_SUCCESS && !bad,
	   "the host's SVE state survives RMI_REC_ENTER = %lu (a realm ran): %lu bytes changed",
	   ret, bad);
}

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
	if (realm_build(&realm, TR_MODE_TEST) && realm_activate(&realm)) {
		check_sve_preserved(&realm);
		run_realm(&realm);
	}
	realm_teardown(&realm);
}
