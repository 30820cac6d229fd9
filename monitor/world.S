/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entering the RMM for its boot and getting control back when it reports.
 *
 * el3_realm_boot(frame, sp_slot) pushes the callee-saved registers, notes
 * the stack pointer in *sp_slot and ERETs into the Realm world with the
 * registers of frame (SCR_EL3 and the EL2 registers are already the Realm
 * world's).  The RMM's RMM_BOOT_COMPLETE arrives as an SMC through the
 * vectors, on the same stack below that point; its handler calls
 * el3_realm_boot_return(sp, status), which drops that SMC frame and
 * returns status from el3_realm_boot() as if it were a plain call.
 */
#include <exception.h>

	.section .text.world, "ax"

	.globl	el3_realm_boot
el3_realm_boot:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x2, sp
	str	x2, [x1]

	ldp	x2, x3, [x0, #FRAME_ELR]
	msr	elr_el3, x2
	msr	spsr_el3, x3
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

	.globl	el3_realm_boot_return
el3_realm_boot_return:
	mov	sp, x0
	mov	x0, x1
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret
