// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 redistributor (GICR) MMIO model: per vCPU an RD_base frame and an
 * SGI_base frame, the latter laid out like the GICD (see gic-dist.c).
 */
#include <pthread.h>

#include "vmm/gic.h"
#include "vmm/layout.h"

#include "gic-internal.h"

int gic__gicr_read(struct gic *gic, uint64_t off, unsigned int len, uint64_t *data)
{
	unsigned int cpu = (unsigned int)(off / GICR_FRAME_SIZE);
	uint64_t f = off % GICR_FRAME_SIZE;
	enum gic_bitreg reg;
	unsigned int n;
	bool set;

	*data = 0;
	if (cpu >= gic->nr_cpus || (off & (len - 1)))
		return 0;
	pthread_mutex_lock(&gic->lock);
	if (f >= GICR_TYPER && f < GICR_TYPER + 8 && (len == 8 || len == 4)) {
		uint64_t typer = (vmm_cpu__mpidr(cpu) << 32) | ((uint64_t)cpu << 8);

		if (cpu == gic->nr_cpus - 1)
			typer |= GICR_TYPER_LAST;
		*data = len == 8 ? typer : (uint32_t)(typer >> (8 * (f - GICR_TYPER)));
	} else if (f >= GICR_SGI_FRAME + GICD_IPRIORITYR &&
		   f < GICR_SGI_FRAME + GICD_IPRIORITYR + GIC_NR_PRIVATE && len <= 4) {
		gic__read_prio(gic, cpu, (unsigned int)(f - GICR_SGI_FRAME - GICD_IPRIORITYR),
			       len, data);
	} else if (len != 4) {
		/* RAZ */
	} else if (f == GICR_IIDR) {
		*data = GIC_IIDR_VALUE;
	} else if (f == GICR_WAKER) {
		*data = gic->cpus[cpu].waker;
	} else if (f >= GICR_SGI_FRAME && gic__bitreg(f - GICR_SGI_FRAME, &n, &reg, &set)) {
		if (n == 0)
			*data = gic__read_bits(gic, cpu, 0, reg);
	} else if (f == GICR_SGI_FRAME + GICR_ICFGR0 || f == GICR_SGI_FRAME + GICR_ICFGR1) {
		*data = gic__read_cfg(gic, cpu, (unsigned int)(f - GICR_SGI_FRAME - GICR_ICFGR0) / 4);
	} else {
		gic__id_reg(f >= GICR_SGI_FRAME ? f - GICR_SGI_FRAME : f, data);
	}
	pthread_mutex_unlock(&gic->lock);
	return 0;
}

int gic__gicr_write(struct gic *gic, uint64_t off, unsigned int len, uint64_t data)
{
	unsigned int cpu = (unsigned int)(off / GICR_FRAME_SIZE);
	uint64_t f = off % GICR_FRAME_SIZE;
	enum gic_bitreg reg;
	cpumask_t mask = 0;
	unsigned int n;
	bool set;

	if (cpu >= gic->nr_cpus || (off & (len - 1)))
		return 0;
	pthread_mutex_lock(&gic->lock);
	if (f >= GICR_SGI_FRAME + GICD_IPRIORITYR &&
	    f < GICR_SGI_FRAME + GICD_IPRIORITYR + GIC_NR_PRIVATE && len <= 4) {
		mask = gic__write_prio(gic, cpu, (unsigned int)(f - GICR_SGI_FRAME - GICD_IPRIORITYR),
				       len, data);
	} else if (len != 4) {
		/* WI */
	} else if (f == GICR_WAKER) {
		/* No power management: children are asleep exactly when asked. */
		gic->cpus[cpu].waker = data & GICR_WAKER_PSLEEP ?
				       GICR_WAKER_PSLEEP | GICR_WAKER_CASLEEP : 0;
	} else if (f >= GICR_SGI_FRAME && gic__bitreg(f - GICR_SGI_FRAME, &n, &reg, &set)) {
		if (n == 0)
			mask = gic__write_bits(gic, cpu, 0, reg, set, (uint32_t)data);
	} else if (f == GICR_SGI_FRAME + GICR_ICFGR0 || f == GICR_SGI_FRAME + GICR_ICFGR1) {
		gic__write_cfg(gic, cpu, (unsigned int)(f - GICR_SGI_FRAME - GICR_ICFGR0) / 4,
			       (uint32_t)data);
	}
	gic__unlock_and_kick(gic, gic__update_locked(gic, mask));
	return 0;
}
