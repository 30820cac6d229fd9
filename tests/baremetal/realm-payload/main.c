// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bare-metal test realm: calls every RSI 1.0 command and PSCI from
 * inside a realm and reports each result to the host, which prints it as
 * TAP (issue #4 acceptance).  Values only the host can judge (the RIM
 * against its prediction, the token) go to the host as data.
 *
 * The order matters: measurements are read before anything is extended,
 * and SYSTEM_OFF comes last.
 */
#include <string.h>
#include <abi/psci.h>
#include <abi/smccc.h>
#include "realm.h"

static uint8_t config_page[GRANULE] ALIGNED(GRANULE);

static void test_version_features(void)
{
	struct smc_regs r = smc(RSI_VERSION, RSI_ABI_VERSION_1_0, 0, 0, 0);

	rok(r.x[0] == RSI_SUCCESS && r.x[1] == RSI_ABI_VERSION_1_0 && r.x[2] >= RSI_ABI_VERSION_1_0,
	    "RSI_VERSION(1.0) = %lu, lower 0x%lx, higher 0x%lx", r.x[0], r.x[1], r.x[2]);
	r = smc(RSI_VERSION, RSI_ABI_VERSION(2, 0), 0, 0, 0);
	rok(r.x[0] == RSI_ERROR_INPUT && r.x[1] == RSI_ABI_VERSION_1_0,
	    "RSI_VERSION(2.0) = %lu (ERROR_INPUT), lower 0x%lx", r.x[0], r.x[1]);
	r = smc(RSI_FEATURES, 0, 0, 0, 0);
	rok(r.x[0] == RSI_SUCCESS && r.x[1] == 0,
	    "RSI_FEATURES(0) = %lu, register 0x%lx (no 1.1 features in a 1.0 realm)",
	    r.x[0], r.x[1]);
	r = smc(RSI_FEATURES, 7, 0, 0, 0);
	rok(r.x[0] == RSI_SUCCESS && r.x[1] == 0, "RSI_FEATURES(7) = %lu, register 0x%lx",
	    r.x[0], r.x[1]);
	r = smc(SMCCC_VERSION, 0, 0, 0, 0);
	rok(r.x[0] == SMCCC_VERSION_1_2, "SMCCC_VERSION from the realm = 0x%lx", r.x[0]);
	r = smc(0xC40001AA, 0, 0, 0, 0);
	rok(r.x[0] == SMC_UNKNOWN, "an unallocated RSI FID (0xC40001AA) = 0x%lx (SMC_UNKNOWN)",
	    r.x[0]);
	rok(probe_hvc() && ESR_EC(exc.esr) == EC_UNKNOWN,
	    "HVC from the realm is UNDEFINED: ESR_EL1 0x%lx", exc.esr);
}

static void test_realm_config(void)
{
	struct rsi_realm_config *cfg = (struct rsi_realm_config *)config_page;
	uint64_t ret = smc(RSI_REALM_CONFIG, (uint64_t)(uintptr_t)cfg, 0, 0, 0).x[0];
	bool rpv_ok = true;

	for (unsigned int i = 0; i < RSI_RPV_SIZE; i++)
		rpv_ok &= cfg->rpv[i] == tr_rpv_byte(i);
	rok(ret == RSI_SUCCESS && cfg->ipa_width == TR_IPA_BITS &&
	    cfg->hash_algo == RSI_HASH_SHA_256 && rpv_ok,
	    "RSI_REALM_CONFIG = %lu: ipa_width %lu, hash_algo %lu, RPV %s", ret,
	    (uint64_t)cfg->ipa_width, (uint64_t)cfg->hash_algo, rpv_ok ? "as created" : "WRONG");
	ret = smc(RSI_REALM_CONFIG, (uint64_t)(uintptr_t)cfg + 8, 0, 0, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_REALM_CONFIG(unaligned) = %lu (ERROR_INPUT)", ret);
	ret = smc(RSI_REALM_CONFIG, TR_SHARED_IPA, 0, 0, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_REALM_CONFIG(unprotected IPA) = %lu (ERROR_INPUT)", ret);
}

/* RIM first (before any extend), then REM[0] after one extend. */
static void test_measurements(void)
{
	struct smc_regs r = smc(RSI_MEASUREMENT_READ, RSI_MEASUREMENT_RIM, 0, 0, 0);
	struct smc_regs e = { { RSI_MEASUREMENT_EXTEND, RSI_MEASUREMENT_REM_FIRST, 32 } };
	uint64_t value[9] = { TR_VALUE_RIM };

	rok(r.x[0] == RSI_SUCCESS, "RSI_MEASUREMENT_READ(RIM) = %lu", r.x[0]);
	memcpy(&value[1], &r.x[1], 64);
	host_call(TR_HC_VALUE, value, ARRAY_SIZE(value), NULL);

	r = smc(RSI_MEASUREMENT_READ, 5, 0, 0, 0);
	rok(r.x[0] == RSI_ERROR_INPUT, "RSI_MEASUREMENT_READ(5) = %lu (ERROR_INPUT)", r.x[0]);

	for (unsigned int i = 0; i < 32; i++)
		((uint8_t *)&e.x[3])[i] = tr_rem_byte(i);
	smc_call(&e);
	rok(e.x[0] == RSI_SUCCESS, "RSI_MEASUREMENT_EXTEND(REM[0], 32 bytes) = %lu", e.x[0]);
	r = smc(RSI_MEASUREMENT_READ, RSI_MEASUREMENT_REM_FIRST, 0, 0, 0);
	value[0] = TR_VALUE_REM1;
	memcpy(&value[1], &r.x[1], 64);
	host_call(TR_HC_VALUE, value, ARRAY_SIZE(value), NULL);

	r = smc(RSI_MEASUREMENT_EXTEND, RSI_MEASUREMENT_RIM, 32, 0, 0);
	rok(r.x[0] == RSI_ERROR_INPUT, "RSI_MEASUREMENT_EXTEND(RIM) = %lu (ERROR_INPUT)", r.x[0]);
	r = smc(RSI_MEASUREMENT_EXTEND, RSI_MEASUREMENT_REM_LAST, 65, 0, 0);
	rok(r.x[0] == RSI_ERROR_INPUT, "RSI_MEASUREMENT_EXTEND(REM[3], 65 bytes) = %lu (ERROR_INPUT)",
	    r.x[0]);
}

static void test_host_call(void)
{
	uint64_t in[RSI_HOST_CALL_NR_GPRS], out[RSI_HOST_CALL_NR_GPRS], ret;
	unsigned int bad = 0;

	for (unsigned int i = 0; i < RSI_HOST_CALL_NR_GPRS; i++)
		in[i] = tr_echo(i);
	ret = host_call(TR_HC_ECHO, in, RSI_HOST_CALL_NR_GPRS, out);
	for (unsigned int i = 0; i < RSI_HOST_CALL_NR_GPRS; i++)
		bad += out[i] != ~tr_echo(i);
	rok(ret == RSI_SUCCESS && !bad,
	    "RSI_HOST_CALL = %lu: all 31 registers went out and came back changed by the host (%u wrong)",
	    ret, bad);
	ret = smc(RSI_HOST_CALL, (uint64_t)(uintptr_t)config_page + 8, 0, 0, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_HOST_CALL(misaligned block) = %lu (ERROR_INPUT)", ret);
	ret = smc(RSI_HOST_CALL, TR_SHARED_IPA, 0, 0, 0).x[0];
	rok(ret == RSI_ERROR_INPUT, "RSI_HOST_CALL(unprotected block) = %lu (ERROR_INPUT)", ret);
}

static void __attribute__((noreturn)) bench_loop(void)
{
	for (;;)
		host_call(TR_HC_BENCH, NULL, 0, NULL);
}

/*
 * TR_MODE_SMP: REC0 and REC1 run this at the same time on two physical
 * CPUs: RSI calls that take the RD lock (MEASUREMENT_EXTEND, each REC its
 * own REM) or walk the RTTs (IPA_STATE_GET), and host calls, in a loop.
 */
static void __attribute__((noreturn)) smp_loop(void)
{
	unsigned int rec = read_sysreg(mpidr_el1) & 1;
	uint64_t done[2] = { 0, 0 };
	struct smc_regs r;

	for (unsigned int i = 0; i < TR_SMP_ROUNDS; i++) {
		r = smc(RSI_MEASUREMENT_EXTEND, RSI_MEASUREMENT_REM_FIRST + 1 + rec, 8, i, 0);
		done[1] += r.x[0] != RSI_SUCCESS;
		r = smc(RSI_IPA_STATE_GET, TR_RAM_BASE, TR_RAM_TOP, 0, 0);
		done[1] += r.x[0] != RSI_SUCCESS || r.x[2] != RSI_RIPAS_RAM;
		host_call(TR_HC_BENCH, NULL, 0, NULL);
		done[0]++;
	}
	for (;;)
		host_call(TR_HC_SMP_DONE, done, 2, NULL);
}

void realm_main(uint64_t mode, uint64_t sve_vq);
void realm_main(uint64_t mode, uint64_t sve_vq)
{
	if (mode == TR_MODE_BENCH)
		bench_loop();
	if (mode == TR_MODE_SMP)
		smp_loop();
	rok(mode == TR_MODE_TEST && (read_sysreg(CurrentEL) >> 2) == 1 &&
	    (read_sysreg(mpidr_el1) & 0xFFFFFF) == 0,
	    "REC0 entered at its RmiRecParams.pc at EL1 with x0 = %lu, MPIDR 0x%lx", mode,
	    read_sysreg(mpidr_el1));
	test_version_features();
	test_realm_config();
	test_measurements();
	test_ipa_state();
	test_host_call();
	test_sve(sve_vq);
	test_mmio();
	test_shared();
	test_attestation();
	test_rsi_fuzz();
	test_psci_primary();
	smc(PSCI_FID_SYSTEM_OFF, 0, 0, 0, 0);
	panic("PSCI SYSTEM_OFF returned");
}
