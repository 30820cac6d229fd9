// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loading and entering the Non-secure host kernel (Linux arm64 boot
 * protocol, Documentation/arch/arm64/booting.rst): Image 2 MiB aligned with
 * image_size bytes free after it, x0 = DTB, x1..x3 = 0, EL2h, MMU off.
 */
#include <stddef.h>
#include <stdint.h>
#include <arch.h>
#include <cache.h>
#include <console.h>
#include <cpu.h>
#include <fwcfg.h>
#include <ns-boot.h>
#include <panic.h>
#include <platform.h>
#include <plat/devices.h>
#include <plat/layout.h>

#define ARM64_IMAGE_MAGIC	0x644d5241U	/* "ARM\x64" */
#define CMDLINE_MAX		2048		/* arm64 COMMAND_LINE_SIZE */
#define CMDLINE_BUF		(FWCFG_SCRATCH_BASE + 0x800)

struct arm64_image_header {
	uint32_t code0, code1;
	uint64_t text_offset;
	uint64_t image_size;
	uint64_t flags;
	uint64_t res2, res3, res4;
	uint32_t magic;
	uint32_t res5;
};

static void load_kernel(struct ns_boot *b)
{
	const struct arm64_image_header *h = (const void *)(uintptr_t)KERNEL_BASE;
	uint32_t size;

	if (fwcfg_read_u32(FW_CFG_KERNEL_SIZE, &size) || size < sizeof(*h))
		panic("fw_cfg has no kernel (QEMU -kernel missing?)");
	if (size > KERNEL_MAX_SIZE)
		panic("kernel of %u bytes exceeds its %lu byte slot", size, (uint64_t)KERNEL_MAX_SIZE);
	if (fwcfg_read(FW_CFG_KERNEL_DATA, KERNEL_BASE, size))
		panic("fw_cfg kernel DMA failed");
	if (h->magic != ARM64_IMAGE_MAGIC)
		panic("kernel is not an arm64 Image (magic 0x%x)", h->magic);
	/* A zero image_size predates v3.17 and is not supported. */
	if (!h->image_size || h->text_offset + h->image_size > KERNEL_MAX_SIZE ||
	    h->text_offset & 0xFFF)
		panic("kernel image_size 0x%lx / text_offset 0x%lx do not fit",
		      h->image_size, h->text_offset);
	b->kernel_entry = KERNEL_BASE + h->text_offset;
	b->kernel_size = size;
	b->image_size = h->image_size;
}

static void load_initrd(struct ns_boot *b)
{
	uint32_t size;

	b->initrd_start = INITRD_BASE;
	b->initrd_size = 0;
	if (fwcfg_read_u32(FW_CFG_INITRD_SIZE, &size) || !size)
		return;
	if (INITRD_BASE + size > plat.dram_end)
		panic("initrd of %u bytes does not fit in DRAM", size);
	if (fwcfg_read(FW_CFG_INITRD_DATA, INITRD_BASE, size))
		panic("fw_cfg initrd DMA failed");
	b->initrd_size = size;
}

static void load_cmdline(struct ns_boot *b)
{
	volatile char *buf = (volatile char *)(uintptr_t)CMDLINE_BUF;
	uint32_t size;

	b->cmdline = NULL;
	if (fwcfg_read_u32(FW_CFG_CMDLINE_SIZE, &size) || !size)
		return;
	if (size > CMDLINE_MAX)
		panic("command line of %u bytes is longer than %u", size, CMDLINE_MAX);
	if (fwcfg_read(FW_CFG_CMDLINE_DATA, CMDLINE_BUF, size))
		panic("fw_cfg command line DMA failed");
	buf[size - 1] = '\0';
	b->cmdline = (const char *)buf;
}

void ns_boot_load(struct ns_boot *b)
{
	if (fwcfg_probe())
		panic("no fw_cfg DMA interface at 0x%lx", (uint64_t)FWCFG_BASE);
	load_kernel(b);
	load_initrd(b);
	load_cmdline(b);
	mon_printf("monitor: fw_cfg: kernel %lu bytes at 0x%lx (image_size 0x%lx), initrd %lu bytes at 0x%lx\n",
		   b->kernel_size, b->kernel_entry, b->image_size, b->initrd_size, b->initrd_start);
	mon_printf("monitor: cmdline: %s\n", b->cmdline ? b->cmdline : "(none)");
}

void ns_boot_enter(const struct ns_boot *b, uint64_t dtb, uint64_t dtb_size)
{
	dcache_clean_range((uintptr_t)b->kernel_entry, b->kernel_size);
	if (b->initrd_size)
		dcache_clean_range((uintptr_t)b->initrd_start, b->initrd_size);
	dcache_clean_range((uintptr_t)dtb, dtb_size);
	mon_printf("monitor: entering Linux at NS-EL2: pc 0x%lx, x0 (DTB) 0x%lx, %lu ms after reset\n",
		   b->kernel_entry, dtb,
		   read_sysreg(cntpct_el0) * 1000 / read_sysreg(cntfrq_el0));
	el3_enter_ns(b->kernel_entry, dtb, this_cpu()->stack_top);
}
