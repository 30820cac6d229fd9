/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The contract between the bare-metal test host (ns-host, NS-EL2) and the
 * bare-metal test realm (realm-payload, R-EL1): the realm's IPA layout and
 * the host calls they talk through.  Both sides include this one header.
 *
 * IPA space (32 bits, so the unprotected half starts at 2 GiB):
 *
 *   0x40000000  RAM, 2 MiB, RIPAS RAM by one RTT_INIT_RIPAS at level 2.
 *               The realm image is DATA_CREATEd (measured) at its base;
 *               everything above it (.bss, stacks, buffers) is left
 *               unpopulated: the realm's first touch of each page is a
 *               stage-2 abort the host answers with DATA_CREATE_UNKNOWN.
 *   RAM top - 64 KiB   the RIPAS scratch range, never touched as memory:
 *               the realm flips its RIPAS with RSI_IPA_STATE_SET.
 *   0x90000000  MMIO: unprotected and unmapped, so every access is an
 *               emulatable data abort the host completes.
 *   0xC0000000  shared pages: unprotected, RTT_MAP_UNPROTECTED to NS
 *               granules the host reads (the attestation token comes out
 *               this way).
 */
#ifndef BAREMETAL_REALM_TEST_H
#define BAREMETAL_REALM_TEST_H

/* The linker script includes the layout: no C, and no UL suffix for ld. */
#ifdef __ASSEMBLY__
#define TR_UL(x)		x
#else
#include <stdint.h>
#define TR_UL(x)		x##UL
#endif

#define TR_IPA_BITS		32
#define TR_UNPROTECTED		(TR_UL(1) << (TR_IPA_BITS - 1))
#define TR_RTT_LEVEL_START	1	/* one level-1 table covers 2^39 */
#define TR_RTT_NUM_START	1

#define TR_RAM_BASE		TR_UL(0x40000000)
#define TR_RAM_SIZE		TR_UL(0x200000)	/* one level-2 entry */
#define TR_RAM_TOP		(TR_RAM_BASE + TR_RAM_SIZE)
/* The realm image with its .bss and stacks fits here (realm.ld.S checks). */
#define TR_REALM_MAX_SIZE	TR_UL(0x40000)
#define TR_SCRATCH_BASE		(TR_RAM_TOP - 0x10000)
#define TR_SCRATCH_TOP		TR_RAM_TOP
/* The host rejects every RIPAS change request that starts here. */
#define TR_REJECT_BASE		(TR_SCRATCH_BASE + 0x8000)

#define TR_MMIO_IPA		(TR_UNPROTECTED | TR_UL(0x10000000))
#define TR_MMIO_READ_VALUE	TR_UL(0x0123456789ABCDEF)
#define TR_MMIO_WRITE_VALUE	TR_UL(0xFEEDFACECAFEF00D)

#define TR_SHARED_IPA		(TR_UNPROTECTED | TR_UL(0x40000000))
#define TR_SHARED_PAGES		4
#define TR_SHARED_SIZE		(TR_SHARED_PAGES * TR_UL(4096))

#ifndef __ASSEMBLY__

/*
 * REC0's x0 at creation (RmiRecParams.gprs[0], so it is measured); its x1
 * is the SVE vector length in quadwords the realm was given, 0 for none.
 */
#define TR_MODE_TEST		0
#define TR_MODE_BENCH		1
#define TR_MODE_SMP		2	/* both RECs runnable, run concurrently */
#define TR_SMP_ROUNDS		200	/* host calls per REC in TR_MODE_SMP */

#define TR_REC1_MPIDR		TR_UL(1)		/* Aff0 = 1 */
#define TR_REC1_CONTEXT		TR_UL(0x5EC0DDA7A)	/* CPU_ON context_id */

/*
 * Host-call immediates (RsiHostCall.imm).  gprs[] are the struct's 31
 * registers, both ways.
 */
enum tr_host_call {
	/* gprs[0] = 1 pass / 0 fail, gprs[1..30] = NUL-terminated text. */
	TR_HC_REPORT = 1,
	/* gprs[0] = enum tr_value, gprs[1..8] = a 64-byte measurement. */
	TR_HC_VALUE = 2,
	/* gprs[i] = tr_echo(i); the host answers ~gprs[i] in every register. */
	TR_HC_ECHO = 3,
	/* The realm wrote tr_shared_word(i, 0) to shared page 0; the host
	 * checks and writes tr_shared_word(i, 1) back. */
	TR_HC_SHARED = 4,
	/* gprs[0] = token length in the shared pages, gprs[1] = the number
	 * of RSI_ATTESTATION_TOKEN_CONTINUE calls it took. */
	TR_HC_TOKEN = 5,
	/* REC0 waits: the host runs the other RECs until they are off. */
	TR_HC_RUN_OTHERS = 6,
	/* An exception the realm did not expect: gprs = ESR, FAR, ELR, vector. */
	TR_HC_PANIC = 7,
	/* Benchmark mode: one REC exit/re-enter round trip per call. */
	TR_HC_BENCH = 8,
	/* TR_MODE_SMP: gprs[0] = rounds done, gprs[1] = failed RSI calls. */
	TR_HC_SMP_DONE = 9,
	/* The realm's SVE registers are live: the host fills its own. */
	TR_HC_SVE_CLOBBER = 10,
};

enum tr_value {
	TR_VALUE_RIM = 0,	/* RSI_MEASUREMENT_READ(0) */
	TR_VALUE_REM1 = 1,	/* RSI_MEASUREMENT_READ(1) after one extend */
};

#define TR_REPORT_TEXT_SIZE	(30 * 8)

static inline uint8_t tr_rpv_byte(unsigned int i)
{
	return (uint8_t)(0x52 ^ (i * 13));		/* RealmParams.rpv */
}

static inline uint8_t tr_challenge_byte(unsigned int i)
{
	return (uint8_t)(0xC4 ^ (i * 29));		/* attestation challenge */
}

static inline uint8_t tr_rem_byte(unsigned int i)
{
	return (uint8_t)(0x3E + i);			/* REM[0] extend data, 32 bytes */
}

static inline uint64_t tr_echo(unsigned int i)
{
	return TR_UL(0x1100000000000000) * (i % 15 + 1) + i;
}

static inline uint64_t tr_shared_word(unsigned int i, int from_host)
{
	return (from_host ? TR_UL(0x4805700000000000) : TR_UL(0x5EA1A00000000000)) + i;
}

#endif /* !__ASSEMBLY__ */
#endif /* BAREMETAL_REALM_TEST_H */
