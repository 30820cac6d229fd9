/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * bool plat_ns_copy(void *dst, const void *src, size_t len)
 *
 * The one routine allowed to touch memory through the NS alias.  If the
 * granule is not Non-secure in the GPT the access takes a granule
 * protection fault at R-EL2; the exception vector sees the faulting PC in
 * [plat_ns_copy_start, plat_ns_copy_end) and resumes at plat_ns_copy_fault,
 * which returns false.  Leaf: no stack, only x0..x4 (caller-saved).
 * Doubleword copy when everything is 8-byte aligned, byte copy otherwise
 * (Normal memory, but the firmware is built with -mstrict-align).
 */
	.text
	.globl	plat_ns_copy
	.type	plat_ns_copy, %function
plat_ns_copy:
	orr	x3, x0, x1
	orr	x3, x3, x2
	.globl	plat_ns_copy_start
plat_ns_copy_start:
	cbz	x2, 3f
	tst	x3, #7
	b.ne	2f
1:	ldr	x4, [x1], #8
	str	x4, [x0], #8
	subs	x2, x2, #8
	b.ne	1b
	b	3f
2:	ldrb	w4, [x1], #1
	strb	w4, [x0], #1
	subs	x2, x2, #1
	b.ne	2b
	.globl	plat_ns_copy_end
plat_ns_copy_end:
3:	mov	x0, #1
	ret
	.globl	plat_ns_copy_fault
plat_ns_copy_fault:
	mov	x0, #0
	ret
	.size	plat_ns_copy, . - plat_ns_copy

	.section .note.GNU-stack, "", %progbits
