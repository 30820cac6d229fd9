/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Entering a realm and coming back (runtime/rec-run.c):
 *
 * unsigned int realm_enter(uint64_t *gprs)
 *   Saves the RMM's callee-saved registers and @gprs on the R-EL2 stack,
 *   loads x0..x30 from gprs[0..30] and ERETs (ELR_EL2/SPSR_EL2 are set by
 *   the caller).  The next exception from the realm (lower EL vectors in
 *   vectors.S) stores the realm's x0..x30 back into gprs[] and returns
 *   from realm_enter() with the exception kind (enum rec_exc_kind).
 */
#include <runtime/arch.h>

#define REALM_FRAME	(6 * 16)	/* x19..x30 */

	.text
	.globl	realm_enter
	.type	realm_enter, %function
realm_enter:
	stp	x19, x20, [sp, #-REALM_FRAME]!
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	sub	sp, sp, #16
	str	x0, [sp]

	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret
	dsb	nsh
	isb
	.size	realm_enter, . - realm_enter

/*
 * From the lower-EL vectors: x0 = exception kind, the realm's x0/x1 pushed
 * on the stack just below realm_enter's gprs pointer.
 */
	.globl	realm_exit
	.type	realm_exit, %function
realm_exit:
	ldr	x1, [sp, #16]
	stp	x2, x3, [x1, #16]
	stp	x4, x5, [x1, #32]
	stp	x6, x7, [x1, #48]
	stp	x8, x9, [x1, #64]
	stp	x10, x11, [x1, #80]
	stp	x12, x13, [x1, #96]
	stp	x14, x15, [x1, #112]
	stp	x16, x17, [x1, #128]
	stp	x18, x19, [x1, #144]
	stp	x20, x21, [x1, #160]
	stp	x22, x23, [x1, #176]
	stp	x24, x25, [x1, #192]
	stp	x26, x27, [x1, #208]
	stp	x28, x29, [x1, #224]
	str	x30, [x1, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x1, #0]
	add	sp, sp, #16

	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	ldp	x19, x20, [sp], #REALM_FRAME
	ret
	.size	realm_exit, . - realm_exit

	.section .note.GNU-stack, "", %progbits
