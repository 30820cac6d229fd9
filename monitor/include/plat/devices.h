/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MMIO devices of QEMU virt the monitor drives (hw/arm/virt.c base memmap).
 */
#ifndef PLAT_DEVICES_H
#define PLAT_DEVICES_H

#define UART0_BASE		0x09000000UL
#define FWCFG_BASE		0x09020000UL
#define GICD_BASE		0x08000000UL
#define GICR_BASE		0x080A0000UL
#define GICR_REGION_SIZE	0x00F60000UL	/* up to 123 frames of 128 KiB */

#endif /* PLAT_DEVICES_H */
