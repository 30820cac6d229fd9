/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Test-side controls of the host platform (plat/host/plat-host.c).
 *
 * "Physical memory" is one buffer standing for the DRAM bank
 * [HOST_DRAM_BASE, HOST_DRAM_BASE + HOST_DRAM_SIZE).  A fake GPT records,
 * per granule, whether EL3 has it in the NS or the Realm PAS; the fake EL3
 * logs every GTSI call and can be told to fail the next ones.
 */
#ifndef PLAT_HOST_H
#define PLAT_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <rmm/plat.h>

#define HOST_DRAM_BASE		0x80000000ULL
#define HOST_DRAM_SIZE		(8ULL << 20)		/* 2048 granules */
#define HOST_NUM_GRANULES	(HOST_DRAM_SIZE >> 12)

/* Fresh memory (zero), fresh GPT (all NS), fresh RMM granule tracking. */
void host_platform_reset(void);

/* Pointer to the test buffer backing @pa (inside the bank). */
void *host_pa_to_va(uint64_t pa);

/* Fake GPT: true if @pa is in the Realm PAS. */
bool host_gpt_is_realm(uint64_t pa);

/* Fake EL3 GTSI: call log and injected failures. */
struct host_gtsi_log {
	unsigned int delegate_calls;
	unsigned int undelegate_calls;
	uint64_t last_pa;
};
const struct host_gtsi_log *host_gtsi_log(void);
void host_gtsi_fail_next(int el3_status);	/* next GTSI call returns it */

/* Fake EL3 MEC refresh and the MECID register (plat_mec_set). */
struct host_mec_log {
	unsigned int refresh_calls;	/* every call, failed or not */
	unsigned int creates, destroys;	/* successful ones by reason */
	unsigned int last_mecid, last_reason;
	unsigned int set_calls;
	unsigned int current;		/* last plat_mec_set() value */
};
const struct host_mec_log *host_mec_log(void);
/* The next @count refreshes return @el3_status. */
void host_mec_fail(int el3_status, unsigned int count);

/*
 * Fake EL3 attestation services, with the monitor's rules (monitor/attest.c):
 * a one-granule shared buffer; GET_REALM_KEY hands out the scalar set with
 * host_attest_set_rak() (none set: E_RMM_UNK); GET_PLAT_TOKEN with c_size
 * 32/48/64 calls the test's builder with the challenge, then returns the
 * token in hunks of at most min(size, hunk limit); c_size 0 continues.
 */
typedef int (*host_plat_token_fn)(const uint8_t *challenge, size_t c_size,
				  uint8_t *out, size_t cap, size_t *len);
struct host_attest_log {
	unsigned int key_calls;
	unsigned int token_calls;	/* every GET_PLAT_TOKEN */
	unsigned int token_starts;	/* with a challenge */
	uint8_t challenge[64];		/* the last one */
	size_t c_size;
};
const struct host_attest_log *host_attest_log(void);
void host_attest_set_rak(const uint8_t *scalar, size_t len);
void host_attest_set_plat_token_fn(host_plat_token_fn fn);
void host_attest_set_hunk(size_t max);		/* 0: the whole buffer */
/* The next @count GET_PLAT_TOKEN calls return @el3_status (e.g. E_RMM_AGAIN). */
void host_attest_fail(int el3_status, unsigned int count);
/* The fake EL3's token storage (what the RMM may be offered). */
#define HOST_PLAT_TOKEN_MAX	8192

/* The platform description tests may adjust before a call. */
struct plat_features *host_features(void);

/*
 * Fake realm execution (plat_rec_run()): each run calls the test's script
 * function, which plays the realm (changes rec->gprs/pc/sysregs) and reports
 * the exception it "took".  Without a script every run takes an IRQ.
 */
struct rec;
struct rec_run_cfg;
struct rec_exception;
typedef void (*host_rec_run_fn)(struct rec *rec, const struct rec_run_cfg *cfg,
				struct rec_exception *exc, void *arg);
void host_rec_run_set(host_rec_run_fn fn, void *arg);
unsigned int host_rec_run_calls(void);

/* Fake stage-2 TLB maintenance log. */
struct host_tlbi_log {
	unsigned int ipa_calls;
	unsigned int vmid_calls;
	uint64_t last_ipa;
	unsigned int last_vmid;
};
const struct host_tlbi_log *host_tlbi_log(void);

/* The value the fake returns for every known ID register read. */
#define HOST_ID_REG_VALUE	0x1111ULL

#endif /* PLAT_HOST_H */
