/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_MMU_H
#define MONITOR_MMU_H

#include <stdint.h>

/*
 * The RMM-EL3 shared page seen through the Realm PAS (the last 1 GiB of
 * the 39-bit VA space; DRAM must end below it).
 */
#define MMU_SHARED_ALIAS_VA	0x7FC0000000ULL

/* Build the EL3 identity map (boot CPU, MMU off, before any secondary). */
void mmu_init(uint64_t dram_base, uint64_t dram_end);
/* Turn on the EL3 MMU and caches on this CPU with the shared tables. */
void mmu_enable_this_cpu(void);

#endif /* MONITOR_MMU_H */
