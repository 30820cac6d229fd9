// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU fw_cfg, DMA interface only.  With -bios, QEMU keeps -kernel,
 * -initrd and -append in fw_cfg instead of loading them.  The device is a
 * bus master in the Non-secure address space: the descriptor and every
 * destination must be Non-secure DRAM, so the descriptor lives in a scratch
 * page there (plat/layout.h) and is only used before Linux runs.
 */
#include <stdint.h>
#include <arch.h>
#include <cache.h>
#include <fwcfg.h>
#include <platform.h>
#include <plat/devices.h>
#include <plat/layout.h>

#define FW_CFG_DMA_ADDR		0x10
#define FW_CFG_DMA_SIGNATURE	0x51454d5520434647ULL	/* "QEMU CFG" */

#define FW_CFG_DMA_CTL_ERROR	0x01
#define FW_CFG_DMA_CTL_READ	0x02
#define FW_CFG_DMA_CTL_SELECT	0x08

/* All fields big-endian. */
struct fw_cfg_dma_access {
	uint32_t control;
	uint32_t length;
	uint64_t address;
};

#define DMA_DESC	((volatile struct fw_cfg_dma_access *)(uintptr_t)FWCFG_SCRATCH_BASE)
#define DMA_WORD	(FWCFG_SCRATCH_BASE + 0x40)

int fwcfg_probe(void)
{
	uint64_t sig = __builtin_bswap64(mmio_read64(FWCFG_BASE + FW_CFG_DMA_ADDR));

	return sig == FW_CFG_DMA_SIGNATURE ? 0 : -1;
}

int fwcfg_read(uint16_t item, uint64_t dst, uint32_t len)
{
	volatile struct fw_cfg_dma_access *d = DMA_DESC;
	uint32_t control;

	if (!plat_range_is_ns_dram(dst, len))
		return -1;

	d->control = __builtin_bswap32(((uint32_t)item << 16) | FW_CFG_DMA_CTL_SELECT |
				       FW_CFG_DMA_CTL_READ);
	d->length = __builtin_bswap32(len);
	d->address = __builtin_bswap64(dst);
	dcache_clean_range((uintptr_t)d, sizeof(*d));
	/* Lines of the destination must not be written back over the DMA. */
	dcache_clean_inval_range((uintptr_t)dst, len);

	/* Writing the descriptor's address starts the transfer. */
	mmio_write64(FWCFG_BASE + FW_CFG_DMA_ADDR, __builtin_bswap64(FWCFG_SCRATCH_BASE));
	do {
		dcache_clean_inval_range((uintptr_t)d, sizeof(*d));
		control = __builtin_bswap32(d->control);
	} while (control & ~FW_CFG_DMA_CTL_ERROR);

	dcache_clean_inval_range((uintptr_t)dst, len);
	return (control & FW_CFG_DMA_CTL_ERROR) ? -1 : 0;
}

int fwcfg_read_u32(uint16_t item, uint32_t *value)
{
	volatile uint8_t *b = (volatile uint8_t *)(uintptr_t)DMA_WORD;

	if (fwcfg_read(item, DMA_WORD, 4))
		return -1;
	*value = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	return 0;
}
