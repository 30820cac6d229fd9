/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical memory layout of the monitor on QEMU virt (secure=on, RME).
 *
 *  Secure-only / Root side                               GPI
 *  0x00000000 +--------------------------------------+
 *             | flash0: monitor image, executed in   |   ANY
 *             | place (.text, .rodata, .data image)  |
 *  0x00100000 | RMM image (rmm.bin, header first),   |
 *             | copied into the Realm carve-out      |
 *  0x04000000 | flash1 (unused)                      |
 *  0x08000000 | GICD, GICR 0x080A0000, UART0         |
 *             | 0x09000000, fw_cfg 0x09020000, ...   |
 *  0x0E000000 +--------------------------------------+
 *             | monitor RW: .data .bss, per-CPU      |   ROOT
 *             | stacks, EL3 translation tables       |
 *  0x0E100000 | GPT L0 table (8 KiB)                 |   ROOT
 *  0x0E200000 | GPT L1 tables (1 MiB = 8 x 128 KiB)  |   ROOT
 *  0x0E300000 | rest of secure SRAM (unused)         |   SECURE
 *  0x0F000000 +--------------------------------------+
 *             | PCIe MMIO / PIO / ECAM               |   ANY
 *  0x40000000 +======================================+ DRAM start
 *             | QEMU's DTB, patched in place (1 MiB) |   NS
 *  0x40100000 | RMM carve-out: image                 |   REALM
 *  0x418FF000 | RMM-EL3 shared page (4 KiB)          |   REALM
 *  0x41900000 | free                                 |   NS
 *  0x41FFF000 | fw_cfg DMA scratch page (boot only)  |   NS
 *  0x42000000 | Linux Image (2 MiB aligned,          |   NS
 *             | image_size bytes, at most 96 MiB)    |
 *  0x48000000 | initrd                               |   NS
 *             | ... rest of DRAM, Linux's            |   NS
 *  DRAM end   +--------------------------------------+
 *             | beyond DRAM, up to 1 TB (PPS)        |   ANY (L0 blocks)
 *
 * The RMM carve-out follows TF-A's QEMU layout so that an RMM built for it
 * runs unchanged; it is a /reserved-memory no-map node in the DTB.  The
 * scratch page must be Non-secure DRAM because fw_cfg DMA reads its
 * descriptor and writes its data through the Non-secure address space.
 */
#ifndef PLAT_LAYOUT_H
#define PLAT_LAYOUT_H

#define FLASH0_BASE		0x00000000
#define FLASH0_SIZE		0x04000000

/*
 * flash.bin = monitor.bin padded to RMM_FLASH_OFFSET, then rmm.bin
 * (monitor/Makefile).  Without an RMM the flash reads as zero there (no
 * magic) and the monitor runs without one.
 */
#define MONITOR_FLASH_MAX	0x00100000
#define RMM_FLASH_BASE		(FLASH0_BASE + MONITOR_FLASH_MAX)
#define RMM_FLASH_MAX		(FLASH0_SIZE - MONITOR_FLASH_MAX)

#define DEVICE_BASE		0x08000000
#define DEVICE_END		0x0E000000

#define SRAM_BASE		0x0E000000
#define SRAM_SIZE		0x01000000

#define MONITOR_RW_BASE		0x0E000000
#define MONITOR_RW_SIZE		0x00100000

#define GPT_L0_BASE		0x0E100000
#define GPT_L0_SIZE		0x00002000
#define GPT_L1_BASE		0x0E200000
#define GPT_L1_AREA_SIZE	0x00100000
#define GPT_L1_TABLE_SIZE	0x00020000	/* one per GiB at PGS 4K */

/* Everything the monitor owns in secure SRAM: GPI ROOT. */
#define ROOT_SRAM_BASE		MONITOR_RW_BASE
#define ROOT_SRAM_END		(GPT_L1_BASE + GPT_L1_AREA_SIZE)

#define DRAM_BASE		0x40000000ULL

#define DTB_BASE		0x40000000ULL
#define DTB_MAX_SIZE		0x00100000ULL

#define RMM_CARVEOUT_BASE	0x40100000ULL
#define RMM_CARVEOUT_SIZE	0x01800000ULL	/* 24 MiB incl. shared page */
#define RMM_SHARED_PAGE		0x418FF000ULL
#define RMM_SHARED_PAGE_SIZE	0x00001000ULL
#define RMM_IMAGE_MAX_SIZE	(RMM_SHARED_PAGE - RMM_CARVEOUT_BASE)
#define RMM_CARVEOUT_END	(RMM_CARVEOUT_BASE + RMM_CARVEOUT_SIZE)

#define FWCFG_SCRATCH_BASE	0x41FFF000ULL
#define FWCFG_SCRATCH_SIZE	0x00001000ULL

#define KERNEL_BASE		0x42000000ULL
#define KERNEL_MAX_SIZE		0x06000000ULL	/* up to INITRD_BASE */
#define INITRD_BASE		0x48000000ULL

#define MAX_CPUS		8
#define CPU_STACK_SIZE		0x4000

#endif /* PLAT_LAYOUT_H */
