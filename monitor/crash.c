// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fatal paths: an unexpected exception taken to EL3, or a monitor error it
 * cannot recover from.  Both print what is needed to find the cause and end
 * the machine with a non-zero semihosting status, so that a test run fails
 * loudly instead of hanging.
 */
#include <stdint.h>
#include <arch.h>
#include <console.h>
#include <cpu.h>
#include <exception.h>
#include <panic.h>
#include <semihosting.h>

#define CRASH_EXIT_STATUS	1

static const char *const vector_group[] = {
	"current EL, SP_EL0", "current EL, SP_EL3", "lower EL, AArch64", "lower EL, AArch32",
};
static const char *const vector_kind[] = { "sync", "IRQ", "FIQ", "SError" };

void crash_report(struct el3_frame *f, uint64_t vector)
{
	uint64_t esr = read_sysreg(esr_el3);
	unsigned int i;

	mon_printf("\nmonitor: CRASH on cpu %lu (MPIDR 0x%lx): %s exception from %s\n",
		   (uint64_t)this_cpu()->index, read_sysreg(mpidr_el1),
		   vector_kind[vector & 3], vector_group[(vector >> 2) & 3]);
	mon_printf("monitor:   ESR_EL3 0x%lx (EC 0x%x)  ELR_EL3 0x%lx  FAR_EL3 0x%lx\n",
		   esr, (unsigned int)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK), f->elr,
		   read_sysreg(far_el3));
	mon_printf("monitor:   SPSR_EL3 0x%lx  SCR_EL3 0x%lx\n", f->spsr, read_sysreg(scr_el3));
	for (i = 0; i < 31; i += 2) {
		if (i == 30)
			mon_printf("monitor:   x30 0x%016lx\n", f->x[30]);
		else
			mon_printf("monitor:   x%u 0x%016lx  x%u 0x%016lx\n", i, f->x[i], i + 1, f->x[i + 1]);
	}
	semihost_exit(CRASH_EXIT_STATUS);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	console_puts("\nmonitor: PANIC: ");
	va_start(ap, fmt);
	mon_vprintf(fmt, ap);
	va_end(ap);
	console_puts("\n");
	semihost_exit(CRASH_EXIT_STATUS);
}
