/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SVE state for the check that the RMM preserves the host's SVE registers
 * across RMI_REC_ENTER (realm-test.c).  C code here is built
 * -mgeneral-regs-only and never touches FP/SIMD/SVE; only these do.
 */
	.arch_extension	sve

	.text
/* uint64_t sve_enable(void): SVE and FP untrapped at NS-EL2, largest VL; returns VL in bytes. */
	.globl	sve_enable
sve_enable:
	mrs	x1, hcr_el2
	mrs	x0, cptr_el2
	tbz	x1, #34, 1f			/* HCR_EL2.E2H */
	orr	x0, x0, #(3 << 16)		/* ZEN: no traps */
	orr	x0, x0, #(3 << 20)		/* FPEN: no traps */
	b	2f
1:	bic	x0, x0, #(1 << 8)		/* TZ */
	bic	x0, x0, #(1 << 10)		/* TFP */
2:	msr	cptr_el2, x0
	isb
	mov	x0, #0x1FF			/* LEN: as long as EL3 allows */
	msr	S3_4_C1_C2_0, x0		/* ZCR_EL2 */
	isb
	rdvl	x0, #1
	ret

/* void sve_fill(uint64_t seed): every lane of Z0..Z31, P0..P15 and FFR distinct. */
	.globl	sve_fill
sve_fill:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	add	x1, x0, #\n
	index	z\n\().d, x1, x0
	.endr
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	mov	x1, #(\n * 13 + 7)
	whilelo	p\n\().b, xzr, x1
	.endr
	mov	x1, #77
	whilelo	p0.b, xzr, x1
	wrffr	p0.b
	mov	x1, #7
	whilelo	p0.b, xzr, x1
	ret

/* void sve_dump(void *buf): Z0..Z31 (32 VL), P0..P15 and FFR (17 VL/8). */
	.globl	sve_dump
sve_dump:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [x0, #\n, mul vl]
	.endr
	addvl	x1, x0, #16
	addvl	x1, x1, #16
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	str	p\n, [x1, #\n, mul vl]
	.endr
	rdffr	p1.b
	str	p1, [x1, #16, mul vl]
	ldr	p1, [x1, #1, mul vl]
	ret

	.section .note.GNU-stack, "", %progbits
