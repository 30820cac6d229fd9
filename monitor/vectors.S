/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL3 exception vectors.  The only exception the monitor expects is an SMC
 * from a lower EL (AArch64); everything else is a crash that is reported on
 * the console and ends the machine with a non-zero semihosting status.
 */
#include <arch.h>
#include <exception.h>

	.macro	save_x0_x1
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	.endm

	.macro	crash_vector id
	.align	7
	save_x0_x1
	mov	x1, #\id
	b	crash_common
	.endm

	.section .text.vectors, "ax"
	.align	11
	.globl	el3_vectors
el3_vectors:
	crash_vector	VEC_ID(VEC_CUR_SP0, VEC_KIND_SYNC)
	crash_vector	VEC_ID(VEC_CUR_SP0, VEC_KIND_IRQ)
	crash_vector	VEC_ID(VEC_CUR_SP0, VEC_KIND_FIQ)
	crash_vector	VEC_ID(VEC_CUR_SP0, VEC_KIND_SERROR)
	crash_vector	VEC_ID(VEC_CUR_SPX, VEC_KIND_SYNC)
	crash_vector	VEC_ID(VEC_CUR_SPX, VEC_KIND_IRQ)
	crash_vector	VEC_ID(VEC_CUR_SPX, VEC_KIND_FIQ)
	crash_vector	VEC_ID(VEC_CUR_SPX, VEC_KIND_SERROR)

	.align	7
	save_x0_x1
	b	lower_a64_sync
	crash_vector	VEC_ID(VEC_LOWER_A64, VEC_KIND_IRQ)
	crash_vector	VEC_ID(VEC_LOWER_A64, VEC_KIND_FIQ)
	crash_vector	VEC_ID(VEC_LOWER_A64, VEC_KIND_SERROR)

	crash_vector	VEC_ID(VEC_LOWER_A32, VEC_KIND_SYNC)
	crash_vector	VEC_ID(VEC_LOWER_A32, VEC_KIND_IRQ)
	crash_vector	VEC_ID(VEC_LOWER_A32, VEC_KIND_FIQ)
	crash_vector	VEC_ID(VEC_LOWER_A32, VEC_KIND_SERROR)

	.macro	save_x2_x30
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mrs	x2, elr_el3
	mrs	x3, spsr_el3
	stp	x2, x3, [sp, #FRAME_ELR]
	.endm

lower_a64_sync:
	save_x2_x30
	mrs	x0, esr_el3
	ubfx	x0, x0, #ESR_EC_SHIFT, #6
	cmp	x0, #ESR_EC_SMC64
	b.ne	1f
	mov	x0, sp
	bl	smc_handle
	b	el3_exit_frame
1:	mov	x1, #VEC_ID(VEC_LOWER_A64, VEC_KIND_SYNC)
	mov	x0, sp
	bl	crash_report

/* Resume the interrupted lower EL from the (possibly updated) frame. */
el3_exit_frame:
	ldp	x2, x3, [sp, #FRAME_ELR]
	msr	elr_el3, x2
	msr	spsr_el3, x3
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	add	sp, sp, #FRAME_SIZE
	eret

crash_common:
	/* x1 (the vector id) was saved by the vector stub already. */
	stp	x2, x3, [sp, #16]
	mov	x2, x1
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mrs	x3, elr_el3
	mrs	x4, spsr_el3
	stp	x3, x4, [sp, #FRAME_ELR]
	mov	x0, sp
	mov	x1, x2
	bl	crash_report
