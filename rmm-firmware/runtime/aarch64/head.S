/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Image header and the R-EL2 entry point for cold and warm boot
 * (cca-interfaces.md §10.3).  EL3 enters here at EL2h with exceptions
 * masked and the MMU off, x0 = CPU index, then x1..x3 = interface version,
 * CPU count and shared page on cold boot, or x1 = activation token on warm
 * boot.  The first entry ever is the cold boot; every later one is a warm
 * boot of some CPU, which EL3 only starts after the cold boot succeeded.
 */
#include <abi/rmm-image.h>
#include <plat-aarch64.h>
#include <runtime/arch.h>

	.section .text.head, "ax"
	.globl	rmm_head
rmm_head:
	b	rmm_entry
	.word	0
	.quad	RMM_IMAGE_MAGIC
	.quad	__rmm_start
	.quad	__rmm_image_size
	.quad	__rmm_mem_size
	.quad	(0 << 16) | 5		/* RMM_EL3_IFC_REQUIRED, checked in boot.c */
	.quad	0, 0

rmm_entry:
	msr	daifset, #0xf
	adr	x9, rmm_vectors
	msr	vbar_el2, x9
	ldr	x9, =HCR_EL2_RMM
	msr	hcr_el2, x9
	ldr	x9, =SCTLR_EL2_MMU_OFF
	msr	sctlr_el2, x9
	isb

	/* A CPU index that does not fit the stacks gets no stack at all. */
	cmp	x0, #RMM_MAX_CPUS
	b.hs	bad_cpu
	ldr	x9, =rmm_stacks
	mov	x10, #RMM_STACK_SIZE
	madd	x9, x0, x10, x9
	add	sp, x9, x10
	msr	tpidr_el2, x0

	ldr	x9, =rmm_cold_boot_done
	ldr	w10, [x9]
	cbnz	w10, warm

	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	bl	zero_bss
	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x22
	bl	rmm_cold_boot
	b	rmm_main_loop

warm:
	bl	rmm_warm_boot
	b	rmm_main_loop

bad_cpu:
	ldr	x9, =bad_cpu_stack_top
	mov	sp, x9
	b	rmm_boot_bad_cpu

/* Clear [__bss_start, __bss_end), 16-byte aligned by the linker script. */
zero_bss:
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	ret

	.ltorg

	.section .stacks, "aw", %nobits
	.balign	4096
	.globl	rmm_stacks
rmm_stacks:
	.space	RMM_MAX_CPUS * RMM_STACK_SIZE
/* Shared by CPUs whose index is out of range: they only report and halt. */
	.space	1024
bad_cpu_stack_top:

	.section .note.GNU-stack, "", %progbits
