/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_SMC_H
#define MONITOR_SMC_H

#include <stdint.h>
#include <stdbool.h>

/* The world an SMC came from, from SCR_EL3.{NSE, NS} at the time of the call. */
#define WORLD_SECURE		(1U << 0)
#define WORLD_NS		(1U << 1)
#define WORLD_REALM		(1U << 2)

/* Arguments of one call; SMC32 arguments already truncated to 32 bits. */
struct smc_args {
	uint32_t fid;
	unsigned int world;
	uint64_t a[8];			/* a[1]..a[7] = x1..x7 */
};

/* True when fid has a handler that the given world may call. */
bool smc_fid_implemented(uint32_t fid, unsigned int world);

#endif /* MONITOR_SMC_H */
