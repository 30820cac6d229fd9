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

/* The platform description tests may adjust before a call. */
struct plat_features *host_features(void);

#endif /* PLAT_HOST_H */
