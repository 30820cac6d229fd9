// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ns-host test harness: SMC conduit, TAP output and fault probes.
 * Each check prints one TAP line; finish() prints the plan, a "# N passed"
 * summary and REALM-STACK-RESULT: <failures>, then PSCI SYSTEM_OFF ends
 * QEMU (the monitor turns it into a semihosting exit).
 *
 * Granule Protection Faults: the monitor leaves SCR_EL3.GPF = 0, so a GPF
 * caused at NS-EL2 is taken to NS-EL2 itself as a Data Abort (EC 0x25)
 * with DFSC 0b101000, "GPF not on a translation table walk" (the MMU is
 * off: there is no walk).  ns_exception() records ESR/FAR and skips the
 * faulting instruction when a probe expects a fault; anything else is a
 * Bail out! with the syndrome, never a hang.
 */
#include <stdarg.h>
#include <abi/psci.h>
#include <ns-host.h>
#include <rmm/plat.h>

#define PATTERN(pa, i)	(0x5A5A000000000000ULL ^ (pa) ^ (i))

/* x0..x5 passed, x0..x4 returned; SMCCC 1.2 lets x4..x17 change. */
struct smc_ret smc6(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		    uint64_t a5)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	register uint64_t x4 __asm__("x4") = a4, x5 __asm__("x5") = a5;
	register uint64_t x6 __asm__("x6") = 0, x7 __asm__("x7") = 0;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5),
			   "+r"(x6), "+r"(x7)
			 :
			 : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16",
			   "x17", "memory");
	return (struct smc_ret){ x0, x1, x2, x3, x4 };
}

struct smc_ret smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return smc6(fid, a1, a2, a3, 0, 0);
}

/* ------------------------------------------------------------ TAP */

static unsigned int test_num, failures;

bool ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	test_num++;
	if (!cond)
		failures++;
	con_printf("%sok %u - ", cond ? "" : "not ", test_num);
	va_start(ap, fmt);
	con_vprintf(fmt, ap);
	va_end(ap);
	con_putc('\n');
	return cond;
}

void finish(const char *bail)
{
	unsigned int passed = test_num - failures;

	/* A bail-out counts as one more failure: the run must not look clean. */
	if (bail) {
		con_printf("Bail out! %s\n", bail);
		failures++;
	} else {
		con_printf("1..%u\n", test_num);
	}
	con_printf("# %u passed, %u failed\n", passed, failures);
	con_printf("REALM-STACK-RESULT: %u\n", failures);
	smc(PSCI_FID_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

/* ------------------------------------------------------------ probes */

volatile struct fault_record fault;

void ns_exception(uint64_t kind, uint64_t *regs)
{
	uint64_t esr = read_sysreg(esr_el2), far = read_sysreg(far_el2);
	uint64_t elr = read_sysreg(elr_el2);

	(void)regs;
	/* Vector 4 = synchronous, current EL with SP_ELx: our probes. */
	if (kind == 4 && fault.expected && !fault.taken && ESR_EC(esr) == EC_DABT_CUR) {
		fault.taken = true;
		fault.esr = esr;
		fault.far = far;
		write_sysreg(elr_el2, elr + 4);		/* skip the one ldr/str */
		return;
	}
	con_printf("# unexpected exception: vector %lu ESR_EL2 0x%lx FAR_EL2 0x%lx ELR_EL2 0x%lx\n",
		   kind, esr, far, elr);
	finish("unexpected exception at NS-EL2");
}

/* One 64-bit load; true if it faulted (fault.esr/far then say how). */
bool probe_read(uint64_t pa, uint64_t *val)
{
	uint64_t v = SENTINEL;

	fault.taken = false;
	fault.expected = true;
	__asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(pa) : "memory");
	fault.expected = false;
	*val = v;
	return fault.taken;
}

bool probe_write(uint64_t pa, uint64_t val)
{
	fault.taken = false;
	fault.expected = true;
	__asm__ volatile("str %0, [%1]" : : "r"(val), "r"(pa) : "memory");
	fault.expected = false;
	return fault.taken;
}

bool is_gpf_at(uint64_t pa)
{
	return ESR_EC(fault.esr) == EC_DABT_CUR && ESR_DFSC(fault.esr) == DFSC_GPF &&
	       fault.far == pa;
}

volatile uint64_t *granule_words(uint64_t pa)
{
	return (volatile uint64_t *)(uintptr_t)pa;
}

void fill(uint64_t pa)
{
	for (unsigned int i = 0; i < GRANULE / 8; i++)
		granule_words(pa)[i] = PATTERN(pa, i);
}

/* Every word still holds the pattern: the granule stayed NS and untouched. */
bool intact(uint64_t pa)
{
	uint64_t v;

	if (probe_read(pa, &v))
		return false;
	for (unsigned int i = 0; i < GRANULE / 8; i++)
		if (granule_words(pa)[i] != PATTERN(pa, i))
			return false;
	return true;
}

bool all_zero(uint64_t pa)
{
	for (unsigned int i = 0; i < GRANULE / 8; i++)
		if (granule_words(pa)[i])
			return false;
	return true;
}

uint64_t rmi(uint64_t fid, uint64_t a1)
{
	return smc(fid, a1, 0, 0).x0;
}


/* The RMM's measurement code (the RIM prediction) asserts through this. */
void plat_panic(const char *why)
{
	finish(why);
}

void print_hex_line(const char *tag, const uint8_t *p, uint64_t len)
{
	con_printf("# %s: ", tag);
	for (uint64_t i = 0; i < len; i++)
		con_printf("%02x", p[i]);
	con_putc('\n');
}
