/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry of the ns-host payload: the 64-byte arm64 Image header the
 * monitor's loader checks (magic "ARM\x64" at offset 56, text_offset 0,
 * non-zero image_size), then the boot code and the EL2 vector table.
 *
 * Entered like Linux (booting.rst): NS-EL2h, MMU and caches off, DAIF
 * masked, x0 = DTB.  No MMU is set up: with it off every data access is
 * Device-nGnRnE, which is slow but exact, and the Granule Protection Check
 * applies to the physical address whatever the translation regime, so the
 * GPF test needs no page tables (firmware.mk's -mstrict-align keeps the
 * compiler from making unaligned Device accesses).
 */
#include <entry.S.h>

#define STACK_SIZE	0x4000

	.section .text.head, "ax"
	b	start			/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	_image_size		/* image_size, from the linker script */
	.quad	0			/* flags: LE, page size and placement unspecified */
	.quad	0, 0, 0			/* res2..res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */

start:
	mov	x19, x0			/* keep the DTB pointer across .bss clearing */
	adr_l	x1, el2_vectors
	msr	vbar_el2, x1
	isb
	/* .bss is beyond the file the monitor copied: clear it (holds the stack). */
	zero_bss
	adr_l	x1, stack + STACK_SIZE
	mov	sp, x1
	mov	x0, x19
	bl	ns_main			/* ends with PSCI SYSTEM_OFF */
3:	wfi
	b	3b

/* The second CPU, from PSCI CPU_ON (smp.c): x0 = context, MMU off like CPU 0. */
	.global	secondary_start
secondary_start:
	mov	x19, x0
	adr_l	x1, el2_vectors
	msr	vbar_el2, x1
	isb
	adr_l	x1, stack1 + STACK_SIZE
	mov	sp, x1
	mov	x0, x19
	bl	ns_secondary		/* never returns */
4:	wfi
	b	4b

	baremetal_vectors el2_vectors, ns_exception

	.bss
	.balign	16
stack:	.space	STACK_SIZE
stack1:	.space	STACK_SIZE
