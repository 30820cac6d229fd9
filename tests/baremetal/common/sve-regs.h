/* SPDX-License-Identifier: GPL-2.0-only */
/* SVE register helpers of the bare-metal payloads (sve-regs.S). */
#ifndef BAREMETAL_SVE_REGS_H
#define BAREMETAL_SVE_REGS_H

#include <stdint.h>

/* Z0..Z31, P0..P15 and FFR at the largest architectural VL (256 bytes). */
#define SVE_DUMP_MAX	(32 * 256 + 17 * 32)

uint64_t sve_vl(void);			/* the vector length in force, bytes */
void sve_fill(uint64_t seed);		/* every lane distinct */
void sve_dump(void *buf);		/* 32 VL + 17 VL / 8 bytes */

static inline uint64_t sve_dump_size(uint64_t vl)
{
	return 32 * vl + 17 * (vl / 8);
}

#endif /* BAREMETAL_SVE_REGS_H */
