/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * FP/SIMD register file save and restore (struct rec_fpregs: V0..V31,
 * FPCR, FPSR).  The RMM's C code is built -mgeneral-regs-only and never
 * touches these registers; only these two routines do, with
 * CPTR_EL2.FPEN set by the caller.
 */
	.arch_extension	fp
	.arch_extension	simd

	.text
	.macro	fp_regs op
	\op	q0, q1, [x0, #0]
	\op	q2, q3, [x0, #32]
	\op	q4, q5, [x0, #64]
	\op	q6, q7, [x0, #96]
	\op	q8, q9, [x0, #128]
	\op	q10, q11, [x0, #160]
	\op	q12, q13, [x0, #192]
	\op	q14, q15, [x0, #224]
	\op	q16, q17, [x0, #256]
	\op	q18, q19, [x0, #288]
	\op	q20, q21, [x0, #320]
	\op	q22, q23, [x0, #352]
	\op	q24, q25, [x0, #384]
	\op	q26, q27, [x0, #416]
	\op	q28, q29, [x0, #448]
	\op	q30, q31, [x0, #480]
	.endm

/* void fpregs_save(struct rec_fpregs *fp) */
	.globl	fpregs_save
	.type	fpregs_save, %function
fpregs_save:
	fp_regs	stp
	mrs	x1, fpcr
	mrs	x2, fpsr
	add	x0, x0, #512
	stp	x1, x2, [x0]
	ret
	.size	fpregs_save, . - fpregs_save

/* void fpregs_restore(const struct rec_fpregs *fp) */
	.globl	fpregs_restore
	.type	fpregs_restore, %function
fpregs_restore:
	fp_regs	ldp
	add	x0, x0, #512
	ldp	x1, x2, [x0]
	msr	fpcr, x1
	msr	fpsr, x2
	ret
	.size	fpregs_restore, . - fpregs_restore

/*
 * SVE registers at the vector length in force: Z0..Z15 at @z_lo, Z16..Z31
 * at @z_hi (16 x VL bytes each), P0..P15 and FFR at @p (17 x VL / 8
 * bytes).  Three pointers because a realm's copy lives in three REC
 * auxiliary granules; the host's copy is one buffer.  The caller enables
 * SVE at EL2 (CPTR_EL2.ZEN) around these.
 */
	.arch_extension	sve

	.macro	z_regs op, lo, hi
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	\op	z\n, [\lo, #\n, mul vl]
	.endr
	.irp	n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	\op	z\n, [\hi, #(\n - 16), mul vl]
	.endr
	.endm

	.macro	p_regs op, base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	\op	p\n, [\base, #\n, mul vl]
	.endr
	.endm

/* void sve_regs_save(void *z_lo, void *z_hi, void *p) */
	.globl	sve_regs_save
	.type	sve_regs_save, %function
sve_regs_save:
	z_regs	str, x0, x1
	p_regs	str, x2
	rdffr	p0.b
	str	p0, [x2, #16, mul vl]
	ldr	p0, [x2, #0, mul vl]		/* P0 as it was */
	ret
	.size	sve_regs_save, . - sve_regs_save

/* void sve_regs_restore(const void *z_lo, const void *z_hi, const void *p) */
	.globl	sve_regs_restore
	.type	sve_regs_restore, %function
sve_regs_restore:
	ldr	p0, [x2, #16, mul vl]
	wrffr	p0.b
	p_regs	ldr, x2
	z_regs	ldr, x0, x1
	ret
	.size	sve_regs_restore, . - sve_regs_restore

/* uint64_t sve_vl_bytes(void): the vector length in force, in bytes */
	.globl	sve_vl_bytes
	.type	sve_vl_bytes, %function
sve_vl_bytes:
	rdvl	x0, #1
	ret
	.size	sve_vl_bytes, . - sve_vl_bytes

	.section .note.GNU-stack, "", %progbits
