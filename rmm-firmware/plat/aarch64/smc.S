/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * SMCs to EL3 and the CPU halt, the only instructions the platform layer
 * cannot express in C.
 */
	.text

/* uint64_t plat_smc1(uint64_t fid, uint64_t arg): SMC to EL3, returns x0. */
	.globl	plat_smc1
	.type	plat_smc1, %function
plat_smc1:
	smc	#0
	ret
	.size	plat_smc1, . - plat_smc1

/*
 * void plat_smc_exchange(struct plat_smc_regs *r): x0..x7 from r, SMC,
 * x0..x7 back into r.  EL3 preserves x8..x30 across the SMC (it restores
 * this world's saved registers), so r is still in x8 afterwards.
 */
	.globl	plat_smc_exchange
	.type	plat_smc_exchange, %function
plat_smc_exchange:
	mov	x8, x0
	ldp	x0, x1, [x8, #0]
	ldp	x2, x3, [x8, #16]
	ldp	x4, x5, [x8, #32]
	ldp	x6, x7, [x8, #48]
	smc	#0
	stp	x0, x1, [x8, #0]
	stp	x2, x3, [x8, #16]
	stp	x4, x5, [x8, #32]
	stp	x6, x7, [x8, #48]
	ret
	.size	plat_smc_exchange, . - plat_smc_exchange

/* void plat_halt(void): park this CPU for good, exceptions masked. */
	.globl	plat_halt
	.type	plat_halt, %function
plat_halt:
	msr	daifset, #0xf
1:	wfe
	b	1b
	.size	plat_halt, . - plat_halt

	.section .note.GNU-stack, "", %progbits
