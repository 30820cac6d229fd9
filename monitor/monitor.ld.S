/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Code and read-only data execute in place from flash0; writable data lives
 * in the monitor's part of secure SRAM (see include/plat/layout.h).
 */
#include <plat/layout.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(monitor_entry)

MEMORY {
	FLASH (rx) : ORIGIN = FLASH0_BASE, LENGTH = FLASH0_SIZE
	RAM (rw) : ORIGIN = MONITOR_RW_BASE, LENGTH = MONITOR_RW_SIZE
}

SECTIONS {
	.text : {
		KEEP(*(.text.entry))
		*(.text.vectors)
		*(.text*)
	} > FLASH

	.rodata : ALIGN(16) {
		*(.rodata*)
		__rodata_end = .;
	} > FLASH

	.data : ALIGN(16) {
		__data_start = .;
		*(.data*)
		. = ALIGN(16);
		__data_end = .;
	} > RAM AT > FLASH
	__data_load = LOADADDR(.data);
	/* Last byte of monitor.bin + 1 (objcopy drops an empty .data). */
	__flash_image_end = SIZEOF(.data) ? __data_load + SIZEOF(.data) : __rodata_end;

	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	} > RAM

	.stacks (NOLOAD) : ALIGN(4096) {
		*(.stacks)
	} > RAM

	/DISCARD/ : {
		*(.comment)
		*(.note*)
		*(.eh_frame*)
	}
}

ASSERT(__bss_end <= MONITOR_RW_BASE + MONITOR_RW_SIZE, "monitor RW data overflows its SRAM area")
ASSERT(__data_load + SIZEOF(.data) <= FLASH0_BASE + MONITOR_FLASH_MAX,
       "monitor image overlaps the RMM image in flash")
