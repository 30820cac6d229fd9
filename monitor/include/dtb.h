/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_DTB_H
#define MONITOR_DTB_H

#include <stdint.h>
#include <platform.h>

struct dtb_boot_args {
	const char *bootargs;		/* NUL-terminated, may be NULL */
	uint64_t initrd_start;
	uint64_t initrd_end;		/* == initrd_start: no initrd */
};

/* Read DRAM and the CPU list from QEMU's DTB (runs with the MMU off). */
int dtb_probe(const void *fdt, struct platform *p);
/* Add what a firmware boot lacks: /chosen, /psci, enable-method, the
 * reserved carve-out.  Returns the final size of the tree or < 0. */
int dtb_patch(void *fdt, const struct dtb_boot_args *args);

#endif /* MONITOR_DTB_H */
