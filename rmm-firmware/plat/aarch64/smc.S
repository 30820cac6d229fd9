/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The only instructions the aarch64 platform layer needs so far.
 */
	.text

/* uint64_t plat_smc1(uint64_t fid, uint64_t arg): SMC to EL3, returns x0. */
	.globl	plat_smc1
	.type	plat_smc1, %function
plat_smc1:
	smc	#0
	ret
	.size	plat_smc1, . - plat_smc1

/* void plat_halt(void): park this CPU for good. */
	.globl	plat_halt
	.type	plat_halt, %function
plat_halt:
	msr	daifset, #0xf
1:	wfe
	b	1b
	.size	plat_halt, . - plat_halt

	.section .note.GNU-stack, "", %progbits
