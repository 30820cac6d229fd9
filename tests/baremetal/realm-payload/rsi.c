// SPDX-License-Identifier: GPL-2.0-only
/*
 * The test realm's conduit to the RMM (SMC, DEN0137 B5) and to the host
 * (RSI_HOST_CALL), its TAP reporting and its exception handling.
 *
 * Each REC has its own RsiHostCall block (256-byte aligned, in protected
 * memory): REC1 reports while REC0 is parked in a host call of its own.
 */
#include <stdarg.h>
#include <string.h>
#include <fmt.h>
#include "realm.h"

static struct rsi_host_call hc_blocks[2] ALIGNED(RSI_HOST_CALL_ALIGN);
volatile struct exc_record exc;
static volatile bool exc_expected;

void smc_call(struct smc_regs *r)
{
	register uint64_t x0 __asm__("x0") = r->x[0];
	register uint64_t x1 __asm__("x1") = r->x[1];
	register uint64_t x2 __asm__("x2") = r->x[2];
	register uint64_t x3 __asm__("x3") = r->x[3];
	register uint64_t x4 __asm__("x4") = r->x[4];
	register uint64_t x5 __asm__("x5") = r->x[5];
	register uint64_t x6 __asm__("x6") = r->x[6];
	register uint64_t x7 __asm__("x7") = r->x[7];
	register uint64_t x8 __asm__("x8") = r->x[8];
	register uint64_t x9 __asm__("x9") = r->x[9];
	register uint64_t x10 __asm__("x10") = r->x[10];

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5),
			   "+r"(x6), "+r"(x7), "+r"(x8), "+r"(x9), "+r"(x10)
			 :
			 : "x11", "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	r->x[0] = x0; r->x[1] = x1; r->x[2] = x2; r->x[3] = x3;
	r->x[4] = x4; r->x[5] = x5; r->x[6] = x6; r->x[7] = x7;
	r->x[8] = x8; r->x[9] = x9; r->x[10] = x10;
}

struct smc_regs smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
	struct smc_regs r = { { fid, a1, a2, a3, a4 } };

	smc_call(&r);
	return r;
}

static struct rsi_host_call *my_block(void)
{
	return &hc_blocks[read_sysreg(mpidr_el1) & 1];
}

uint64_t host_call(uint16_t imm, const uint64_t *in, unsigned int nin, uint64_t *out)
{
	struct rsi_host_call *hc = my_block();
	uint64_t ret;

	memset(hc, 0, sizeof(*hc));
	hc->imm = imm;
	for (unsigned int i = 0; i < nin && i < RSI_HOST_CALL_NR_GPRS; i++)
		hc->gprs[i] = in[i];
	ret = smc(RSI_HOST_CALL, (uint64_t)(uintptr_t)hc, 0, 0, 0).x[0];
	if (out)
		memcpy(out, hc->gprs, sizeof(hc->gprs));
	return ret;
}

bool rok(bool cond, const char *fmt, ...)
{
	uint64_t regs[1 + TR_REPORT_TEXT_SIZE / 8] = { cond };
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf((char *)&regs[1], TR_REPORT_TEXT_SIZE, fmt, ap);
	va_end(ap);
	host_call(TR_HC_REPORT, regs, ARRAY_SIZE(regs), NULL);
	return cond;
}

void panic(const char *why)
{
	rok(false, "panic: %s", why);
	for (;;)
		host_call(TR_HC_PANIC, NULL, 0, NULL);
}

/*
 * Vector 4 is a synchronous exception at EL1 with SP_EL1: an expected one
 * is recorded and skipped, anything else goes to the host as a panic (the
 * host bails out; the realm never resumes).
 */
void realm_exception(uint64_t kind, uint64_t *regs);
void realm_exception(uint64_t kind, uint64_t *regs)
{
	uint64_t esr = read_sysreg(esr_el1), far = read_sysreg(far_el1);
	uint64_t elr = read_sysreg(elr_el1);
	uint64_t info[4] = { esr, far, elr, kind };

	(void)regs;
	if (kind == 4 && exc_expected && !exc.taken) {
		exc.taken = true;
		exc.esr = esr;
		exc.far = far;
		__asm__ volatile("msr elr_el1, %0" : : "r"(elr + 4));
		return;
	}
	for (;;)
		host_call(TR_HC_PANIC, info, ARRAY_SIZE(info), NULL);
}

bool probe_read64(uint64_t ipa, uint64_t *val)
{
	uint64_t v = 0;

	exc.taken = false;
	exc_expected = true;
	__asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(ipa) : "memory");
	exc_expected = false;
	*val = v;
	return exc.taken;
}

bool probe_hvc(void)
{
	exc.taken = false;
	exc_expected = true;
	__asm__ volatile("mov x0, #0\n\thvc #0" : : : "x0", "x1", "x2", "x3", "memory");
	exc_expected = false;
	return exc.taken;
}
