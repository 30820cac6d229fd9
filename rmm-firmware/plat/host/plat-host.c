/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Host platform for the unit tests: memory is a heap buffer, EL3 is a fake
 * with a one-bit-per-granule GPT, and a panic is reported to cmocka as an
 * assertion failure (so a test can also expect one).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <abi/rmm-el3.h>
#include <plat-host.h>
#include <rmm/granule.h>
#include <rmm/mec.h>
#include <rmm/realm.h>
#include <rmm/rmi-handlers.h>
#include <rmm/rec-run.h>

static uint8_t *dram;
static bool gpt_realm[HOST_NUM_GRANULES];
static struct host_gtsi_log gtsi_log;
static int gtsi_fail_status;

static const struct plat_features default_features = {
	.pa_bits = 48,
	.lpa2 = false,
	.sve = true,
	.sve_max_vl = 3,
	.num_bps = 5,
	.num_wps = 3,
	.pmu = true,
	.pmu_num_ctrs = 6,
	.pmu_hpmn0 = false,
	.gicv3_num_lrs = 15,
	.max_recs_order = 10,
	.vmid_bits = 16,
	.mecid_bits = 16,
};
static struct plat_features features;
static struct host_mec_log mec_log;
static int mec_fail_status;
static unsigned int mec_fail_count;
static host_rec_run_fn rec_run_fn;
static void *rec_run_arg;
static unsigned int rec_run_calls;
static struct host_tlbi_log tlbi_log;

static struct {
	struct host_attest_log log;
	uint8_t shared[GRANULE_SIZE];
	uint8_t rak[64];
	size_t rak_len;
	host_plat_token_fn token_fn;
	size_t hunk_max;
	int fail_status;
	unsigned int fail_count;
	uint8_t token[HOST_PLAT_TOKEN_MAX];
	size_t token_len, token_sent;
} att;

void host_platform_reset(void)
{
	static const struct rmm_memory_bank bank = {
		.base = HOST_DRAM_BASE, .size = HOST_DRAM_SIZE,
	};

	if (dram == NULL) {
		dram = aligned_alloc(GRANULE_SIZE, HOST_DRAM_SIZE);
		if (dram == NULL)
			abort();
	}
	memset(dram, 0, HOST_DRAM_SIZE);
	memset(gpt_realm, 0, sizeof(gpt_realm));
	memset(&gtsi_log, 0, sizeof(gtsi_log));
	gtsi_fail_status = E_RMM_OK;
	features = default_features;
	rec_run_fn = NULL;
	rec_run_arg = NULL;
	rec_run_calls = 0;
	memset(&tlbi_log, 0, sizeof(tlbi_log));
	if (granule_init(&bank, 1) != 0)
		abort();
	vmid_init();
	mec_init();
	rmi_version_reset();
	memset(&mec_log, 0, sizeof(mec_log));
	mec_fail_status = E_RMM_OK;
	mec_fail_count = 0;
	memset(&att, 0, sizeof(att));
}

static bool pa_in_dram(uint64_t pa, size_t len)
{
	return pa >= HOST_DRAM_BASE && len <= HOST_DRAM_SIZE &&
	       pa - HOST_DRAM_BASE <= HOST_DRAM_SIZE - len;
}

void *host_pa_to_va(uint64_t pa)
{
	if (!pa_in_dram(pa, 1))
		abort();
	return dram + (pa - HOST_DRAM_BASE);
}

bool host_gpt_is_realm(uint64_t pa)
{
	return gpt_realm[(pa - HOST_DRAM_BASE) >> GRANULE_SHIFT];
}

const struct host_gtsi_log *host_gtsi_log(void)
{
	return &gtsi_log;
}

void host_gtsi_fail_next(int el3_status)
{
	gtsi_fail_status = el3_status;
}

struct plat_features *host_features(void)
{
	return &features;
}

const struct plat_features *plat_get_features(void)
{
	return &features;
}

void *plat_granule_map(uint64_t pa)
{
	return host_pa_to_va(pa);
}

void plat_granule_unmap(void *va)
{
	(void)va;
}

bool plat_ns_read(void *dst, uint64_t pa, size_t len)
{
	if (!pa_in_dram(pa, len) || host_gpt_is_realm(pa))
		return false;
	memcpy(dst, host_pa_to_va(pa), len);
	return true;
}

bool plat_ns_write(uint64_t pa, const void *src, size_t len)
{
	if (!pa_in_dram(pa, len) || host_gpt_is_realm(pa))
		return false;
	memcpy(host_pa_to_va(pa), src, len);
	return true;
}

/* EL3 rules (cca-interfaces.md §10.1): NS <-> Realm only, one granule. */
static int gtsi(uint64_t pa, bool to_realm)
{
	int status = gtsi_fail_status;

	gtsi_log.last_pa = pa;
	if (to_realm)
		gtsi_log.delegate_calls++;
	else
		gtsi_log.undelegate_calls++;

	if (status != E_RMM_OK) {
		gtsi_fail_status = E_RMM_OK;
		return status;
	}
	if ((pa & GRANULE_MASK) != 0 || !pa_in_dram(pa, GRANULE_SIZE))
		return E_RMM_BAD_ADDR;
	if (host_gpt_is_realm(pa) == to_realm)
		return E_RMM_BAD_PAS;
	gpt_realm[(pa - HOST_DRAM_BASE) >> GRANULE_SHIFT] = to_realm;
	return E_RMM_OK;
}

int plat_gtsi_delegate(uint64_t pa)
{
	return gtsi(pa, true);
}

int plat_gtsi_undelegate(uint64_t pa)
{
	return gtsi(pa, false);
}

const struct host_mec_log *host_mec_log(void)
{
	return &mec_log;
}

void host_mec_fail(int el3_status, unsigned int count)
{
	mec_fail_status = el3_status;
	mec_fail_count = count;
}

/* The monitor's rules (monitor/mec.c): MECID 1..2^width - 1, reason 0/1. */
int plat_mec_refresh(unsigned int hw_mecid, unsigned int reason)
{
	mec_log.refresh_calls++;
	mec_log.last_mecid = hw_mecid;
	mec_log.last_reason = reason;
	if (mec_fail_count != 0) {
		mec_fail_count--;
		return mec_fail_status;
	}
	if (features.mecid_bits == 0)
		return E_RMM_UNK;
	if (hw_mecid == 0 || hw_mecid >= (1U << features.mecid_bits) || reason > 1)
		return E_RMM_INVAL;
	if (reason == RMM_MEC_REFRESH_REASON_CREATE)
		mec_log.creates++;
	else
		mec_log.destroys++;
	return E_RMM_OK;
}

void plat_mec_set(unsigned int hw_mecid)
{
	mec_log.set_calls++;
	mec_log.current = hw_mecid;
}

const struct host_attest_log *host_attest_log(void)
{
	return &att.log;
}

void host_attest_set_rak(const uint8_t *scalar, size_t len)
{
	if (len > sizeof(att.rak))
		abort();
	if (len != 0)
		memcpy(att.rak, scalar, len);
	att.rak_len = len;
}

void host_attest_set_plat_token_fn(host_plat_token_fn fn)
{
	att.token_fn = fn;
}

void host_attest_set_hunk(size_t max)
{
	att.hunk_max = max;
}

void host_attest_fail(int el3_status, unsigned int count)
{
	att.fail_status = el3_status;
	att.fail_count = count;
}

int plat_el3_get_realm_key(uint8_t *scalar, size_t cap, size_t *len)
{
	att.log.key_calls++;
	if (att.rak_len == 0)
		return E_RMM_UNK;
	/* EL3 writes the scalar into the shared buffer ... */
	memcpy(att.shared, att.rak, att.rak_len);
	if (att.rak_len > cap) {
		memset(att.shared, 0, sizeof(att.shared));
		return E_RMM_INVAL;
	}
	/* ... and the platform layer copies it out and wipes the buffer. */
	memcpy(scalar, att.shared, att.rak_len);
	*len = att.rak_len;
	memset(att.shared, 0, sizeof(att.shared));
	return E_RMM_OK;
}

int plat_el3_get_plat_token(const uint8_t *challenge, size_t c_size, void *dst,
			    size_t cap, size_t *hunk, size_t *remaining)
{
	size_t size = cap < sizeof(att.shared) ? cap : sizeof(att.shared), n;

	att.log.token_calls++;
	*hunk = *remaining = 0;
	if (att.fail_count != 0) {
		att.fail_count--;
		return att.fail_status;
	}
	if (size == 0 || (c_size != 0 && c_size != 32 && c_size != 48 && c_size != 64) ||
	    c_size > size)
		return E_RMM_INVAL;
	if (c_size != 0) {
		memcpy(att.shared, challenge, c_size);
		att.log.token_starts++;
		memcpy(att.log.challenge, att.shared, c_size);
		att.log.c_size = c_size;
		att.token_len = att.token_sent = 0;
		if (att.token_fn == NULL ||
		    att.token_fn(att.shared, c_size, att.token, sizeof(att.token), &att.token_len))
			return E_RMM_UNK;
	} else if (att.token_sent >= att.token_len) {
		return E_RMM_INVAL;
	}
	n = att.token_len - att.token_sent;
	if (n > size)
		n = size;
	if (att.hunk_max != 0 && n > att.hunk_max)
		n = att.hunk_max;
	memcpy(att.shared, att.token + att.token_sent, n);
	att.token_sent += n;
	memcpy(dst, att.shared, n);
	*hunk = n;
	*remaining = att.token_len - att.token_sent;
	return E_RMM_OK;
}

void plat_panic(const char *why)
{
	mock_assert(0, why, __FILE__, __LINE__);
	abort();
}

void host_rec_run_set(host_rec_run_fn fn, void *arg)
{
	rec_run_fn = fn;
	rec_run_arg = arg;
}

unsigned int host_rec_run_calls(void)
{
	return rec_run_calls;
}

void plat_rec_run(struct rec *rec, const struct rec_run_cfg *cfg, struct rec_exception *exc)
{
	rec_run_calls++;
	/* As runtime/stage2.c stage2_load(): the realm's MECID on every entry. */
	plat_mec_set(cfg->mecid);
	if (rec_run_fn == NULL) {
		exc->kind = REC_EXC_IRQ;
		return;
	}
	rec_run_fn(rec, cfg, exc, rec_run_arg);
}

const struct host_tlbi_log *host_tlbi_log(void)
{
	return &tlbi_log;
}

void plat_s2_tlbi_ipa(unsigned int vmid, uint64_t ipa, int level)
{
	(void)level;
	tlbi_log.ipa_calls++;
	tlbi_log.last_ipa = ipa;
	tlbi_log.last_vmid = vmid;
}

void plat_s2_tlbi_vmid(unsigned int vmid)
{
	tlbi_log.vmid_calls++;
	tlbi_log.last_vmid = vmid;
}

/* Known: the AArch64 ID registers of CRm 4..7; everything else unknown. */
bool plat_id_reg_read(const struct rec_run_cfg *cfg, uint64_t esr, uint64_t *val)
{
	unsigned int crm = (unsigned int)((esr >> 1) & 0xF);

	(void)cfg;
	if (crm < 4)
		return false;
	*val = HOST_ID_REG_VALUE;
	return true;
}
