/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test realm runs with its MMU off, at its IPA: linked at TR_RAM_BASE.
 * Only .text/.rodata/.data are in the file (and measured by DATA_CREATE);
 * .bss and the stacks follow and are populated on demand.
 */
#include <realm-test.h>

ENTRY(_start)
SECTIONS
{
	. = TR_RAM_BASE;
	_head = .;
	.text : { KEEP(*(.text.head)) *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) }
	.data : { *(.data .data.*) }
	. = ALIGN(4096);
	_image_end = .;
	__bss_start = .;
	.bss : { *(.bss .bss.*) *(COMMON) }
	. = ALIGN(16);
	__bss_end = .;
	.stacks (NOLOAD) : { *(.stacks) }
	. = ALIGN(4096);
	_end = .;
	ASSERT(_end <= TR_RAM_BASE + TR_REALM_MAX_SIZE, "the realm outgrew TR_REALM_MAX_SIZE")
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
