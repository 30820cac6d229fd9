/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * R-EL2 exception vectors.  The RMM runs with every interrupt masked.
 * Exceptions from the lower EL are the running realm's: they return from
 * realm_enter() (realm-entry.S).  At R-EL2 itself the only exception it
 * ever expects is the granule protection fault plat_ns_copy() may take on
 * a host-named granule; that one resumes at plat_ns_copy_fault.  Anything
 * else is reported by rmm_exception(), which never returns.
 */
#include <runtime/arch.h>

#define RT_FRAME_SIZE	272	/* struct rmm_frame: x0..x30, sp, elr, spsr (+pad) */

	.macro	report id
	.align	7
	sub	sp, sp, #RT_FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\id
	b	report_common
	.endm

	/* x0 = enum rec_exc_kind (SYNC, IRQ, FIQ, SERROR) */
	.macro	realm kind
	.align	7
	stp	x0, x1, [sp, #-16]!
	mov	x0, #\kind
	b	realm_exit
	.endm

	.section .text.vectors, "ax"
	.align	11
	.globl	rmm_vectors
rmm_vectors:
	report	0
	report	1
	report	2
	report	3

	/* Current EL with SP_EL2, synchronous: maybe an NS copy fault. */
	.align	7
	sub	sp, sp, #RT_FRAME_SIZE
	stp	x0, x1, [sp, #0]
	b	sync_spx
	report	5
	report	6
	report	7

	/* Lower EL (the realm, AArch64 or AArch32 EL0): leave it (realm-entry.S). */
	realm	0
	realm	1
	realm	2
	realm	3
	realm	0
	realm	1
	realm	2
	realm	3

sync_spx:
	mrs	x0, esr_el2
	ubfx	x1, x0, #ESR_EC_SHIFT, #6
	cmp	x1, #ESR_EC_DABT_CUR
	b.ne	1f
	and	x1, x0, #ESR_DFSC_MASK
	cmp	x1, #ESR_DFSC_GPF
	b.ne	1f
	mrs	x0, elr_el2
	ldr	x1, =plat_ns_copy_start
	cmp	x0, x1
	b.lo	1f
	ldr	x1, =plat_ns_copy_end
	cmp	x0, x1
	b.hs	1f
	ldr	x0, =plat_ns_copy_fault
	msr	elr_el2, x0
	ldp	x0, x1, [sp, #0]
	add	sp, sp, #RT_FRAME_SIZE
	eret
1:	mov	x1, #4

report_common:
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
	add	x2, sp, #RT_FRAME_SIZE
	stp	x30, x2, [sp, #240]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [sp, #256]
	mov	x0, sp
	bl	rmm_exception
	b	plat_halt

	.ltorg

	.section .note.GNU-stack, "", %progbits
