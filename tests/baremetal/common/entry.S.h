/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Assembler helpers of both bare-metal payloads (ns-host at NS-EL2, the
 * test realm at R-EL1): adr_l, zero_bss, and the exception vector table
 * as one macro:
 *
 *	baremetal_vectors <table>, <handler>
 *
 * Each of the 16 slots saves x0/x1, puts its index in x0 and branches to
 * the common code, which saves the rest of x0..x30 in a 256-byte frame,
 * calls handler(index, frame), restores and returns with eret.  The
 * handler may move the ELR past a faulting instruction.
 */
	.macro	baremetal_ventry, kind, common
	.balign	0x80
	sub	sp, sp, #256
	stp	x0, x1, [sp, #0]
	mov	x0, #\kind
	b	\common
	.endm

	.macro	baremetal_vectors, table, handler
	.section .text.vectors, "ax"
	.balign	0x800
\table:
	.irp	k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	baremetal_ventry \k, \table\()_common
	.endr

\table\()_common:
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
	mov	x1, sp
	bl	\handler
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
	add	sp, sp, #256
	eret
	.endm

	.macro	adr_l, reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
	.endm

/* Zero [__bss_start, __bss_end) (16-byte aligned); clobbers x1, x2. */
	.macro	zero_bss
	adr_l	x1, __bss_start
	adr_l	x2, __bss_end
.Lzero_bss\@:
	cmp	x1, x2
	b.hs	.Lzero_bss_done\@
	stp	xzr, xzr, [x1], #16
	b	.Lzero_bss\@
.Lzero_bss_done\@:
	.endm
