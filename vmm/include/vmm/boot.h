/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_BOOT_H
#define VMM_BOOT_H

#include <stdint.h>

#include "vmm/image.h"
#include "vmm/layout.h"

struct vmm_config;
struct vmm_err;

/* The realm's SWIOTLB pool in 2 KiB slots (16 MiB); see vmm_boot__bootargs(). */
#define VMM_SWIOTLB_SLOTS	8192

/* arm64 COMMAND_LINE_SIZE, terminating NUL included. */
#define VMM_BOOTARGS_MAX	2048

/*
 * What a configuration boots, once its files have been looked at: image
 * sizes, the placement that follows from them, and the kernel command line.
 * `run` and `measure` both start from here, so they cannot disagree.
 */
struct vmm_boot {
	struct arm64_image_info kernel;
	uint64_t initrd_size;
	uint64_t disk_size;
	struct vmm_layout layout;
	char bootargs[VMM_BOOTARGS_MAX];
};

/*
 * Check every file the configuration names and place the images.  Returns
 * 0 or -errno with one line in @err ("--initrd x: No such file or directory").
 */
int vmm_boot__prepare(const struct vmm_config *cfg, struct vmm_boot *boot,
		      struct vmm_err *err);

/*
 * "console=ttyAMA0 earlycon=pl011,mmio,0x<A + UART>" then the user's
 * --cmdline, so that the user's console= (last one wins) can override.
 */
int vmm_boot__bootargs(const struct vmm_config *cfg, const struct vmm_layout *l,
		       char *buf, size_t len, struct vmm_err *err);

#endif /* VMM_BOOT_H */
