/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_NS_BOOT_H
#define MONITOR_NS_BOOT_H

#include <stdint.h>

struct ns_boot {
	uint64_t kernel_entry;
	uint64_t kernel_size;		/* file size */
	uint64_t image_size;		/* from the Image header */
	uint64_t initrd_start;
	uint64_t initrd_size;
	const char *cmdline;		/* in NS DRAM, NUL-terminated, or NULL */
};

/* Fetch kernel, initrd and command line from fw_cfg into NS DRAM. */
void ns_boot_load(struct ns_boot *b);
/* Clean what Linux will read with its MMU off, then enter it at NS-EL2. */
void __attribute__((noreturn)) ns_boot_enter(const struct ns_boot *b, uint64_t dtb, uint64_t dtb_size);

#endif /* MONITOR_NS_BOOT_H */
