/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry of the ns-host payload: the 64-byte arm64 Image header the
 * monitor's loader checks (magic "ARM\x64" at offset 56, text_offset 0,
 * non-zero image_size), then the boot code and the EL2 vector table.
 *
 * Entered like Linux (booting.rst): NS-EL2h, MMU and caches off, DAIF
 * masked, x0 = DTB.  No MMU is set up: with it off every data access is
 * Device-nGnRnE, which is slow but exact, and the Granule Protection Check
 * applies to the physical address whatever the translation regime, so the
 * GPF test needs no page tables (firmware.mk's -mstrict-align keeps the
 * compiler from making unaligned Device accesses).
 */
#define STACK_SIZE	0x4000

	.macro	adr_l, reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
	.endm

	.section .text.head, "ax"
	b	start			/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	_image_size		/* image_size, from the linker script */
	.quad	0			/* flags: LE, page size and placement unspecified */
	.quad	0, 0, 0			/* res2..res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */

start:
	mov	x19, x0			/* keep the DTB pointer across .bss clearing */
	adr_l	x1, el2_vectors
	msr	vbar_el2, x1
	isb
	/* .bss is beyond the file the monitor copied: clear it (holds the stack). */
	adr_l	x1, __bss_start
	adr_l	x2, __bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b
2:	adr_l	x1, stack + STACK_SIZE
	mov	sp, x1
	mov	x0, x19
	bl	ns_main			/* ends with PSCI SYSTEM_OFF */
3:	wfi
	b	3b

/*
 * A vector slot is 32 instructions: it saves x0/x1, puts its index in x0
 * and branches to the common code, which saves the rest, calls the C
 * handler with (index, frame), restores and returns.  The handler may have
 * moved ELR_EL2 past a faulting instruction.
 */
	.macro	ventry, kind
	.balign	0x80
	sub	sp, sp, #256
	stp	x0, x1, [sp, #0]
	mov	x0, #\kind
	b	vector_common
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
el2_vectors:
	.irp	k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	ventry	\k
	.endr

vector_common:
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
	bl	ns_exception
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

	.bss
	.balign	16
stack:	.space	STACK_SIZE
