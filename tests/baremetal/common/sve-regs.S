/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SVE registers for the bare-metal checks that the RMM keeps each world's
 * SVE state apart (the host's in ns-host/realm-test.c, the realm's in
 * realm-payload/sve.c).  The payloads' C code is built
 * -mgeneral-regs-only and never touches FP/SIMD/SVE; only these do.
 * SVE must already be enabled at the current EL.
 */
	.arch_extension	sve

	.text
/* uint64_t sve_vl(void) */
	.globl	sve_vl
sve_vl:
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
