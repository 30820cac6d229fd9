// SPDX-License-Identifier: GPL-2.0-only
/*
 * Attestation through the whole stack: a hand-assembled realm guest calls
 * RSI_ATTESTATION_TOKEN_INIT with a fixed challenge and loops
 * RSI_ATTESTATION_TOKEN_CONTINUE into a RIPAS RAM page that is not backed
 * yet (the RMM reports a stage-2 fault, the kernel backs the page, the SMC
 * re-runs), adding up the bytes each call wrote.  Realm memory is private,
 * so the guest reports by MMIO stores: the status and bound of INIT, the
 * final status, the token length and the number of calls, the first eight
 * bytes of the last chunk (the CBOR head of the collection when the token
 * fits one granule), then the state errors around it.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>

#include "kselftest_harness.h"
#include "realm_guest.h"
#include "realm_util.h"

#define RAM		REALM_TEST_RAM_BASE
#define G		REALM_GRANULE
#define TOKEN_PAGE	(RAM + 3 * G)		/* RIPAS RAM, backed on first touch */
#define EMPTY_PAGE	(RAM + REALM_TEST_RAM_SIZE)	/* outside the RAM: RIPAS EMPTY */
#define MMIO		REALM_GUEST_MMIO

/* tag(399) map(2) 44234 bstr(2-byte length): D9 01 8F A2 19 AC CA 59, as a LE word. */
#define TOKEN_HEAD_LE	0x59CAAC19A28F01D9ULL

/* x20 holds MMIO for the whole guest (see build_guest()). */
static void report(struct prog *p, unsigned int rt)
{
	str64(p, rt, 20, 0);
}

static void continue_call(struct prog *p, uint64_t ipa, uint64_t offset, uint64_t size)
{
	mov64(p, 0, RSI_ATTESTATION_TOKEN_CONTINUE);
	mov64(p, 1, ipa);
	mov64(p, 2, offset);
	mov64(p, 3, size);
	smc(p);
}

static uint64_t challenge_word(unsigned int i)
{
	return 0x0123456789ABCDEFULL * (i + 1) ^ 0xC0FFEEULL;
}

/* x20 = MMIO report address, x21 = the token page. */
static void build_guest(struct prog *p)
{
	unsigned int loop;

	memset(p, 0, sizeof(*p));
	mov64(p, 20, MMIO);
	mov64(p, 21, TOKEN_PAGE);

	/* No generation in progress yet: STATE (after the INPUT checks). */
	continue_call(p, TOKEN_PAGE, 0, G);
	report(p, 0);
	continue_call(p, TOKEN_PAGE + 8, 0, G);		/* unaligned: INPUT */
	report(p, 0);

	mov64(p, 0, RSI_ATTESTATION_TOKEN_INIT);
	for (unsigned int i = 0; i < 8; i++)
		mov64(p, 1 + i, challenge_word(i));
	smc(p);
	report(p, 0);					/* status */
	report(p, 1);					/* upper bound */

	/* Argument errors do not disturb the generation. */
	continue_call(p, EMPTY_PAGE, 0, G);		/* RIPAS EMPTY: INPUT */
	report(p, 0);
	continue_call(p, TOKEN_PAGE, 8, G);		/* offset + size > 4096: INPUT */
	report(p, 0);

	mov64(p, 22, 0);				/* bytes */
	mov64(p, 23, 0);				/* calls */
	loop = p->n;
	continue_call(p, TOKEN_PAGE, 0, G);
	emit(p, 0x8B0102D6U);				/* ADD X22, X22, X1 */
	emit(p, 0x910006F7U);				/* ADD X23, X23, #1 */
	emit(p, 0xF1000C1FU);				/* CMP X0, #RSI_INCOMPLETE */
	emit(p, 0x54000000U | ((loop - p->n) & 0x7FFFFU) << 5);	/* B.EQ loop */
	report(p, 0);					/* final status */
	report(p, 22);					/* token length */
	report(p, 23);					/* CONTINUE calls */
	ldr64(p, 9, 21, 0);
	report(p, 9);					/* head of the last chunk */

	/* Complete: no generation in progress any more. */
	continue_call(p, TOKEN_PAGE, 0, G);
	report(p, 0);

	mov64(p, 0, PSCI_FID_SYSTEM_OFF);
	smc(p);
	spin(p);
}

/*
 * Every report is a 64-bit STR: a store of another size is a guest that went
 * astray, so it fails here rather than as a wrong value later.
 */
static int mmio_store(struct vm *vm, uint64_t *data)
{
	if (vm_mmio_store(vm, data))
		return -1;
	return vm->run->mmio_len == 8 ? 0 : -1;
}

#define REPORT(vm, v) ASSERT_EQ(0, mmio_store(vm, &(v)))

TEST(guest_fetches_attestation_token)
{
	struct realm_stats before, after;
	uint64_t v, bound, len, calls;
	struct timespec t0, t1;
	struct prog p;
	struct vm vm;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_stats_read(&before));
	build_guest(&p);
	ASSERT_EQ(0, vm_build(&vm, &p));

	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_ERROR_STATE, v);	/* CONTINUE before INIT */
	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_ERROR_INPUT, v);	/* unaligned */
	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_SUCCESS, v);		/* INIT */
	REPORT(&vm, bound);
	EXPECT_GE(bound, 1024ULL);
	EXPECT_LE(bound, (uint64_t)4 * G);
	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_ERROR_INPUT, v);	/* RIPAS EMPTY */
	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_ERROR_INPUT, v);	/* offset + size */

	clock_gettime(CLOCK_MONOTONIC, &t0);
	REPORT(&vm, v);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	EXPECT_EQ((uint64_t)RSI_SUCCESS, v);		/* the token is complete */
	REPORT(&vm, len);
	REPORT(&vm, calls);
	REPORT(&vm, v);
	/* A realm token (~700 bytes) and a platform token: more than 1 KiB. */
	EXPECT_GT(len, 1024ULL);
	EXPECT_LE(len, bound);
	/* Signing is a call of its own; the bytes need at least one more. */
	EXPECT_GE(calls, 2ULL);
	EXPECT_LE(calls, (uint64_t)(2 + (bound + G - 1) / G));
	if (len <= G)
		EXPECT_EQ(TOKEN_HEAD_LE, v);
	ksft_print_msg("token: %llu bytes (bound %llu) in %llu CONTINUE calls, %ld ms\n",
		       (unsigned long long)len, (unsigned long long)bound,
		       (unsigned long long)calls,
		       (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));

	REPORT(&vm, v);
	EXPECT_EQ((uint64_t)RSI_ERROR_STATE, v);	/* done */

	ASSERT_EQ(0, __realm_ioctl(vm.rec, KVM_REALM_RUN, NULL));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);

	vm_destroy(&vm);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
}

TEST_HARNESS_MAIN
