/* SPDX-License-Identifier: GPL-2.0-only */
/* The test realm's helpers (rsi.c) shared by its test files. */
#ifndef REALM_PAYLOAD_H
#define REALM_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <abi/rsi.h>
#include <realm-test.h>

#define GRANULE		4096UL
#define ALIGNED(n)	__attribute__((aligned(n)))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __stringify_1(x)	#x
#define __stringify(x)	__stringify_1(x)
#define read_sysreg(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })

#define ESR_EC(esr)	(((esr) >> 26) & 0x3F)
#define ESR_FSC(esr)	((esr) & 0x3F)
#define EC_UNKNOWN	0x00
#define EC_DABT_CUR	0x25
#define FSC_SEA		0x10

/* x0..x10 in, x0..x10 out: enough for every RSI and PSCI call. */
struct smc_regs {
	uint64_t x[11];
};

void smc_call(struct smc_regs *r);
struct smc_regs smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4);

/* RSI_HOST_CALL on this REC's block: gprs in, gprs out (may be NULL). */
uint64_t host_call(uint16_t imm, const uint64_t *in, unsigned int nin, uint64_t *out);
/* One TAP check, printed by the host: "realm: <text>". */
bool rok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void __attribute__((noreturn)) panic(const char *why);

/* A load or store that may take a synchronous exception at EL1. */
struct exc_record {
	bool taken;
	uint64_t esr, far;
};
extern volatile struct exc_record exc;
bool probe_read64(uint64_t ipa, uint64_t *val);		/* true: it faulted */
bool probe_hvc(void);					/* true: it faulted */

/* Tests (attest.c, psci.c, memory.c, fuzz.c) called by main.c in order. */
void test_attestation(void);
void test_psci_primary(void);
void test_ipa_state(void);
void test_mmio(void);
void test_shared(void);
void test_rsi_fuzz(void);
void test_sve(uint64_t vq);

#endif /* REALM_PAYLOAD_H */
