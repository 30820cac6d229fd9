/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linked where the monitor loads the "kernel" (monitor/ns-boot.c): LOAD_ADDR
 * (the Makefile's copy of KERNEL_BASE) + text_offset 0.  The MMU stays
 * off, so link address = load address.
 * image_size in the Image header is _end - _head: it covers .bss, which is
 * not in the file but must be free memory behind it (booting.rst).
 */
ENTRY(_head)
SECTIONS
{
	. = LOAD_ADDR;
	_head = .;
	.text : { KEEP(*(.text.head)) *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) }
	.data : { *(.data .data.*) }
	. = ALIGN(16);
	__bss_start = .;
	.bss : { *(.bss .bss.*) *(COMMON) }
	. = ALIGN(4096);
	__bss_end = .;
	_end = .;
	_image_size = _end - _head;
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
