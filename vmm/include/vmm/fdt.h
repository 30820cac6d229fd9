/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_FDT_H
#define VMM_FDT_H

#include <stddef.h>

struct vmm_boot;
struct vmm_config;
struct vmm_err;

/* Fixed phandles: the DTB is measured, so nothing in it may vary by run. */
#define VMM_FDT_PHANDLE_GIC	1
#define VMM_FDT_PHANDLE_CLK	2

/*
 * Build the realm guest's DTB into @buf (@len bytes, at most
 * VMM_DTB_MAX_SIZE are used): memory, cpus, psci (smc), GICv3, timer,
 * PL011 with its clock, virtio-mmio for the configured devices, chosen.
 * The same config and boot give the same bytes.  Returns 0 with the blob
 * at @buf (fdt_totalsize() bytes), or -errno with one line in @err.
 */
int vmm_fdt__build(const struct vmm_config *cfg, const struct vmm_boot *boot,
		   void *buf, size_t len, struct vmm_err *err);

#endif /* VMM_FDT_H */
