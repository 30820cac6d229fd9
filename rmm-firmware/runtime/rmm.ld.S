/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The RMM image, linked and run at the start of the Realm carve-out
 * (plat-aarch64.h).  The file (rmm.bin) ends with .data; BSS, stacks and
 * translation tables follow in memory up to __rmm_end, which must leave the
 * carve-out's last page (the RMM-EL3 shared page) alone.  Sections start on
 * page boundaries so that the stage-1 map can give each its permissions.
 */
#include <plat-aarch64.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(rmm_head)

SECTIONS {
	. = RMM_LOAD_ADDR;
	__rmm_start = .;

	.text : {
		KEEP(*(.text.head))
		*(.text.vectors)
		*(.text*)
	}
	. = ALIGN(4096);
	__text_end = .;

	.rodata : {
		*(.rodata*)
	}
	. = ALIGN(4096);
	__ro_end = .;

	.data : {
		__data_start = .;
		*(.data*)
		. = ALIGN(16);
	}
	__image_end = .;

	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}

	.stacks (NOLOAD) : ALIGN(4096) {
		*(.stacks)
	}
	. = ALIGN(4096);
	__rmm_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.note*)
		*(.eh_frame*)
	}
}

__rmm_image_size = __image_end - __rmm_start;
__rmm_mem_size = __rmm_end - __rmm_start;

ASSERT(__rmm_end <= RMM_LOAD_ADDR + RMM_MAX_SIZE, "the RMM overflows its carve-out")
ASSERT(rmm_vectors % 2048 == 0, "R-EL2 vectors must be 2 KiB aligned")
