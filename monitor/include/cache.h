/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_CACHE_H
#define MONITOR_CACHE_H

#include <stdint.h>

/* Maintenance to the point of coherency by VA (identity mapped). */
void dcache_clean_range(uintptr_t start, uint64_t size);
void dcache_clean_inval_range(uintptr_t start, uint64_t size);

#endif /* MONITOR_CACHE_H */
