/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * RSI 1.0 (cca-interfaces.md §7; DEN0137 B5): SMCs a realm issues, trapped
 * to R-EL2 by HCR_EL2.TSC.  rec->pc is the SMC instruction; a call that
 * completes here returns its results in x0.. and resumes after the SMC.  A
 * call that needs the host (IPA_STATE_SET, HOST_CALL) leaves a pending
 * completion in the REC (<rmm/rec.h>) for the next RMI_REC_ENTER.  A call
 * whose buffer is RIPAS RAM without a DATA granule is reported to the host
 * as a stage-2 data abort and re-executed once the host has mapped it.
 *
 * RSI_ATTESTATION_TOKEN_INIT / _CONTINUE are core/attest.c (<rmm/attest.h>).
 */
#include <string.h>
#include <abi/psci.h>
#include <abi/rsi.h>
#include <abi/smccc.h>
#include <rmm/attest.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rsi-handlers.h>

#define RSI_NUM_DATA_REGS	8	/* x1..x8 / x3..x10: 64 bytes */

static void ret1(struct rec *rec, uint64_t x0)
{
	rec->gprs[0] = x0;
	rec->pc += 4;
}

static bool ipa_in_par(const struct rec_ctx *c, uint64_t ipa)
{
	return s2tt_ipa_is_protected(&c->s2, ipa);
}

static void rsi_version(struct rec *rec)
{
	uint64_t req = rec->gprs[1];

	rec->gprs[1] = RSI_ABI_VERSION_1_0;
	rec->gprs[2] = RSI_ABI_VERSION_1_0;
	ret1(rec, req == RSI_ABI_VERSION_1_0 ? RSI_SUCCESS : RSI_ERROR_INPUT);
}

static void rsi_measurement_read(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t index = rec->gprs[1];
	struct granule *g_rd;
	struct rd *rd;

	if (index > RSI_MEASUREMENT_REM_LAST) {
		ret1(rec, RSI_ERROR_INPUT);
		return;
	}
	g_rd = granule_from_pa(c->rd_pa);
	granule_lock(g_rd);
	rd = rd_map(g_rd);
	memcpy(&rec->gprs[1], rd->measurements[index], MEASURE_SIZE);
	rd_unmap(rd);
	granule_unlock(g_rd);
	ret1(rec, RSI_SUCCESS);
}

static void rsi_measurement_extend(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t index = rec->gprs[1], size = rec->gprs[2];
	uint8_t data[RSI_NUM_DATA_REGS * sizeof(uint64_t)];
	struct granule *g_rd;
	struct rd *rd;

	if (index < RSI_MEASUREMENT_REM_FIRST || index > RSI_MEASUREMENT_REM_LAST ||
	    size > sizeof(data)) {
		ret1(rec, RSI_ERROR_INPUT);
		return;
	}
	memcpy(data, &rec->gprs[3], sizeof(data));
	g_rd = granule_from_pa(c->rd_pa);
	granule_lock(g_rd);
	rd = rd_map(g_rd);
	measure_rem_extend(rd->measurements[index], rd->hash_algo, data, (size_t)size);
	rd_unmap(rd);
	granule_unlock(g_rd);
	ret1(rec, RSI_SUCCESS);
}

static enum rec_action rsi_realm_config(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t ipa = rec->gprs[1];
	struct rsi_realm_config *cfg;
	struct granule *g_rd;
	struct realm_mem m;
	struct rd *rd;

	if (!pa_is_granule_aligned(ipa) || !ipa_in_par(c, ipa)) {
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	}
	switch (realm_mem_map(&c->s2, ipa, &m)) {
	case REALM_MEM_UNASSIGNED_RAM:
		return rec_exit_protected_abort(c, ipa);
	case REALM_MEM_NOT_RAM:
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	case REALM_MEM_OK:
		break;
	}
	cfg = (struct rsi_realm_config *)m.va;
	memset(cfg, 0, sizeof(*cfg));
	cfg->ipa_width = c->s2.ipa_bits;
	cfg->hash_algo = (uint8_t)c->hash_algo;
	/* The RPV is immutable; the RD lock is a leaf taken after the RTT. */
	g_rd = granule_from_pa(c->rd_pa);
	rd = plat_granule_map(granule_to_pa(g_rd));
	memcpy(cfg->rpv, rd->rpv, sizeof(cfg->rpv));
	plat_granule_unmap(rd);
	realm_mem_unmap(&m);
	ret1(rec, RSI_SUCCESS);
	return REC_RESUME;
}

static enum rec_action rsi_ipa_state_set(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t base = rec->gprs[1], top = rec->gprs[2];
	uint64_t ripas = rec->gprs[3], flags = rec->gprs[4];

	if (!pa_is_granule_aligned(base) || !pa_is_granule_aligned(top) || base >= top ||
	    !ipa_in_par(c, top - 1) ||
	    (ripas != RSI_RIPAS_EMPTY && ripas != RSI_RIPAS_RAM) ||
	    (flags & ~RSI_CHANGE_DESTROYED)) {
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	}
	rec_ripas_request(rec, base, top, (unsigned int)ripas, flags);
	rec->pending = REC_PENDING_RIPAS;
	rec->pc += 4;
	c->exit->exit_reason = RMI_EXIT_RIPAS_CHANGE;
	c->exit->ripas_base = base;
	c->exit->ripas_top = top;
	c->exit->ripas_value = (uint8_t)ripas;
	return REC_EXIT_TO_HOST;
}

/*
 * x1 base, x2 end -> x1 top of the run of entries with base's RIPAS (up to
 * end, and at most 512 entries: the RMM never walks unbounded with the
 * host's interrupts pending), x2 that RIPAS.
 */
static void rsi_ipa_state_get(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t base = rec->gprs[1], end = rec->gprs[2], addr, top;
	unsigned int ripas, n;

	if (!pa_is_granule_aligned(base) || !pa_is_granule_aligned(end) || base >= end ||
	    !ipa_in_par(c, end - 1)) {
		ret1(rec, RSI_ERROR_INPUT);
		return;
	}
	ripas = realm_ipa_ripas(&c->s2, base, &top, NULL);
	/* At most one RTT's worth of entries per call: the realm asks again. */
	for (n = 1, addr = top; addr < end && n < S2TTES_PER_TABLE; addr = top, n++)
		if (realm_ipa_ripas(&c->s2, addr, &top, NULL) != ripas)
			break;
	rec->gprs[1] = addr < end ? addr : end;
	rec->gprs[2] = ripas;
	ret1(rec, RSI_SUCCESS);
}

static enum rec_action rsi_host_call(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t ipa = rec->gprs[1];
	const struct rsi_host_call *hc;
	struct realm_mem m;

	if ((ipa & (RSI_HOST_CALL_ALIGN - 1)) || !ipa_in_par(c, ipa)) {
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	}
	switch (realm_mem_map(&c->s2, ipa, &m)) {
	case REALM_MEM_UNASSIGNED_RAM:
		return rec_exit_protected_abort(c, ipa);
	case REALM_MEM_NOT_RAM:
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	case REALM_MEM_OK:
		break;
	}
	hc = (const struct rsi_host_call *)m.va;
	c->exit->imm = hc->imm & 0xFFFFU;
	memcpy(c->exit->gprs, hc->gprs, sizeof(hc->gprs));
	realm_mem_unmap(&m);
	rec->pending = REC_PENDING_HOST_CALL;
	rec->host_call_ipa = ipa;
	rec->pc += 4;
	c->exit->exit_reason = RMI_EXIT_HOST_CALL;
	return REC_EXIT_TO_HOST;
}

static bool fid_is_psci(uint64_t fid)
{
	return (fid >> 32) == 0 && (fid & ~(uint64_t)SMCCC_SMC64) >= PSCI_FID_VERSION &&
	       (fid & ~(uint64_t)SMCCC_SMC64) <= PSCI_FID_VERSION + PSCI_FNUM_MAX;
}

enum rec_action rsi_handle_smc(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	/* SMCCC 1.3: the SVE hint does not select a function. */
	uint64_t fid = rec->gprs[0] & ~(uint64_t)SMCCC_SVE_HINT;

	switch (fid) {
	case RSI_VERSION:
		rsi_version(rec);
		return REC_RESUME;
	case RSI_FEATURES:
		rec->gprs[1] = 0;
		ret1(rec, RSI_SUCCESS);
		return REC_RESUME;
	case RSI_MEASUREMENT_READ:
		rsi_measurement_read(c);
		return REC_RESUME;
	case RSI_MEASUREMENT_EXTEND:
		rsi_measurement_extend(c);
		return REC_RESUME;
	case RSI_ATTESTATION_TOKEN_INIT:
		rsi_attest_token_init(c);
		return REC_RESUME;
	case RSI_ATTESTATION_TOKEN_CONTINUE:
		return rsi_attest_token_continue(c);
	case RSI_REALM_CONFIG:
		return rsi_realm_config(c);
	case RSI_IPA_STATE_SET:
		return rsi_ipa_state_set(c);
	case RSI_IPA_STATE_GET:
		rsi_ipa_state_get(c);
		return REC_RESUME;
	case RSI_HOST_CALL:
		return rsi_host_call(c);
	case SMCCC_VERSION:
		ret1(rec, SMCCC_VERSION_1_2);
		return REC_RESUME;
	default:
		break;
	}
	if (fid_is_psci(fid))
		return rsi_psci(c, fid);
	ret1(rec, SMC_UNKNOWN);
	return REC_RESUME;
}
