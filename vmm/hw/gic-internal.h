/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_HW_GIC_INTERNAL_H
#define VMM_HW_GIC_INTERNAL_H

/*
 * Private to vmm/hw/gic*.c: the GIC model's state and the helpers its
 * files share.  The split, one concern a file:
 *
 *	gic.c		the object, locking, kick/wait, device-side raise/PPI/SGI
 *	gic-dist.c	the GICD MMIO model and the register helpers it shares
 *			with the redistributor's SGI frame
 *	gic-redist.c	the GICR MMIO model (RD_base and SGI_base frames)
 *	gic-lrs.c	list registers: gic__fill_lrs(), gic__sync_from_exit()
 *			and what counts as pending for a CPU
 *
 * One mutex (struct gic.lock) guards everything; the *_locked helpers and
 * those that take a struct gic expect it held.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "vmm/gic.h"

/* GICD */
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IIDR		0x0008
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ICFGR		0x0c00
#define GICD_IROUTER		0x6000
#define GICD_IROUTER_END	(GICD_IROUTER + 8 * 1024)

#define GICD_CTLR_ENGRP0	(1U << 0)
#define GICD_CTLR_ENGRP1	(1U << 1)
#define GICD_CTLR_ARE		(1U << 4)
#define GICD_CTLR_DS		(1U << 6)

#define GICD_TYPER_IDBITS(n)	(((n) - 1U) << 19)
#define GICD_TYPER_NO1N		(1U << 25)
#define GIC_IROUTER_IRM		(1ULL << 31)
#define GIC_IROUTER_MASK	0xff00ffffffULL	/* Aff3, Aff2, Aff1, Aff0 */

/* GICR RD_base frame */
#define GICR_CTLR		0x0000
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER_PSLEEP	(1U << 1)
#define GICR_WAKER_CASLEEP	(1U << 2)
/* GICR SGI_base frame (second 64 KiB) */
#define GICR_SGI_FRAME		0x10000
#define GICR_ICFGR0		0x0c00
#define GICR_ICFGR1		0x0c04

/* Identification, common to both frames: GICv3 (PIDR2.ArchRev = 3). */
#define GIC_IIDR_VALUE		0x0000043bU	/* Arm's JEP106 code, product 0 */
#define GIC_PIDR2		0xffe8
#define GIC_PIDR2_VALUE		0x3b
#define GIC_CIDR0		0xfff0

struct gic_irq {
	uint8_t priority;
	bool group1;
	bool enabled;
	bool edge;		/* ICFGR: edge-triggered */
	bool latch;		/* pending latch: an edge, or ISPENDR */
	bool level;		/* the input line, level-sensitive interrupts */
	bool active;
	bool in_lr;		/* owned by an LR of the CPU it was given to */
	bool retire;		/* ICPENDR/ICENABLER while in a pending-only LR */
};

struct gic_lr {
	int intid;		/* -1: free */
	uint64_t state;		/* ICH_LR_STATE_* as last known */
	bool took_latch;	/* placing it consumed the latch */
};

struct gic_cpu {
	struct gic_irq priv[GIC_NR_PRIVATE];
	struct gic_lr lrs[GIC_MAX_LRS];
	uint64_t vmcr;
	bool vmcr_valid;
	uint32_t waker;
	bool kicked;		/* gic__kick_cpu(): wake gic__wait() */
	bool kick_sent;		/* kick() called since the last gic__fill_lrs() */
	pthread_cond_t cond;
	void (*kick)(void *arg);
	void *kick_arg;
};

struct gic {
	pthread_mutex_t lock;
	unsigned int nr_cpus, nr_lrs;
	uint32_t ctlr;
	bool maintenance;
	struct gic_irq spis[GIC_NR_IRQS - GIC_SPI_BASE];
	uint64_t irouter[GIC_NR_IRQS - GIC_SPI_BASE];
	struct gic_cpu *cpus;
};

typedef uint64_t cpumask_t;	/* VMM_MAX_CPUS = 64 */

static inline struct gic_irq *gic__irq(struct gic *gic, unsigned int cpu, unsigned int intid)
{
	if (intid < GIC_NR_PRIVATE)
		return cpu < gic->nr_cpus ? &gic->cpus[cpu].priv[intid] : NULL;
	if (intid < GIC_NR_IRQS)
		return &gic->spis[intid - GIC_SPI_BASE];
	return NULL;
}

static inline bool irq__pending(const struct gic_irq *irq)
{
	return irq->latch || (!irq->edge && irq->level);
}

/* gic.c */
int gic__spi_target(const struct gic *gic, unsigned int intid);
cpumask_t gic__update_locked(struct gic *gic, cpumask_t mask);
cpumask_t gic__all_cpus(const struct gic *gic);
cpumask_t gic__irq_cpus(const struct gic *gic, unsigned int cpu, unsigned int intid);
void gic__unlock_and_kick(struct gic *gic, cpumask_t kick);

/* gic-dist.c: registers laid out alike in the GICD and the SGI frame */
enum gic_bitreg { REG_GROUP, REG_ENABLE, REG_PENDING, REG_ACTIVE };

bool irq__get_bit(const struct gic_irq *irq, enum gic_bitreg reg);
uint32_t gic__read_bits(struct gic *gic, unsigned int cpu, unsigned int n,
			enum gic_bitreg reg);
cpumask_t gic__write_bits(struct gic *gic, unsigned int cpu, unsigned int n,
			  enum gic_bitreg reg, bool set, uint32_t val);
void gic__read_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
		    unsigned int len, uint64_t *data);
cpumask_t gic__write_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
			  unsigned int len, uint64_t data);
uint32_t gic__read_cfg(struct gic *gic, unsigned int cpu, unsigned int n);
void gic__write_cfg(struct gic *gic, unsigned int cpu, unsigned int n, uint32_t val);
bool gic__id_reg(uint64_t off, uint64_t *data);
bool gic__bitreg(uint64_t off, unsigned int *n, enum gic_bitreg *reg, bool *set);

/* gic-lrs.c */
bool gic__has_deliverable_locked(struct gic *gic, unsigned int cpu, bool cpuif);
bool gic__has_pending_locked(struct gic *gic, unsigned int cpu);

#endif /* VMM_HW_GIC_INTERNAL_H */
