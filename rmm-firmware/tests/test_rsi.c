/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RSI 1.0 and realm PSCI (cca-interfaces.md §7, §9) through REC_ENTER with
 * the scripted fake realm: each command's error cases and results, the
 * exits that need the host and their completion on the next entry.
 */
#include <string.h>
#include <abi/psci.h>
#include <abi/rsi.h>
#include <abi/smccc.h>
#include <rmm/assert.h>
#include <rmm/rsi-handlers.h>
#include <rmm/attest.h>
#include "realm-fake.h"

static struct run_realm rr;

static int setup(void **state)
{
	test_setup(state);
	run_realm_setup(&rr);
	return 0;
}

static struct rmi_rec_exit *ex(void)
{
	return &run_page(&rr)->exit;
}

static void enter_ok(void)
{
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_SUCCESS);
	assert_no_locks();
}

/* x0 the realm saw after step @i (i.e. at the start of step i + 1). */
static uint64_t x(unsigned int i, unsigned int reg)
{
	return fake_seen[i + 1].gprs[reg];
}

static void *ipa_va(uint64_t ipa)
{
	/* test_vector_chain's DATA granules: find them through the RTT. */
	struct rec_ctx dummy;
	struct realm_mem m;
	void *va;

	dummy.s2 = test_rd(&rr.r)->s2;
	assert_int_equal(realm_mem_map(&dummy.s2, ipa, &m), REALM_MEM_OK);
	va = m.va;
	realm_mem_unmap(&m);
	return va;
}

static void version_features_smccc(void **state)
{
	(void)state;
	fake_smc(RSI_VERSION, RSI_ABI_VERSION_1_0, 0, 0, 0);
	fake_smc(RSI_VERSION, RSI_ABI_VERSION(2, 0), 0, 0, 0);
	fake_smc(RSI_FEATURES, 0, 0, 0, 0);
	fake_smc(SMCCC_VERSION, 0, 0, 0, 0);
	fake_smc(0xC4000300ULL, 0, 0, 0, 0);
	fake_smc(RSI_ATTESTATION_TOKEN_INIT, 0, 0, 0, 0);
	fake_smc(RSI_ATTESTATION_TOKEN_CONTINUE, 0, 0, 0, 0);
	fake_smc(RSI_VERSION | SMCCC_SVE_HINT, RSI_ABI_VERSION_1_0, 0, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), RSI_SUCCESS);
	assert_int_equal(x(0, 1), RSI_ABI_VERSION_1_0);
	assert_int_equal(x(0, 2), RSI_ABI_VERSION_1_0);
	assert_int_equal(x(1, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(2, 0), RSI_SUCCESS);
	assert_int_equal(x(2, 1), 0);
	assert_int_equal(x(3, 0), SMCCC_VERSION_1_2);
	assert_int_equal(x(4, 0), SMC_UNKNOWN);
	/* Attestation (test_attest_token.c): INIT always succeeds; IPA 0 is EMPTY. */
	assert_int_equal(x(5, 0), RSI_SUCCESS);
	assert_int_equal(x(5, 1), ATTEST_TOKEN_MAX_SIZE);
	assert_int_equal(x(6, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(7, 0), RSI_SUCCESS);
	assert_int_equal(fake_seen[8].pc, REC_PC + 8 * 4);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_IRQ);
}

static void fill_data(struct rec *rec)
{
	for (unsigned int i = 0; i < 8; i++) {
		uint64_t w = 0;

		for (unsigned int b = 0; b < 8; b++)
			w |= (uint64_t)(i * 8 + b) << (8 * b);
		rec->gprs[3 + i] = w;
	}
}

static void measurement_extend_read(void **state)
{
	uint8_t expect[MEASURE_SIZE], got[MEASURE_SIZE];

	(void)state;
	fake_smc(RSI_MEASUREMENT_EXTEND, 0, 32, 0, 0);
	fake_smc(RSI_MEASUREMENT_EXTEND, 5, 32, 0, 0);
	fake_smc(RSI_MEASUREMENT_EXTEND, 1, 65, 0, 0);
	fake_smc(RSI_MEASUREMENT_EXTEND, 1, 64, 0, 0)->hook = fill_data;
	fake_smc(RSI_MEASUREMENT_READ, 1, 0, 0, 0);
	fake_smc(RSI_MEASUREMENT_READ, 5, 0, 0, 0);
	fake_smc(RSI_MEASUREMENT_READ, 0, 0, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(1, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(2, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(3, 0), RSI_SUCCESS);
	vector_get_rem(RMI_HASH_SHA_256, 64, expect);
	assert_memory_equal(test_rd(&rr.r)->measurements[1], expect, MEASURE_SIZE);
	assert_int_equal(x(4, 0), RSI_SUCCESS);
	memcpy(got, &fake_seen[5].gprs[1], sizeof(got));
	assert_memory_equal(got, expect, MEASURE_SIZE);
	assert_int_equal(x(5, 0), RSI_ERROR_INPUT);
	memcpy(got, &fake_seen[7].gprs[1], sizeof(got));
	assert_memory_equal(got, test_rd(&rr.r)->measurements[0], MEASURE_SIZE);
}

static void realm_config(void **state)
{
	struct rsi_realm_config *cfg = ipa_va(RAM_DATA1);

	(void)state;
	test_rd(&rr.r)->rpv[3] = 0x5A;
	memset(cfg, 0xEE, sizeof(*cfg));
	fake_smc(RSI_REALM_CONFIG, RAM_DATA1 + 8, 0, 0, 0);
	fake_smc(RSI_REALM_CONFIG, IPA_UNPROT, 0, 0, 0);
	fake_smc(RSI_REALM_CONFIG, IPA_EMPTY, 0, 0, 0);
	fake_smc(RSI_REALM_CONFIG, RAM_DATA1, 0, 0, 0);
	fake_smc(RSI_REALM_CONFIG, RAM_UNMAPPED, 0, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(1, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(2, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(3, 0), RSI_SUCCESS);
	assert_int_equal(cfg->ipa_width, 40);
	assert_int_equal(cfg->hash_algo, RSI_HASH_SHA_256);
	assert_int_equal(cfg->rpv[3], 0x5A);
	assert_int_equal(cfg->reserved0[0], 0);
	/* Unmapped RAM: a stage-2 abort for the host; the SMC is retried. */
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ESR_EC(ex()->esr), ESR_EC_DABT_LOW);
	assert_int_equal(ex()->hpfar, hpfar_of(RAM_UNMAPPED));
	assert_int_equal(test_rec(rr.rec0)->pc, REC_PC + 4 * 4);
}

static void ipa_state_set_errors(void **state)
{
	(void)state;
	fake_smc(RSI_IPA_STATE_SET, RAM_BASE + 1, RAM_TOP, RSI_RIPAS_RAM, 0);
	fake_smc(RSI_IPA_STATE_SET, RAM_BASE, RAM_TOP + 8, RSI_RIPAS_RAM, 0);
	fake_smc(RSI_IPA_STATE_SET, RAM_TOP, RAM_BASE, RSI_RIPAS_RAM, 0);
	fake_smc(RSI_IPA_STATE_SET, RAM_BASE, IPA_UNPROT + 0x1000, RSI_RIPAS_RAM, 0);
	fake_smc(RSI_IPA_STATE_SET, RAM_BASE, RAM_TOP, RSI_RIPAS_DESTROYED, 0);
	fake_smc(RSI_IPA_STATE_SET, RAM_BASE, RAM_TOP, RSI_RIPAS_RAM, 2);
	enter_ok();
	for (unsigned int i = 0; i < 6; i++)
		assert_int_equal(x(i, 0), RSI_ERROR_INPUT);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_IRQ);
}

static void ipa_state_set_flow(void **state)
{
	struct rmi_rec_run *run = run_page(&rr);
	uint64_t top = IPA_EMPTY + 0x4000;

	(void)state;
	fake_smc(RSI_IPA_STATE_SET, IPA_EMPTY, top, RSI_RIPAS_RAM, RSI_CHANGE_DESTROYED);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_RIPAS_CHANGE);
	assert_int_equal(ex()->ripas_base, IPA_EMPTY);
	assert_int_equal(ex()->ripas_top, top);
	assert_int_equal(ex()->ripas_value, RMI_RAM);
	assert_true(test_rec(rr.rec0)->ripas.change_destroyed);

	/* The host does half, then rejects the rest. */
	test_rtt_create(&rr.r, IPA_EMPTY, 3);
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, rr.r.rd, rr.rec0, IPA_EMPTY,
			      IPA_EMPTY + 0x2000).x[0], RMI_SUCCESS);
	run->enter.flags = RMI_REC_ENTER_RIPAS_RESPONSE;
	enter_ok();
	assert_int_equal(x(0, 0), RSI_SUCCESS);
	assert_int_equal(x(0, 1), IPA_EMPTY + 0x2000);
	assert_int_equal(x(0, 2), RSI_REJECT);
	assert_int_equal(fake_seen[1].pc, REC_PC + 4);

	/* Accepted in full; a second REC_ENTER does not complete it again. */
	fake_reset();
	fake_smc(RSI_IPA_STATE_SET, IPA_EMPTY, IPA_EMPTY + 0x2000, RSI_RIPAS_EMPTY, 0);
	run->enter.flags = 0;
	enter_ok();
	assert_int_equal(RMI4(RMI_RTT_SET_RIPAS, rr.r.rd, rr.rec0, IPA_EMPTY,
			      IPA_EMPTY + 0x2000).x[0], RMI_SUCCESS);
	enter_ok();
	assert_int_equal(x(0, 1), IPA_EMPTY + 0x2000);
	assert_int_equal(x(0, 2), RSI_ACCEPT);
	assert_int_equal(test_rec(rr.rec0)->pending, REC_PENDING_NONE);
}

static void ipa_state_get(void **state)
{
	(void)state;
	fake_smc(RSI_IPA_STATE_GET, RAM_BASE, RAM_TOP + 0x200000, 0, 0);
	fake_smc(RSI_IPA_STATE_GET, IPA_EMPTY, IPA_EMPTY + 0x1000, 0, 0);
	fake_smc(RSI_IPA_STATE_GET, RAM_BASE + 0x1000, RAM_BASE + 0x3000, 0, 0);
	fake_smc(RSI_IPA_STATE_GET, RAM_BASE + 1, RAM_TOP, 0, 0);
	fake_smc(RSI_IPA_STATE_GET, RAM_TOP, RAM_TOP, 0, 0);
	fake_smc(RSI_IPA_STATE_GET, RAM_BASE, IPA_UNPROT + 0x1000, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), RSI_SUCCESS);
	assert_int_equal(x(0, 1), RAM_TOP);
	assert_int_equal(x(0, 2), RSI_RIPAS_RAM);
	assert_int_equal(x(1, 1), IPA_EMPTY + 0x1000);
	assert_int_equal(x(1, 2), RSI_RIPAS_EMPTY);
	assert_int_equal(x(2, 1), RAM_BASE + 0x3000);
	for (unsigned int i = 3; i < 6; i++)
		assert_int_equal(x(i, 0), RSI_ERROR_INPUT);
}

static void host_call(void **state)
{
	struct rsi_host_call *hc = (struct rsi_host_call *)((uint8_t *)ipa_va(RAM_DATA1) + 0x100);
	struct rmi_rec_run *run = run_page(&rr);

	(void)state;
	hc->imm = 0x12345;
	for (unsigned int i = 0; i < RSI_HOST_CALL_NR_GPRS; i++)
		hc->gprs[i] = 100 + i;
	fake_smc(RSI_HOST_CALL, RAM_DATA1 + 0x80, 0, 0, 0);
	fake_smc(RSI_HOST_CALL, IPA_EMPTY, 0, 0, 0);
	fake_smc(RSI_HOST_CALL, RAM_DATA1 + 0x100, 0, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), RSI_ERROR_INPUT);
	assert_int_equal(x(1, 0), RSI_ERROR_INPUT);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_HOST_CALL);
	assert_int_equal(ex()->imm, 0x2345);
	assert_int_equal(ex()->gprs[0], 100);
	assert_int_equal(ex()->gprs[30], 130);

	for (unsigned int i = 0; i < RMI_REC_GPRS; i++)
		run->enter.gprs[i] = 1000 + i;
	enter_ok();
	assert_int_equal(x(2, 0), RSI_SUCCESS);
	assert_int_equal(hc->gprs[0], 1000);
	assert_int_equal(hc->gprs[30], 1030);
	assert_int_equal(hc->imm, 0x12345);
	assert_int_equal(fake_seen[3].pc, REC_PC + 3 * 4);

	/* Unmapped RsiHostCall: the host's abort, nothing pending. */
	fake_reset();
	fake_smc(RSI_HOST_CALL, RAM_UNMAPPED, 0, 0, 0);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_SYNC);
	assert_int_equal(ex()->hpfar, hpfar_of(RAM_UNMAPPED));
	assert_int_equal(test_rec(rr.rec0)->pending, REC_PENDING_NONE);
}

static void psci_local(void **state)
{
	(void)state;
	fake_smc(PSCI_FID_VERSION, 0, 0, 0, 0);
	fake_smc(PSCI_FID_FEATURES, PSCI_FID_CPU_ON_64, 0, 0, 0);
	fake_smc(PSCI_FID_FEATURES, PSCI_FID_MIGRATE_32, 0, 0, 0);
	fake_smc(PSCI_FID_CPU_ON_64, 1, IPA_UNPROT, 0, 0);
	fake_smc(PSCI_FID_CPU_ON_64, 2, RAM_BASE, 0, 0);
	fake_smc(PSCI_FID_CPU_ON_64, 0, RAM_BASE, 0, 0);
	fake_smc(PSCI_FID_AFFINITY_INFO_64, 1, 1, 0, 0);
	fake_smc(PSCI_FID_MIGRATE_32, 0, 0, 0, 0);
	enter_ok();
	assert_int_equal(x(0, 0), PSCI_VERSION_1_1);
	assert_int_equal(x(1, 0), PSCI_E_SUCCESS);
	assert_int_equal(x(2, 0), (uint64_t)PSCI_E_NOT_SUPPORTED);
	assert_int_equal(x(3, 0), (uint64_t)PSCI_E_INVALID_ADDRESS);
	assert_int_equal(x(4, 0), (uint64_t)PSCI_E_INVALID_PARAMS);
	assert_int_equal(x(5, 0), (uint64_t)PSCI_E_ALREADY_ON);
	assert_int_equal(x(6, 0), (uint64_t)PSCI_E_INVALID_PARAMS);
	assert_int_equal(x(7, 0), (uint64_t)PSCI_E_NOT_SUPPORTED);
}

static void psci_cpu_on_flow(void **state)
{
	(void)state;
	fake_smc(PSCI_FID_CPU_ON_64, 1, RAM_BASE + 0x100, 0x77, 0);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_PSCI);
	assert_int_equal(ex()->gprs[0], PSCI_FID_CPU_ON_64);
	assert_int_equal(ex()->gprs[1], 1);
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_ERROR_REC);
	assert_int_equal(RMI3(RMI_PSCI_COMPLETE, rr.rec0, rr.rec1, PSCI_E_SUCCESS).x[0],
			 RMI_SUCCESS);
	enter_ok();
	assert_int_equal(x(0, 0), PSCI_E_SUCCESS);
	assert_int_equal(test_rec(rr.rec1)->pc, RAM_BASE + 0x100);
	assert_int_equal(test_rec(rr.rec1)->gprs[0], 0x77);

	/* REC 1 runs, and turns itself off. */
	fake_reset();
	fake_smc(PSCI_FID_CPU_OFF, 0, 0, 0, 0);
	assert_int_equal(rec_enter(&rr, rr.rec1), RMI_SUCCESS);
	assert_int_equal(ex()->exit_reason, RMI_EXIT_PSCI);
	assert_int_equal(ex()->gprs[0], PSCI_FID_CPU_OFF);
	assert_int_equal(rec_enter(&rr, rr.rec1), RMI_ERROR_REC);

	/* AFFINITY_INFO of REC 1 goes to the host too. */
	fake_reset();
	fake_smc(PSCI_FID_AFFINITY_INFO_32, 1, 0, 0, 0);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_PSCI);
	assert_int_equal(RMI3(RMI_PSCI_COMPLETE, rr.rec0, rr.rec1, PSCI_E_SUCCESS).x[0],
			 RMI_SUCCESS);
	enter_ok();
	assert_int_equal(x(0, 0), PSCI_AFFINITY_OFF);
}

static void psci_suspend_and_system_off(void **state)
{
	(void)state;
	fake_smc(PSCI_FID_CPU_SUSPEND_64, 0, 0, 0, 0);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_PSCI);
	assert_int_equal(ex()->gprs[0], PSCI_FID_CPU_SUSPEND_64);
	assert_int_equal(test_rec(rr.rec0)->gprs[0], PSCI_E_SUCCESS);

	fake_reset();
	fake_smc(PSCI_FID_SYSTEM_OFF, 0, 0, 0, 0);
	enter_ok();
	assert_int_equal(ex()->exit_reason, RMI_EXIT_PSCI);
	assert_int_equal(ex()->gprs[0], PSCI_FID_SYSTEM_OFF);
	assert_int_equal(test_rd(&rr.r)->state, REALM_SYSTEM_OFF);
	assert_int_equal(rec_enter(&rr, rr.rec0), RMI_RETURN(RMI_ERROR_REALM, 1));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(version_features_smccc),
		T(measurement_extend_read),
		T(realm_config),
		T(ipa_state_set_errors),
		T(ipa_state_set_flow),
		T(ipa_state_get),
		T(host_call),
		T(psci_local),
		T(psci_cpu_on_flow),
		T(psci_suspend_and_system_off),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
