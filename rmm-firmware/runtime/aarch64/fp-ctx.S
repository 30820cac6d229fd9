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
 * The Non-secure world's SVE state: Z0..Z31 in full, P0..P15 and FFR, at
 * the vector length in force (ZCR_EL2, which EL3 does not switch, so it is
 * the host's own).  Layout: 32 Z registers of VL bytes, then 16 P
 * registers and FFR of VL / 8 bytes each (NS_SVE_STATE_SIZE covers the
 * architectural maximum VL of 256 bytes).  The caller enables SVE at EL2
 * (CPTR_EL2.ZEN) around these.
 */
	.arch_extension	sve

	.macro	z_regs op, base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	\op	z\n, [\base, #\n, mul vl]
	.endr
	.endm

	.macro	p_regs op, base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	\op	p\n, [\base, #\n, mul vl]
	.endr
	.endm

/* void sve_state_save(void *area) */
	.globl	sve_state_save
	.type	sve_state_save, %function
sve_state_save:
	z_regs	str, x0
	addvl	x1, x0, #16
	addvl	x1, x1, #16
	p_regs	str, x1
	rdffr	p0.b
	str	p0, [x1, #16, mul vl]
	ldr	p0, [x1, #0, mul vl]		/* P0 as it was */
	ret
	.size	sve_state_save, . - sve_state_save

/* void sve_state_restore(const void *area) */
	.globl	sve_state_restore
	.type	sve_state_restore, %function
sve_state_restore:
	addvl	x1, x0, #16
	addvl	x1, x1, #16
	ldr	p0, [x1, #16, mul vl]
	wrffr	p0.b
	p_regs	ldr, x1
	z_regs	ldr, x0
	ret
	.size	sve_state_restore, . - sve_state_restore

	.section .note.GNU-stack, "", %progbits
