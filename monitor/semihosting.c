// SPDX-License-Identifier: GPL-2.0-only
/*
 * Arm semihosting SYS_EXIT: the only way firmware can end QEMU with a
 * status the test harness can read.
 */
#include <stdint.h>
#include <arch.h>
#include <semihosting.h>

#define SEMIHOST_SYS_EXIT		0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

void semihost_exit(unsigned int status)
{
	uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");

	/* Without -semihosting the HLT traps; should it return, stay here. */
	for (;;)
		wfi();
}
