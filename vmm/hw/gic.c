// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 distributor and redistributor model, and the list-register
 * bookkeeping that connects it to the realm's hardware virtual CPU
 * interface.  See vmm/gic.h for the contract with the run loop.
 *
 * One mutex guards everything: MMIO accesses to the GIC are rare after
 * boot, and the per-entry LR work is a scan of at most 128 interrupts.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/util.h"

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

#define GIC_DEFAULT_PRIO	0xa0
#define ESR_EC_SYSREG		0x18

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

static struct gic_irq *gic__irq(struct gic *gic, unsigned int cpu, unsigned int intid)
{
	if (intid < GIC_NR_PRIVATE)
		return cpu < gic->nr_cpus ? &gic->cpus[cpu].priv[intid] : NULL;
	if (intid < GIC_NR_IRQS)
		return &gic->spis[intid - GIC_SPI_BASE];
	return NULL;
}

static bool irq__pending(const struct gic_irq *irq)
{
	return irq->latch || (!irq->edge && irq->level);
}

/* The CPU an SPI is routed to, or -1 if IROUTER names no vCPU. */
static int gic__spi_target(const struct gic *gic, unsigned int intid)
{
	uint64_t route = gic->irouter[intid - GIC_SPI_BASE];
	unsigned int i;

	for (i = 0; i < gic->nr_cpus; i++)
		if (vmm_cpu__mpidr(i) == route)
			return (int)i;
	return -1;
}

/* Waiting in the model (not in an LR) and allowed out of the distributor. */
static bool gic__deliverable(const struct gic *gic, const struct gic_irq *irq, unsigned int intid)
{
	if (!irq__pending(irq) || !irq->enabled || irq->in_lr || irq->active)
		return false;
	if (intid >= GIC_SPI_BASE)
		return gic->ctlr & (irq->group1 ? GICD_CTLR_ENGRP1 : GICD_CTLR_ENGRP0);
	return true;
}

/* Would the guest's CPU interface signal it (VMCR group enable and PMR)? */
static bool gic__cpuif_allows(const struct gic_cpu *c, const struct gic_irq *irq)
{
	if (!c->vmcr_valid)
		return true;
	if (!(c->vmcr & (irq->group1 ? ICH_VMCR_ENG1 : ICH_VMCR_ENG0)))
		return false;
	return irq->priority < (uint8_t)(c->vmcr >> ICH_VMCR_PMR_SHIFT);
}

static bool gic__has_deliverable_locked(struct gic *gic, unsigned int cpu, bool cpuif)
{
	struct gic_cpu *c = &gic->cpus[cpu];
	unsigned int i;

	for (i = 0; i < GIC_NR_IRQS; i++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, i);

		if (i >= GIC_SPI_BASE && gic__spi_target(gic, i) != (int)cpu)
			continue;
		if (gic__deliverable(gic, irq, i) && (!cpuif || gic__cpuif_allows(c, irq)))
			return true;
	}
	return false;
}

static bool gic__has_pending_locked(struct gic *gic, unsigned int cpu)
{
	struct gic_cpu *c = &gic->cpus[cpu];
	unsigned int i;

	for (i = 0; i < gic->nr_lrs; i++) {
		const struct gic_lr *lr = &c->lrs[i];

		if (lr->intid >= 0 && (lr->state & ICH_LR_STATE_PENDING) &&
		    gic__cpuif_allows(c, gic__irq(gic, cpu, (unsigned int)lr->intid)))
			return true;
	}
	return gic__has_deliverable_locked(gic, cpu, true);
}

/*
 * After a change that may have made interrupts deliverable to the CPUs in
 * @mask: wake their gic__wait() and collect the ones to kick.  One kick
 * until the CPU next fills its LRs is enough: that fill sees everything.
 */
static cpumask_t gic__update_locked(struct gic *gic, cpumask_t mask)
{
	cpumask_t kick = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < gic->nr_cpus; cpu++) {
		if (!(mask & (1ULL << cpu)) || !gic__has_deliverable_locked(gic, cpu, false))
			continue;
		pthread_cond_broadcast(&gic->cpus[cpu].cond);
		if (!gic->cpus[cpu].kick_sent) {
			gic->cpus[cpu].kick_sent = true;
			kick |= 1ULL << cpu;
		}
	}
	return kick;
}

static cpumask_t gic__all_cpus(const struct gic *gic)
{
	return gic->nr_cpus == 64 ? ~0ULL : (1ULL << gic->nr_cpus) - 1;
}

static cpumask_t gic__irq_cpus(const struct gic *gic, unsigned int cpu, unsigned int intid)
{
	int target;

	if (intid < GIC_NR_PRIVATE)
		return 1ULL << cpu;
	target = gic__spi_target(gic, intid);
	return target < 0 ? 0 : 1ULL << target;
}

/* Unlock, then kick: a kick may signal a thread that then takes the lock. */
static void gic__unlock_and_kick(struct gic *gic, cpumask_t kick)
{
	void (*fn[VMM_MAX_CPUS])(void *);
	void *arg[VMM_MAX_CPUS];
	unsigned int cpu;

	for (cpu = 0; cpu < gic->nr_cpus; cpu++) {
		fn[cpu] = kick & (1ULL << cpu) ? gic->cpus[cpu].kick : NULL;
		arg[cpu] = gic->cpus[cpu].kick_arg;
	}
	pthread_mutex_unlock(&gic->lock);
	for (cpu = 0; cpu < gic->nr_cpus; cpu++)
		if (fn[cpu])
			fn[cpu](arg[cpu]);
}

struct gic *gic__new(unsigned int nr_cpus, unsigned int nr_lrs)
{
	pthread_condattr_t attr;
	struct gic *gic;
	unsigned int cpu, i;

	if (!nr_cpus || nr_cpus > VMM_MAX_CPUS || !nr_lrs || nr_lrs > GIC_MAX_LRS)
		return NULL;
	gic = calloc(1, sizeof(*gic));
	if (!gic)
		return NULL;
	gic->cpus = calloc(nr_cpus, sizeof(*gic->cpus));
	if (!gic->cpus) {
		free(gic);
		return NULL;
	}
	gic->nr_cpus = nr_cpus;
	gic->nr_lrs = nr_lrs;
	pthread_mutex_init(&gic->lock, NULL);
	/* gic__wait() deadlines are relative, so measure them on a steady clock. */
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		struct gic_cpu *c = &gic->cpus[cpu];

		pthread_cond_init(&c->cond, &attr);
		c->waker = GICR_WAKER_PSLEEP | GICR_WAKER_CASLEEP;
		for (i = 0; i < GIC_MAX_LRS; i++)
			c->lrs[i].intid = -1;
		for (i = 0; i < GIC_NR_PRIVATE; i++) {
			c->priv[i].priority = GIC_DEFAULT_PRIO;
			/* SGIs are always edge; PPIs reset level (the timers are). */
			c->priv[i].edge = i < GIC_NR_SGIS;
		}
	}
	pthread_condattr_destroy(&attr);
	for (i = 0; i < ARRAY_SIZE(gic->spis); i++)
		gic->spis[i].priority = GIC_DEFAULT_PRIO;
	return gic;
}

void gic__free(struct gic *gic)
{
	unsigned int cpu;

	if (!gic)
		return;
	for (cpu = 0; cpu < gic->nr_cpus; cpu++)
		pthread_cond_destroy(&gic->cpus[cpu].cond);
	pthread_mutex_destroy(&gic->lock);
	free(gic->cpus);
	free(gic);
}

/* ------------------------------------------------------------ registers */

enum gic_bitreg { REG_GROUP, REG_ENABLE, REG_PENDING, REG_ACTIVE };

static bool irq__get_bit(const struct gic_irq *irq, enum gic_bitreg reg)
{
	switch (reg) {
	case REG_GROUP:
		return irq->group1;
	case REG_ENABLE:
		return irq->enabled;
	case REG_PENDING:
		return irq__pending(irq) || (irq->in_lr && !irq->retire && !irq->active);
	case REG_ACTIVE:
		return irq->active;
	}
	return false;
}

/* Word @n of a one-bit-per-INTID register; INTIDs 32n .. 32n + 31. */
static uint32_t gic__read_bits(struct gic *gic, unsigned int cpu, unsigned int n,
			       enum gic_bitreg reg)
{
	uint32_t val = 0;
	unsigned int b;

	for (b = 0; b < 32; b++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, n * 32 + b);

		if (irq && irq__get_bit(irq, reg))
			val |= 1U << b;
	}
	return val;
}

/*
 * Write word @n: @set says whether the register is a "set" (IS*R) or a
 * "clear" (IC*R) one; REG_GROUP is a plain write.  Returns the CPUs that
 * may have a new deliverable interrupt.
 */
static cpumask_t gic__write_bits(struct gic *gic, unsigned int cpu, unsigned int n,
				 enum gic_bitreg reg, bool set, uint32_t val)
{
	cpumask_t mask = 0;
	unsigned int b;

	for (b = 0; b < 32; b++) {
		unsigned int intid = n * 32 + b;
		struct gic_irq *irq = gic__irq(gic, cpu, intid);
		bool bit = val & (1U << b);

		if (!irq || (reg != REG_GROUP && !bit))
			continue;
		switch (reg) {
		case REG_GROUP:
			irq->group1 = bit;
			break;
		case REG_ENABLE:
			irq->enabled = set;
			if (!set && irq->in_lr)
				irq->retire = true;
			break;
		case REG_PENDING:
			irq->latch = set;
			if (!set && irq->in_lr)
				irq->retire = true;
			break;
		case REG_ACTIVE:
			/* An LR's active state is the hardware's; only track the rest. */
			if (!irq->in_lr)
				irq->active = set;
			break;
		}
		if (set || reg == REG_GROUP)
			mask |= gic__irq_cpus(gic, cpu, intid);
	}
	return mask;
}

/* 1 or 4 byte accesses to IPRIORITYR, byte @idx = INTID. */
static void gic__read_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
			   unsigned int len, uint64_t *data)
{
	unsigned int b;

	for (b = 0; b < len; b++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, idx + b);

		if (irq)
			*data |= (uint64_t)irq->priority << (8 * b);
	}
}

static cpumask_t gic__write_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
				 unsigned int len, uint64_t data)
{
	cpumask_t mask = 0;
	unsigned int b;

	for (b = 0; b < len; b++) {
		struct gic_irq *irq = gic__irq(gic, cpu, idx + b);

		if (irq) {
			irq->priority = (uint8_t)(data >> (8 * b));
			mask |= gic__irq_cpus(gic, cpu, idx + b);
		}
	}
	return mask;
}

/* ICFGR word @n: INTIDs 16n .. 16n + 15, bit 2k+1 = edge. */
static uint32_t gic__read_cfg(struct gic *gic, unsigned int cpu, unsigned int n)
{
	uint32_t val = 0;
	unsigned int k;

	for (k = 0; k < 16; k++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, n * 16 + k);

		if (irq && irq->edge)
			val |= 2U << (2 * k);
	}
	return val;
}

static void gic__write_cfg(struct gic *gic, unsigned int cpu, unsigned int n, uint32_t val)
{
	unsigned int k;

	for (k = 0; k < 16; k++) {
		unsigned int intid = n * 16 + k;
		struct gic_irq *irq = gic__irq(gic, cpu, intid);

		/* SGIs are edge, read-only. */
		if (irq && intid >= GIC_NR_SGIS)
			irq->edge = val & (2U << (2 * k));
	}
}

/* CIDR0-3 and PIDR2 of both frames; 0 elsewhere in the ID block. */
static bool gic__id_reg(uint64_t off, uint64_t *data)
{
	static const uint8_t cidr[4] = { 0x0d, 0xf0, 0x05, 0xb1 };

	if (off == GIC_PIDR2) {
		*data = GIC_PIDR2_VALUE;
		return true;
	}
	if (off >= GIC_CIDR0 && off < GIC_CIDR0 + 16 && !(off & 3)) {
		*data = cidr[(off - GIC_CIDR0) / 4];
		return true;
	}
	return off >= 0xffd0;
}

/*
 * The SGI-frame registers of the redistributor and the matching GICD ones
 * share one layout: @off relative to the frame, @cpu the banked CPU, INTIDs
 * from @base (0 for the SGI frame, 32 for the GICD's word 1 onwards).
 */
static bool gic__bitreg(uint64_t off, unsigned int *n, enum gic_bitreg *reg, bool *set)
{
	static const struct {
		uint64_t off;
		enum gic_bitreg reg;
		bool set;
	} map[] = {
		{ GICD_IGROUPR, REG_GROUP, true },
		{ GICD_ISENABLER, REG_ENABLE, true },
		{ GICD_ICENABLER, REG_ENABLE, false },
		{ GICD_ISPENDR, REG_PENDING, true },
		{ GICD_ICPENDR, REG_PENDING, false },
		{ GICD_ISACTIVER, REG_ACTIVE, true },
		{ GICD_ICACTIVER, REG_ACTIVE, false },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(map); i++) {
		if (off >= map[i].off && off < map[i].off + 0x80) {
			*n = (unsigned int)(off - map[i].off) / 4;
			*reg = map[i].reg;
			*set = map[i].set;
			return true;
		}
	}
	return false;
}

int gic__gicd_read(struct gic *gic, uint64_t off, unsigned int len, uint64_t *data)
{
	enum gic_bitreg reg;
	unsigned int n;
	bool set;

	*data = 0;
	if (off & (len - 1))
		return 0;
	pthread_mutex_lock(&gic->lock);
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 1024 && len <= 4) {
		/* Banked INTIDs 0-31 are RAZ here with affinity routing. */
		if (off - GICD_IPRIORITYR >= GIC_NR_PRIVATE)
			gic__read_prio(gic, 0, (unsigned int)(off - GICD_IPRIORITYR), len, data);
	} else if (off >= GICD_IROUTER && off < GICD_IROUTER_END && (len == 4 || len == 8)) {
		unsigned int intid = (unsigned int)(off - GICD_IROUTER) / 8;

		if (intid >= GIC_SPI_BASE && intid < GIC_NR_IRQS) {
			*data = gic->irouter[intid - GIC_SPI_BASE];
			if (len == 4 && (off & 4))
				*data >>= 32;
			else if (len == 4)
				*data &= 0xffffffffULL;
		}
	} else if (len != 4) {
		/* Everything else is a 32-bit register: other sizes RAZ. */
	} else if (off == GICD_CTLR) {
		*data = gic->ctlr | GICD_CTLR_ARE | GICD_CTLR_DS;
	} else if (off == GICD_TYPER) {
		*data = (GIC_NR_IRQS / 32 - 1) | GICD_TYPER_IDBITS(10) | GICD_TYPER_NO1N;
	} else if (off == GICD_IIDR) {
		*data = GIC_IIDR_VALUE;
	} else if (gic__bitreg(off, &n, &reg, &set)) {
		if (n > 0)
			*data = gic__read_bits(gic, 0, n, reg);
	} else if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
		n = (unsigned int)(off - GICD_ICFGR) / 4;
		if (n >= 2)
			*data = gic__read_cfg(gic, 0, n);
	} else {
		gic__id_reg(off, data);
	}
	pthread_mutex_unlock(&gic->lock);
	return 0;
}

int gic__gicd_write(struct gic *gic, uint64_t off, unsigned int len, uint64_t data)
{
	enum gic_bitreg reg;
	cpumask_t mask = 0;
	unsigned int n;
	bool set;

	if (off & (len - 1))
		return 0;
	pthread_mutex_lock(&gic->lock);
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 1024 && len <= 4) {
		if (off - GICD_IPRIORITYR >= GIC_NR_PRIVATE)
			mask = gic__write_prio(gic, 0, (unsigned int)(off - GICD_IPRIORITYR), len, data);
	} else if (off >= GICD_IROUTER && off < GICD_IROUTER_END && (len == 4 || len == 8)) {
		unsigned int intid = (unsigned int)(off - GICD_IROUTER) / 8;

		if (intid >= GIC_SPI_BASE && intid < GIC_NR_IRQS) {
			uint64_t *r = &gic->irouter[intid - GIC_SPI_BASE];

			if (len == 8)
				*r = data;
			else if (off & 4)
				*r = (*r & 0xffffffffULL) | (data << 32);
			else
				*r = (*r & ~0xffffffffULL) | data;
			/* No 1-of-N (GICD_TYPER.No1N): IRM is RES0. */
			*r &= GIC_IROUTER_MASK;
			mask = gic__all_cpus(gic);
		}
	} else if (len != 4) {
		/* WI */
	} else if (off == GICD_CTLR) {
		gic->ctlr = (uint32_t)data & (GICD_CTLR_ENGRP0 | GICD_CTLR_ENGRP1);
		mask = gic__all_cpus(gic);
	} else if (gic__bitreg(off, &n, &reg, &set)) {
		if (n > 0)
			mask = gic__write_bits(gic, 0, n, reg, set, (uint32_t)data);
	} else if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
		n = (unsigned int)(off - GICD_ICFGR) / 4;
		if (n >= 2)
			gic__write_cfg(gic, 0, n, (uint32_t)data);
	}
	gic__unlock_and_kick(gic, gic__update_locked(gic, mask));
	return 0;
}

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

static int gicd_mmio_read(void *dev, uint64_t off, unsigned int len, uint64_t *data)
{
	return gic__gicd_read(dev, off, len, data);
}

static int gicd_mmio_write(void *dev, uint64_t off, unsigned int len, uint64_t data)
{
	return gic__gicd_write(dev, off, len, data);
}

static int gicr_mmio_read(void *dev, uint64_t off, unsigned int len, uint64_t *data)
{
	return gic__gicr_read(dev, off, len, data);
}

static int gicr_mmio_write(void *dev, uint64_t off, unsigned int len, uint64_t data)
{
	return gic__gicr_write(dev, off, len, data);
}

static const struct mmio_ops gicd_ops = { gicd_mmio_read, gicd_mmio_write };
static const struct mmio_ops gicr_ops = { gicr_mmio_read, gicr_mmio_write };

int gic__register_mmio(struct gic *gic, uint64_t gicd_base, uint64_t gicr_base)
{
	int ret = mmio__register(gicd_base, GICD_FRAME_SIZE, &gicd_ops, gic);

	if (ret)
		return ret;
	ret = mmio__register(gicr_base, gic->nr_cpus * GICR_FRAME_SIZE, &gicr_ops, gic);
	if (ret)
		mmio__unregister(gicd_base);
	return ret;
}

/* -------------------------------------------------------------- sources */

static int gic__set_line(struct gic *gic, unsigned int cpu, unsigned int intid,
			 bool level, bool pulse)
{
	struct gic_irq *irq;
	cpumask_t mask = 0;

	pthread_mutex_lock(&gic->lock);
	irq = gic__irq(gic, cpu, intid);
	if (!irq) {
		pthread_mutex_unlock(&gic->lock);
		return -EINVAL;
	}
	if (pulse || (irq->edge && level && !irq->level))
		irq->latch = true;
	if (!pulse)
		irq->level = level;
	if (irq__pending(irq))
		mask = gic__irq_cpus(gic, cpu, intid);
	gic__unlock_and_kick(gic, gic__update_locked(gic, mask));
	return 0;
}

int gic__set_spi(struct gic *gic, unsigned int intid, bool level)
{
	if (intid < GIC_SPI_BASE || intid >= GIC_NR_IRQS)
		return -EINVAL;
	return gic__set_line(gic, 0, intid, level, false);
}

int gic__raise_edge(struct gic *gic, unsigned int intid)
{
	if (intid < GIC_SPI_BASE || intid >= GIC_NR_IRQS)
		return -EINVAL;
	return gic__set_line(gic, 0, intid, false, true);
}

int gic__set_ppi(struct gic *gic, unsigned int cpu, unsigned int intid, bool level)
{
	if (intid < GIC_NR_SGIS || intid >= GIC_NR_PRIVATE || cpu >= gic->nr_cpus)
		return -EINVAL;
	return gic__set_line(gic, cpu, intid, level, false);
}

void gic__sgi(struct gic *gic, unsigned int sender_cpu, uint64_t value)
{
	unsigned int intid = (value >> 24) & 0xf;
	unsigned int aff1 = (value >> 16) & 0xff, aff2 = (value >> 32) & 0xff;
	unsigned int aff3 = (value >> 48) & 0xff, rs = (value >> 44) & 0xf;
	bool all_but_self = value & (1ULL << 40);
	cpumask_t mask = 0;
	unsigned int cpu;

	pthread_mutex_lock(&gic->lock);
	for (cpu = 0; cpu < gic->nr_cpus; cpu++) {
		uint64_t mpidr = vmm_cpu__mpidr(cpu);
		unsigned int aff0 = mpidr & 0xff;

		if (all_but_self) {
			if (cpu == sender_cpu)
				continue;
		} else if (((mpidr >> 8) & 0xff) != aff1 || aff2 || aff3 ||
			   aff0 / 16 != rs || !(value & (1U << (aff0 % 16)))) {
			continue;
		}
		gic->cpus[cpu].priv[intid].latch = true;
		mask |= 1ULL << cpu;
	}
	gic__unlock_and_kick(gic, gic__update_locked(gic, mask));
}

int gic__handle_sysreg(struct gic *gic, unsigned int sender_cpu, uint64_t esr, uint64_t value)
{
	/* ISS: Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10] Rt[9:5] CRm[4:1] Dir[0] */
	uint64_t enc = esr & 0x3ffc1eULL;
#define SYSREG_ISS(op0, op1, crn, crm, op2) \
	(((uint64_t)(op0) << 20) | ((uint64_t)(op2) << 17) | ((uint64_t)(op1) << 14) | \
	 ((uint64_t)(crn) << 10) | ((uint64_t)(crm) << 1))

	if (((esr >> 26) & 0x3f) != ESR_EC_SYSREG || (esr & 1))
		return -ENOENT;
	if (enc != SYSREG_ISS(3, 0, 12, 11, 5) &&	/* ICC_SGI1R_EL1 */
	    enc != SYSREG_ISS(3, 0, 12, 11, 6) &&	/* ICC_ASGI1R_EL1 */
	    enc != SYSREG_ISS(3, 0, 12, 11, 7))		/* ICC_SGI0R_EL1 */
		return -ENOENT;
#undef SYSREG_ISS
	if (sender_cpu >= gic->nr_cpus)
		return -EINVAL;
	gic__sgi(gic, sender_cpu, value);
	return 0;
}

/* ------------------------------------------------------ list registers */

static uint64_t gic__lr_value(const struct gic_irq *irq, unsigned int intid, uint64_t state)
{
	return state | (irq->group1 ? ICH_LR_GROUP : 0) |
	       ((uint64_t)irq->priority << ICH_LR_PRIORITY_SHIFT) | intid;
}

/* Give a pending-only LR back to the model. */
static void gic__lr_evict(struct gic_lr *lr, struct gic_irq *irq)
{
	if (lr->took_latch && !irq->retire)
		irq->latch = true;
	irq->in_lr = false;
	irq->retire = false;
	lr->intid = -1;
	lr->state = 0;
}

static void gic__lr_place(struct gic_lr *lr, struct gic_irq *irq, unsigned int intid)
{
	lr->intid = (int)intid;
	lr->state = ICH_LR_STATE_PENDING;
	lr->took_latch = irq->latch;
	irq->latch = false;
	irq->in_lr = true;
	irq->retire = false;
}

/* Better = higher priority (lower value), then lower INTID. */
static bool gic__better(const struct gic_irq *a, unsigned int ia,
			const struct gic_irq *b, unsigned int ib)
{
	return a->priority < b->priority || (a->priority == b->priority && ia < ib);
}

void gic__fill_lrs(struct gic *gic, unsigned int cpu, struct rmi_rec_enter *enter)
{
	unsigned int cand[GIC_NR_IRQS], nr_cand = 0, next = 0, i, j;
	struct gic_cpu *c;
	uint64_t hcr = 0;

	memset(enter->gicv3_lrs, 0, sizeof(enter->gicv3_lrs));
	enter->gicv3_hcr = 0;
	if (cpu >= gic->nr_cpus)
		return;
	c = &gic->cpus[cpu];
	pthread_mutex_lock(&gic->lock);
	c->kick_sent = false;

	/* LRs from the last exit: retire stale pending ones, re-pend active edges. */
	for (i = 0; i < gic->nr_lrs; i++) {
		struct gic_lr *lr = &c->lrs[i];
		struct gic_irq *irq;

		if (lr->intid < 0)
			continue;
		irq = gic__irq(gic, cpu, (unsigned int)lr->intid);
		if (lr->state == ICH_LR_STATE_PENDING &&
		    (irq->retire || !irq->enabled ||
		     (!irq->edge && !irq->level && !lr->took_latch))) {
			gic__lr_evict(lr, irq);
			continue;
		}
		if (lr->state == ICH_LR_STATE_ACTIVE && irq->edge && irq->latch) {
			irq->latch = false;
			lr->state |= ICH_LR_STATE_PENDING;
		}
	}

	/* Candidates, best first (insertion sort: at most GIC_NR_IRQS). */
	for (i = 0; i < GIC_NR_IRQS; i++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, i);

		if (i >= GIC_SPI_BASE && gic__spi_target(gic, i) != (int)cpu)
			continue;
		if (!gic__deliverable(gic, irq, i))
			continue;
		for (j = nr_cand; j > 0 && gic__better(irq, i, gic__irq(gic, cpu, cand[j - 1]),
						     cand[j - 1]); j--)
			cand[j] = cand[j - 1];
		cand[j] = i;
		nr_cand++;
	}

	/* Free LRs first. */
	for (i = 0; i < gic->nr_lrs && next < nr_cand; i++)
		if (c->lrs[i].intid < 0) {
			gic__lr_place(&c->lrs[i], gic__irq(gic, cpu, cand[next]), cand[next]);
			next++;
		}

	/* Then swap out the worst pending-only LR for a strictly better one. */
	while (next < nr_cand) {
		struct gic_irq *best = gic__irq(gic, cpu, cand[next]);
		struct gic_irq *worst_irq = NULL;
		int worst = -1;

		for (i = 0; i < gic->nr_lrs; i++) {
			struct gic_irq *irq = gic__irq(gic, cpu, (unsigned int)c->lrs[i].intid);

			if (c->lrs[i].state != ICH_LR_STATE_PENDING)
				continue;
			if (!worst_irq || gic__better(worst_irq, (unsigned int)worst, irq,
						      (unsigned int)c->lrs[i].intid)) {
				worst_irq = irq;
				worst = (int)i;
			}
		}
		if (worst < 0 || !gic__better(best, cand[next], worst_irq,
					      (unsigned int)c->lrs[worst].intid))
			break;
		gic__lr_evict(&c->lrs[worst], worst_irq);
		gic__lr_place(&c->lrs[worst], best, cand[next]);
		next++;
	}
	if (next < nr_cand && gic->maintenance)
		hcr |= ICH_HCR_NPIE;

	for (i = 0; i < gic->nr_lrs; i++) {
		const struct gic_lr *lr = &c->lrs[i];

		if (lr->intid >= 0)
			enter->gicv3_lrs[i] = gic__lr_value(gic__irq(gic, cpu, (unsigned int)lr->intid),
							    (unsigned int)lr->intid, lr->state);
	}
	enter->gicv3_hcr = hcr & RMI_REC_GICV3_HCR_HOST_MASK;
	pthread_mutex_unlock(&gic->lock);
}

void gic__sync_from_exit(struct gic *gic, unsigned int cpu, const struct rmi_rec_exit *exit)
{
	cpumask_t mask = 0;
	struct gic_cpu *c;
	unsigned int i;

	if (cpu >= gic->nr_cpus)
		return;
	c = &gic->cpus[cpu];
	pthread_mutex_lock(&gic->lock);
	c->vmcr = exit->gicv3_vmcr;
	c->vmcr_valid = true;
	for (i = 0; i < gic->nr_lrs; i++) {
		struct gic_lr *lr = &c->lrs[i];
		uint64_t val = exit->gicv3_lrs[i];
		struct gic_irq *irq;

		if (lr->intid < 0)
			continue;
		irq = gic__irq(gic, cpu, (unsigned int)lr->intid);
		/*
		 * Our record says which interrupt the LR holds; the RMM hands
		 * the LRs back as the hardware left them, so only the state is
		 * taken from the exit (a different vINTID would be an RMM bug).
		 */
		lr->state = (val & ICH_LR_VINTID_MASK) == (uint64_t)lr->intid ?
			    val & ICH_LR_STATE_MASK : 0;
		irq->active = lr->state & ICH_LR_STATE_ACTIVE;
		if (!lr->state) {
			/* Deactivated: a level line still high pends it again. */
			irq->in_lr = false;
			irq->retire = false;
			lr->intid = -1;
			if (irq__pending(irq))
				mask |= 1ULL << cpu;
		}
	}
	gic__update_locked(gic, mask);
	pthread_mutex_unlock(&gic->lock);
}

bool gic__cpu_has_pending(struct gic *gic, unsigned int cpu)
{
	bool ret;

	if (cpu >= gic->nr_cpus)
		return false;
	pthread_mutex_lock(&gic->lock);
	ret = gic__has_pending_locked(gic, cpu);
	pthread_mutex_unlock(&gic->lock);
	return ret;
}

bool gic__wait(struct gic *gic, unsigned int cpu, uint64_t timeout_ns)
{
	struct timespec ts;
	struct gic_cpu *c;
	bool ret;

	if (cpu >= gic->nr_cpus)
		return false;
	c = &gic->cpus[cpu];
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (timeout_ns != UINT64_MAX) {
		uint64_t ns = (uint64_t)ts.tv_nsec + timeout_ns % 1000000000ULL;

		ts.tv_sec += (time_t)(timeout_ns / 1000000000ULL + ns / 1000000000ULL);
		ts.tv_nsec = (long)(ns % 1000000000ULL);
	}
	pthread_mutex_lock(&gic->lock);
	while (!(ret = gic__has_pending_locked(gic, cpu)) && !c->kicked) {
		if (timeout_ns == UINT64_MAX)
			pthread_cond_wait(&c->cond, &gic->lock);
		else if (pthread_cond_timedwait(&c->cond, &gic->lock, &ts) == ETIMEDOUT)
			break;
	}
	c->kicked = false;
	pthread_mutex_unlock(&gic->lock);
	return ret;
}

void gic__set_kick(struct gic *gic, unsigned int cpu, void (*kick)(void *arg), void *arg)
{
	if (cpu >= gic->nr_cpus)
		return;
	pthread_mutex_lock(&gic->lock);
	gic->cpus[cpu].kick = kick;
	gic->cpus[cpu].kick_arg = arg;
	pthread_mutex_unlock(&gic->lock);
}

void gic__kick_cpu(struct gic *gic, unsigned int cpu)
{
	if (cpu >= gic->nr_cpus)
		return;
	pthread_mutex_lock(&gic->lock);
	gic->cpus[cpu].kicked = true;
	pthread_cond_broadcast(&gic->cpus[cpu].cond);
	gic__unlock_and_kick(gic, 1ULL << cpu);
}

void gic__set_maintenance(struct gic *gic, bool enable)
{
	pthread_mutex_lock(&gic->lock);
	gic->maintenance = enable;
	pthread_mutex_unlock(&gic->lock);
}

bool gic__irq_pending(struct gic *gic, unsigned int cpu, unsigned int intid)
{
	const struct gic_irq *irq;
	bool ret = false;

	pthread_mutex_lock(&gic->lock);
	irq = gic__irq(gic, cpu, intid);
	if (irq)
		ret = irq__get_bit(irq, REG_PENDING);
	pthread_mutex_unlock(&gic->lock);
	return ret;
}

bool gic__irq_active(struct gic *gic, unsigned int cpu, unsigned int intid)
{
	const struct gic_irq *irq;
	bool ret = false;

	pthread_mutex_lock(&gic->lock);
	irq = gic__irq(gic, cpu, intid);
	if (irq)
		ret = irq->active;
	pthread_mutex_unlock(&gic->lock);
	return ret;
}
