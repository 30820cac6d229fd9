/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points of the test realm.  A REC starts at R-EL1h with the MMU and
 * caches off (DEN0137: the initial state of a REC), so VA = IPA and the
 * image runs at its link address, TR_RAM_BASE.
 *
 *   _start           REC0 (and REC1 in TR_MODE_SMP), RmiRecParams.pc;
 *                    x0 = TR_MODE_*
 *   secondary_entry  REC1, the entry point REC0 passes to PSCI CPU_ON;
 *                    x0 = the context id
 *
 * The stacks are in memory the host has not populated: the first push is
 * a stage-2 abort the host answers with RMI_DATA_CREATE_UNKNOWN.
 */
#include <entry.S.h>

#define STACK_SIZE	0x4000

	.section .text.head, "ax"
	.global	_start
_start:
	mov	x19, x0
	mov	x20, x1
	adr_l	x1, realm_vectors
	msr	vbar_el1, x1
	isb
	/* TR_MODE_SMP starts REC1 here too, once REC0 is up: its own stack. */
	mrs	x1, mpidr_el1
	tst	x1, #0xff
	b.ne	1f
	adr_l	x1, stack0 + STACK_SIZE
	mov	sp, x1
	/* .bss (host-call blocks, buffers) starts zeroed whatever was there. */
	zero_bss
	b	2f
1:	adr_l	x1, stack1 + STACK_SIZE
	mov	sp, x1
2:	mov	x0, x19
	mov	x1, x20
	bl	realm_main		/* ends with PSCI SYSTEM_OFF */
3:	b	3b

	.global	secondary_entry
secondary_entry:
	mov	x19, x0
	adr_l	x1, realm_vectors
	msr	vbar_el1, x1
	isb
	adr_l	x1, stack1 + STACK_SIZE
	mov	sp, x1
	mov	x0, x19
	bl	realm_secondary		/* ends with PSCI CPU_OFF */
4:	b	4b

	baremetal_vectors realm_vectors, realm_exception

	.section .stacks, "aw", %nobits
	.balign	16
stack0:	.space	STACK_SIZE
stack1:	.space	STACK_SIZE
