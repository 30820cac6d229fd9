/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the monitor learned about the machine at boot (from QEMU's DTB).
 * Written once by the primary CPU before any secondary runs; read-only after.
 */
#ifndef MONITOR_PLATFORM_H
#define MONITOR_PLATFORM_H

#include <stdint.h>
#include <stdbool.h>

struct platform {
	uint64_t dram_base;
	uint64_t dram_end;
	unsigned int ncpus;		/* CPUs listed in the DTB that we index */
};

extern struct platform plat;

/*
 * True when [pa, pa + size) lies in DRAM and outside every carve-out the
 * monitor keeps from the Non-secure world: the only memory a lower-EL
 * supplied address (PSCI entry points, ...) may point to.
 */
bool plat_range_is_ns_dram(uint64_t pa, uint64_t size);

#endif /* MONITOR_PLATFORM_H */
