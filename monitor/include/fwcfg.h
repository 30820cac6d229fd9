/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_FWCFG_H
#define MONITOR_FWCFG_H

#include <stdint.h>

/* Well-known fw_cfg items (QEMU docs/specs/fw_cfg.rst). */
#define FW_CFG_KERNEL_SIZE	0x08
#define FW_CFG_INITRD_SIZE	0x0b
#define FW_CFG_KERNEL_DATA	0x11
#define FW_CFG_INITRD_DATA	0x12
#define FW_CFG_CMDLINE_SIZE	0x14
#define FW_CFG_CMDLINE_DATA	0x15

/* 0 if the fw_cfg DMA interface is there, -1 otherwise. */
int fwcfg_probe(void);
/* Read a 32-bit little-endian item. */
int fwcfg_read_u32(uint16_t item, uint32_t *value);
/* DMA the first len bytes of item into Non-secure DRAM at dst. */
int fwcfg_read(uint16_t item, uint64_t dst, uint32_t len);

#endif /* MONITOR_FWCFG_H */
