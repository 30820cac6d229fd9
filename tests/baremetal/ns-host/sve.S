/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turning SVE on at NS-EL2 for the check that the RMM preserves the host's
 * SVE registers (realm-test.c); filling and dumping them is
 * ../common/sve-regs.S.
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

	.section .note.GNU-stack, "", %progbits
