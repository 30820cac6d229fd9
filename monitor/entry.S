/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reset entry.  Every CPU of QEMU virt starts here, at 0x0 in flash, at EL3
 * with the MMU off: with secure=on and firmware loaded QEMU does not hold
 * the secondaries itself.  CPU 0 initialises RAM and boots; the others park
 * until PSCI CPU_ON releases them through their mailbox.
 */
#include <arch.h>
#include <cpu.h>
#include <plat/layout.h>

	.section .text.entry, "ax"
	.globl	monitor_entry
monitor_entry:
	ldr	x0, =(SCTLR_EL3_RES1 | SCTLR_SA)
	msr	sctlr_el3, x0
	isb
	adr	x0, el3_vectors
	msr	vbar_el3, x0
	isb

	mrs	x0, mpidr_el1
	bl	core_index
	cmp	x0, #MAX_CPUS
	b.hs	unusable_cpu

	/* sp = top of this CPU's stack, tpidr_el3 = &cpu_data[index] */
	ldr	x1, =cpu_stacks
	mov	x2, #CPU_STACK_SIZE
	madd	x1, x0, x2, x1
	add	sp, x1, x2
	ldr	x1, =cpu_data
	add	x1, x1, x0, lsl #CPU_DATA_SHIFT
	msr	tpidr_el3, x1

	cbnz	x0, cpu_park

	bl	init_ram
	bl	monitor_main
	b	unusable_cpu

/*
 * A CPU the monitor cannot index (beyond MAX_CPUS or an unexpected
 * affinity layout) must never run monitor code: it sleeps forever.
 */
unusable_cpu:
	wfe
	b	unusable_cpu

/*
 * QEMU virt numbers CPUs with Aff0 = index % 16 and Aff1 = index / 16.
 * x0 = MPIDR_EL1 in, linear index (or ~0) out.  Leaf, no stack.
 */
core_index:
	ubfx	x1, x0, #16, #8
	ubfx	x2, x0, #32, #8
	orr	x1, x1, x2
	cbnz	x1, 1f
	and	x1, x0, #0xff
	cmp	x1, #16
	b.hs	1f
	ubfx	x2, x0, #8, #8
	add	x0, x1, x2, lsl #4
	ret
1:	mov	x0, #-1
	ret

/* Copy .data from its flash image to SRAM and clear .bss.  Leaf, no stack. */
init_ram:
	ldr	x0, =__data_start
	ldr	x1, =__data_load
	ldr	x2, =__data_end
1:	cmp	x0, x2
	b.hs	2f
	ldr	x3, [x1], #8
	str	x3, [x0], #8
	b	1b
2:	ldr	x0, =__bss_start
	ldr	x2, =__bss_end
3:	cmp	x0, x2
	b.hs	4f
	str	xzr, [x0], #8
	b	3b
4:	ret

/*
 * Wait for CPU_ON.  x0 = CPU index, sp = this CPU's stack top.  Entered
 * from reset (MMU off) and from CPU_OFF (MMU on); the mailbox is cleaned
 * to the point of coherency by the releasing CPU, so both see it.
 */
	.globl	cpu_park
cpu_park:
	ldr	x1, =cpu_mailbox
	add	x1, x1, x0, lsl #3
	ldr	x3, =CPU_MAILBOX_GO
1:	ldr	x2, [x1]
	cmp	x2, x3
	b.eq	2f
	wfe
	b	1b
2:	bl	cpu_warm_boot
	b	unusable_cpu

/* cpu_off_park(stack_top, index): drop the SMC frame and park again. */
	.globl	cpu_off_park
cpu_off_park:
	mov	sp, x0
	mov	x0, x1
	b	cpu_park

/*
 * el3_enter_ns(entry, x0, stack_top): first entry into the Non-secure
 * world at EL2h with DAIF masked.  SCR_EL3 is already set up.  Every
 * general-purpose register the lower EL could see is zeroed, and the EL3
 * stack restarts from its top for the SMCs to come.
 */
	.globl	el3_enter_ns
el3_enter_ns:
	mov	sp, x2
	msr	elr_el3, x0
	mov	x2, #SPSR_EL2H_DAIF
	msr	spsr_el3, x2
	mov	x0, x1
	mov	x1, #0
	mov	x2, #0
	mov	x3, #0
	mov	x4, #0
	mov	x5, #0
	mov	x6, #0
	mov	x7, #0
	mov	x8, #0
	mov	x9, #0
	mov	x10, #0
	mov	x11, #0
	mov	x12, #0
	mov	x13, #0
	mov	x14, #0
	mov	x15, #0
	mov	x16, #0
	mov	x17, #0
	mov	x18, #0
	mov	x19, #0
	mov	x20, #0
	mov	x21, #0
	mov	x22, #0
	mov	x23, #0
	mov	x24, #0
	mov	x25, #0
	mov	x26, #0
	mov	x27, #0
	mov	x28, #0
	mov	x29, #0
	mov	x30, #0
	isb
	eret

	.ltorg
