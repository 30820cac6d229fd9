// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running a realm: a tiny hand-assembled guest in the realm's first page
 * exercises RSI (version, realm config, measurement, RIPAS change and
 * query, host call), MMIO to the unprotected half (emulated here, the way
 * a VMM does) and PSCI SYSTEM_OFF; every exit is checked.  Further guests
 * check the ID register view, UNDEF injection, SGI and WFI exits, FP/SIMD
 * separation and memory shared with the host.  The guest reports RSI results by
 * storing them to an MMIO address, so each one is an exit too.  A second
 * test kills a process while its realm spins and checks that nothing stays
 * delegated.
 */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <abi/psci.h>
#include <abi/rmi.h>
#include <abi/rsi.h>

#include "kselftest_harness.h"
#include "realm_guest.h"
#include "realm_util.h"

#define RAM		REALM_TEST_RAM_BASE
#define G		REALM_GRANULE
#define CONFIG_PAGE	(RAM + G)		/* populated: RsiRealmConfig */
#define HOSTCALL_PAGE	(RAM + 3 * G)		/* RIPAS RAM, backed on first touch */
#define MMIO		REALM_GUEST_MMIO
#define RIPAS_BASE	(RAM + 8 * G)		/* RIPAS RAM, unbacked */

/* mrs()/msr() operands: only the guests here use them. */
#define VBAR_EL1		SYSREG(3U, 0U, 12U, 0U, 0U)
#define ESR_EL1			SYSREG(3U, 0U, 5U, 2U, 0U)
#define ELR_EL1			SYSREG(3U, 0U, 4U, 0U, 1U)
#define ID_AA64PFR0_EL1		SYSREG(3U, 0U, 0U, 4U, 0U)
#define ID_AA64DFR0_EL1		SYSREG(3U, 0U, 0U, 5U, 0U)
#define ICC_SGI1R_EL1		SYSREG(3U, 0U, 12U, 11U, 5U)

/* The guest: x20 = MMIO report address, x21 = the host-call page. */
static void build_guest(struct prog *p)
{
	memset(p, 0, sizeof(*p));
	mov64(p, 20, MMIO);
	mov64(p, 21, HOSTCALL_PAGE);

	mov64(p, 0, RSI_VERSION);
	mov64(p, 1, RSI_ABI_VERSION_1_0);
	smc(p);
	str64(p, 0, 20, 0);		/* report: status */
	str64(p, 1, 20, 0);		/* report: lower revision */

	mov64(p, 0, RSI_REALM_CONFIG);
	mov64(p, 1, CONFIG_PAGE);
	smc(p);
	str64(p, 0, 20, 0);		/* report: status */
	mov64(p, 1, CONFIG_PAGE);
	ldr64(p, 3, 1, 0);		/* RsiRealmConfig.ipa_width */
	str64(p, 3, 20, 0);		/* report */

	mov64(p, 0, RSI_MEASUREMENT_EXTEND);
	mov64(p, 1, 1);
	mov64(p, 2, 8);
	mov64(p, 3, 0x1122334455667788ULL);
	smc(p);
	str64(p, 0, 20, 0);		/* report: status */

	mov64(p, 0, RSI_IPA_STATE_SET);
	mov64(p, 1, RIPAS_BASE);
	mov64(p, 2, RIPAS_BASE + 2 * G);
	mov64(p, 3, RSI_RIPAS_EMPTY);
	mov64(p, 4, 0);
	smc(p);				/* exit: RIPAS change */
	str64(p, 1, 20, 0);		/* report: progress */
	mov64(p, 0, RSI_IPA_STATE_GET);
	mov64(p, 1, RIPAS_BASE);
	mov64(p, 2, RIPAS_BASE + 4 * G);
	smc(p);
	str64(p, 1, 20, 0);		/* report: top of the EMPTY run */

	ldr32(p, 5, 20, 8);		/* emulated load */
	str64(p, 5, 20, 0);		/* report what it read */

	mov64(p, 6, 0x42);
	str32(p, 6, 21, 0);		/* RsiHostCall.imm */
	mov64(p, 7, 0x1234);
	str64(p, 7, 21, 8);		/* RsiHostCall.gprs[0] */
	mov64(p, 0, RSI_HOST_CALL);
	emit(p, 0xAA1503E1U);		/* MOV X1, X21 */
	smc(p);
	str64(p, 0, 20, 0);		/* report: status */
	ldr64(p, 8, 21, 8);
	str64(p, 8, 20, 0);		/* report: gprs[0] the host returned */

	mov64(p, 0, PSCI_FID_SYSTEM_OFF);
	smc(p);
	spin(p);
}

#define VECTORS		0x800		/* VBAR_EL1 = RAM + VECTORS */
#define SYNC_SPX	0x200		/* current EL, SP_ELx, synchronous */

/*
 * The second guest: sanitised ID registers, an HVC (the RMM injects an
 * UNDEF: the guest's vector reports ESR_EL1 and steps over it), an SGI
 * (ICC_SGI1R_EL1 write, passed to the host) and a trapped WFI.
 */
static void build_trap_guest(struct prog *p)
{
	unsigned int h = (VECTORS + SYNC_SPX) / 4;

	memset(p, 0, sizeof(*p));
	mov64(p, 20, MMIO);
	mov64(p, 0, RAM + VECTORS);
	msr(p, VBAR_EL1, 0);
	emit(p, 0xD5033FDFU);		/* ISB */
	mrs(p, 1, ID_AA64PFR0_EL1);
	str64(p, 1, 20, 0);		/* report */
	mrs(p, 1, ID_AA64DFR0_EL1);
	str64(p, 1, 20, 0);		/* report */
	emit(p, 0xD4000002U);		/* HVC #0 */
	mov64(p, 2, 0x0001000000020003ULL);
	msr(p, ICC_SGI1R_EL1, 2);
	emit(p, 0xD503207FU);		/* WFI */
	mov64(p, 0, PSCI_FID_SYSTEM_OFF);
	smc(p);
	spin(p);

	/* Synchronous exception handler: report ESR_EL1, skip the insn. */
	p->insn[h++] = 0xD5300000U | ESR_EL1 | 9;		/* MRS X9, ESR_EL1 */
	p->insn[h++] = 0xF9000000U | 20 << 5 | 9;		/* STR X9, [X20] */
	p->insn[h++] = 0xD5300000U | ELR_EL1 | 9;		/* MRS X9, ELR_EL1 */
	p->insn[h++] = 0x91001129U;				/* ADD X9, X9, #4 */
	p->insn[h++] = 0xD5100000U | ELR_EL1 | 9;		/* MSR ELR_EL1, X9 */
	p->insn[h++] = 0xD69F03E0U;				/* ERET */
	p->n = h;
}

/* RUN, expect an MMIO store of @len bytes of @data to MMIO; complete it. */
#define EXPECT_MMIO_STORE(vm, len, data) do {					\
	ASSERT_EQ(0, vm_run(vm));						\
	ASSERT_EQ(KVM_REALM_EXIT_MMIO, (int)(vm)->run->exit_reason);			\
	EXPECT_EQ((__u64)MMIO, (vm)->run->mmio_ipa);					\
	EXPECT_EQ(len, (int)(vm)->run->mmio_len);					\
	EXPECT_EQ(1, (int)(vm)->run->mmio_is_write);					\
	EXPECT_EQ((__u64)(data), (vm)->run->mmio_data);			\
	rec_run(vm)->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;			\
} while (0)

TEST(guest_rsi_mmio_host_call_system_off)
{
	struct realm_stats before, after;
	struct prog p;
	struct vm vm;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_stats_read(&before));
	build_guest(&p);
	ASSERT_EQ(0, vm_build(&vm, &p));

	EXPECT_MMIO_STORE(&vm, 8, RSI_SUCCESS);		/* RSI_VERSION */
	EXPECT_MMIO_STORE(&vm, 8, RSI_ABI_VERSION_1_0);
	EXPECT_MMIO_STORE(&vm, 8, RSI_SUCCESS);		/* RSI_REALM_CONFIG */
	EXPECT_MMIO_STORE(&vm, 8, REALM_TEST_IPA_BITS);
	EXPECT_MMIO_STORE(&vm, 8, RSI_SUCCESS);		/* MEASUREMENT_EXTEND */

	/* RSI_IPA_STATE_SET: accepted; the kernel applies it on the next RUN. */
	ASSERT_EQ(0, vm_run(&vm));
	ASSERT_EQ(KVM_REALM_EXIT_RIPAS_CHANGE, (int)vm.run->exit_reason);
	EXPECT_EQ((__u64)RIPAS_BASE, rec_run(&vm)->exit.ripas_base);
	EXPECT_EQ((__u64)RIPAS_BASE + 2 * G, rec_run(&vm)->exit.ripas_top);
	EXPECT_EQ(RMI_EMPTY, (int)rec_run(&vm)->exit.ripas_value);
	EXPECT_MMIO_STORE(&vm, 8, RIPAS_BASE + 2 * G);	/* progress: all of it */
	EXPECT_MMIO_STORE(&vm, 8, RIPAS_BASE + 2 * G);	/* IPA_STATE_GET: EMPTY up to there */

	/* The emulated load. */
	ASSERT_EQ(0, vm_run(&vm));
	ASSERT_EQ(KVM_REALM_EXIT_MMIO, (int)vm.run->exit_reason);
	EXPECT_EQ((__u64)MMIO + 8, vm.run->mmio_ipa);
	EXPECT_EQ(4, (int)vm.run->mmio_len);
	EXPECT_EQ(0, (int)vm.run->mmio_is_write);
	rec_run(&vm)->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;
	rec_run(&vm)->enter.gprs[0] = 0xFFFFFFFFCAFEF00DULL;	/* zero-extended: LDR W */
	EXPECT_MMIO_STORE(&vm, 8, 0xCAFEF00DULL);

	/* RSI_HOST_CALL (its page is backed on the guest's first store). */
	ASSERT_EQ(0, vm_run(&vm));
	ASSERT_EQ(KVM_REALM_EXIT_HOST_CALL, (int)vm.run->exit_reason);
	EXPECT_EQ(0x42, (int)rec_run(&vm)->exit.imm);
	EXPECT_EQ(0x1234ULL, rec_run(&vm)->exit.gprs[0]);
	rec_run(&vm)->enter.gprs[0] = 0x5678;
	EXPECT_MMIO_STORE(&vm, 8, RSI_SUCCESS);
	EXPECT_MMIO_STORE(&vm, 8, 0x5678);

	ASSERT_EQ(0, vm_run(&vm));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);
	EXPECT_EQ((__u64)RMI_EXIT_PSCI, vm.run->rmi_exit_reason);
	EXPECT_EQ((__u64)PSCI_FID_SYSTEM_OFF, rec_run(&vm)->exit.gprs[0]);
	/* Off for good. */
	ASSERT_EQ(0, vm_run(&vm));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);

	vm_destroy(&vm);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	EXPECT_EQ(before.realms, after.realms);
	EXPECT_EQ(before.recs, after.recs);
}

TEST(guest_id_regs_undef_sgi_wfi)
{
	struct realm_stats before, after;
	uint64_t v;
	struct prog p;
	struct vm vm;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_stats_read(&before));
	build_trap_guest(&p);
	ASSERT_EQ(0, vm_build(&vm, &p));
	rec_run(&vm)->enter.flags = RMI_REC_ENTER_TRAP_WFI;

	ASSERT_EQ(0, vm_mmio_store(&vm, &v));
	EXPECT_EQ(0ULL, (v >> 32) & 0xF);	/* ID_AA64PFR0_EL1.SVE */
	EXPECT_EQ(0ULL, (v >> 8) & 0xF);	/* .EL2 */
	EXPECT_EQ(0ULL, (v >> 52) & 0xF);	/* .RME */
	ASSERT_EQ(0, vm_mmio_store(&vm, &v));
	EXPECT_EQ(0ULL, (v >> 8) & 0xF);	/* ID_AA64DFR0_EL1.PMUVer */
	EXPECT_EQ(0ULL, (v >> 32) & 0xF);	/* .PMSVer (SPE) */
	ASSERT_EQ(0, vm_mmio_store(&vm, &v));
	EXPECT_EQ(0x02000000ULL, v);		/* ESR_EL1 of the UNDEF: EC 0, IL */

	ASSERT_EQ(0, vm_run(&vm));
	ASSERT_EQ(KVM_REALM_EXIT_SYSREG, (int)vm.run->exit_reason);
	EXPECT_EQ(0x18ULL, rec_run(&vm)->exit.esr >> 26);
	EXPECT_EQ(0x0001000000020003ULL, rec_run(&vm)->exit.gprs[0]);

	ASSERT_EQ(0, vm_run(&vm));
	ASSERT_EQ(KVM_REALM_EXIT_WFI, (int)vm.run->exit_reason);
	EXPECT_EQ(0x01ULL, rec_run(&vm)->exit.esr >> 26);
	EXPECT_EQ(0ULL, rec_run(&vm)->exit.esr & 0x1FFFFFF);	/* WFI: TI 0 */

	ASSERT_EQ(0, vm_run(&vm));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);
	vm_destroy(&vm);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
}

#define CPACR_EL1		SYSREG(3U, 0U, 1U, 0U, 2U)
#define GUEST_V17		0x5555666677778888ULL

/*
 * The third guest: enables FP/SIMD, puts a value in V17, clobbers V16 and
 * reports after each exit whether V17 survived.
 */
static void build_fp_guest(struct prog *p)
{
	memset(p, 0, sizeof(*p));
	mov64(p, 20, MMIO);
	mov64(p, 0, 3ULL << 20);		/* CPACR_EL1.FPEN: no traps */
	msr(p, CPACR_EL1, 0);
	emit(p, 0xD5033FDFU);			/* ISB */
	mov64(p, 3, GUEST_V17);
	emit(p, 0x9E670000U | 3 << 5 | 17);	/* FMOV D17, X3 */
	emit(p, 0x6F00E410U);			/* MOVI V16.2D, #0 */
	str64(p, 3, 20, 0);			/* exit */
	emit(p, 0x9E660000U | 17 << 5 | 4);	/* FMOV X4, D17 */
	str64(p, 4, 20, 0);			/* report */
	mov64(p, 0, PSCI_FID_SYSTEM_OFF);
	smc(p);
	spin(p);
}

/* KVM_REALM_RUN with @pattern live in D16 and D17; D16 afterwards in *@d16. */
static long run_with_fp(int rec, uint64_t pattern, uint64_t *d16)
{
	register long x0 __asm__("x0") = rec;
	register long x1 __asm__("x1") = KVM_REALM_RUN;
	register long x2 __asm__("x2") = 0;
	register long x8 __asm__("x8") = __NR_ioctl;
	uint64_t out;

	__asm__ volatile("fmov d16, %[p]\n"
			 "fmov d17, %[p]\n"
			 "svc #0\n"
			 "fmov %[o], d16\n"
			 : "+r"(x0), [o] "=r"(out)
			 : [p] "r"(pattern), "r"(x1), "r"(x2), "r"(x8)
			 : "v16", "v17", "memory");
	*d16 = out;
	return x0;
}

TEST(fpsimd_state_is_kept_apart)
{
	uint64_t d16;
	struct prog p;
	struct vm vm;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	build_fp_guest(&p);
	ASSERT_EQ(0, vm_build(&vm, &p));

	/* The realm zeroed V16 and set V17: the host's are as they were. */
	ASSERT_EQ(0, run_with_fp(vm.rec, 0x0123456789ABCDEFULL, &d16));
	ASSERT_EQ(KVM_REALM_EXIT_MMIO, (int)vm.run->exit_reason);
	EXPECT_EQ(0x0123456789ABCDEFULL, d16);
	rec_run(&vm)->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;

	/* The host's V17 did not leak into the realm's. */
	ASSERT_EQ(0, run_with_fp(vm.rec, 0xFEDCBA9876543210ULL, &d16));
	ASSERT_EQ(KVM_REALM_EXIT_MMIO, (int)vm.run->exit_reason);
	EXPECT_EQ(GUEST_V17, vm.run->mmio_data);
	EXPECT_EQ(0xFEDCBA9876543210ULL, d16);
	rec_run(&vm)->enter.flags |= RMI_REC_ENTER_EMUL_MMIO;

	ASSERT_EQ(0, vm_run(&vm));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);
	vm_destroy(&vm);
}

#define SHARED_IPA	REALM_UNPROTECTED(RAM + (1UL << 20))

/* The fourth guest: a store to and a load from host-shared memory. */
static void build_shared_guest(struct prog *p)
{
	memset(p, 0, sizeof(*p));
	mov64(p, 20, MMIO);
	mov64(p, 22, SHARED_IPA);
	mov64(p, 3, 0xABCDEF0123456789ULL);
	str64(p, 3, 22, 0);		/* into the host's page */
	ldr64(p, 4, 22, 8);		/* from the host's page */
	str64(p, 4, 20, 0);		/* report */
	mov64(p, 0, PSCI_FID_SYSTEM_OFF);
	smc(p);
	spin(p);
}

TEST(guest_shares_memory_with_host)
{
	struct kvm_realm_shared_mem sm;
	uint64_t *page;
	struct prog p;
	struct vm vm;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	page = mmap(NULL, G, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, page);
	page[1] = 0x1122334455667788ULL;
	build_shared_guest(&p);
	ASSERT_EQ(0, vm_build(&vm, &p));
	memset(&sm, 0, sizeof(sm));
	sm.ipa = SHARED_IPA;
	sm.size = G;
	sm.uaddr = (uintptr_t)page;
	ASSERT_EQ(0, __realm_ioctl(vm.realm, KVM_REALM_MAP_SHARED, &sm));

	EXPECT_MMIO_STORE(&vm, 8, 0x1122334455667788ULL);
	EXPECT_EQ(0xABCDEF0123456789ULL, page[0]);
	ASSERT_EQ(0, vm_run(&vm));
	EXPECT_EQ(KVM_REALM_EXIT_SYSTEM_OFF, (int)vm.run->exit_reason);
	vm_destroy(&vm);
	munmap(page, G);
}

/* Child: a realm spinning in `b .`, run until killed. */
static void spin_forever(int ready_fd)
{
	struct prog p = { .n = 0 };
	struct vm vm;

	spin(&p);
	if (vm_build(&vm, &p))
		_exit(2);
	if (write(ready_fd, "x", 1) != 1)
		_exit(3);
	for (;;)
		vm_run(&vm);
}

TEST(killed_while_running_returns_granules)
{
	struct realm_stats before, during, after;
	int pipefd[2], status;
	pid_t pid;
	char c;

	if (access(REALM_DEV, F_OK))
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_stats_read(&before));
	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		spin_forever(pipefd[1]);
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	usleep(300 * 1000);
	ASSERT_EQ(0, realm_stats_read(&during));
	EXPECT_GT(during.delegated, before.delegated);
	EXPECT_EQ(before.recs + 1, during.recs);
	ASSERT_EQ(0, kill(pid, SIGKILL));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	EXPECT_EQ(before.realms, after.realms);
	EXPECT_EQ(before.recs, after.recs);
}

TEST_HARNESS_MAIN
