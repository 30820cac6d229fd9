/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Data-cache maintenance by VA to the point of coherency, for memory the
 * monitor hands to an observer that does not snoop its caches: a lower EL
 * starting with its MMU off, a DMA master, or a CPU still running with its
 * MMU and caches off.
 */

	.macro	dcache_line_size reg, tmp
	mrs	\tmp, ctr_el0
	ubfx	\tmp, \tmp, #16, #4
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

	.macro	dcache_by_va op
	add	x1, x0, x1
	dcache_line_size x2, x3
	sub	x3, x2, #1
	bic	x0, x0, x3
1:	dc	\op, x0
	add	x0, x0, x2
	cmp	x0, x1
	b.lo	1b
	dsb	sy
	ret
	.endm

	.section .text.cache, "ax"

/* dcache_clean_range(start, size) */
	.globl	dcache_clean_range
dcache_clean_range:
	dcache_by_va cvac

/* dcache_clean_inval_range(start, size) */
	.globl	dcache_clean_inval_range
dcache_clean_inval_range:
	dcache_by_va civac
