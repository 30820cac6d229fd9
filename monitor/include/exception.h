/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The register frame vectors.S saves on the EL3 stack for every exception,
 * and the entry points it calls.
 */
#ifndef MONITOR_EXCEPTION_H
#define MONITOR_EXCEPTION_H

#define FRAME_ELR		256
#define FRAME_SPSR		264
#define FRAME_SIZE		272

/* Which vector a crash came through. */
#define VEC_CUR_SP0		0
#define VEC_CUR_SPX		1
#define VEC_LOWER_A64		2
#define VEC_LOWER_A32		3
#define VEC_KIND_SYNC		0
#define VEC_KIND_IRQ		1
#define VEC_KIND_FIQ		2
#define VEC_KIND_SERROR		3
#define VEC_ID(group, kind)	((group) * 4 + (kind))

#ifndef __ASSEMBLY__
#include <stdint.h>

struct el3_frame {
	uint64_t x[32];			/* x0..x30, x[31] unused */
	uint64_t elr;
	uint64_t spsr;
};

_Static_assert(sizeof(struct el3_frame) == FRAME_SIZE, "frame size");
_Static_assert(__builtin_offsetof(struct el3_frame, elr) == FRAME_ELR, "frame elr");

void smc_handle(struct el3_frame *f);
void __attribute__((noreturn)) crash_report(struct el3_frame *f, uint64_t vector);
#endif

#endif /* MONITOR_EXCEPTION_H */
