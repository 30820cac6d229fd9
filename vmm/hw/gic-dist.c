// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 distributor (GICD) MMIO model, and the register helpers that the
 * redistributor's SGI frame shares with it (same layout, banked INTIDs).
 */
#include <pthread.h>

#include "vmm/gic.h"
#include "vmm/util.h"

#include "gic-internal.h"

/* ------------------------------------------------------------ registers */

bool irq__get_bit(const struct gic_irq *irq, enum gic_bitreg reg)
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
uint32_t gic__read_bits(struct gic *gic, unsigned int cpu, unsigned int n,
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
cpumask_t gic__write_bits(struct gic *gic, unsigned int cpu, unsigned int n,
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
void gic__read_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
			   unsigned int len, uint64_t *data)
{
	unsigned int b;

	for (b = 0; b < len; b++) {
		const struct gic_irq *irq = gic__irq(gic, cpu, idx + b);

		if (irq)
			*data |= (uint64_t)irq->priority << (8 * b);
	}
}

cpumask_t gic__write_prio(struct gic *gic, unsigned int cpu, unsigned int idx,
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
uint32_t gic__read_cfg(struct gic *gic, unsigned int cpu, unsigned int n)
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

void gic__write_cfg(struct gic *gic, unsigned int cpu, unsigned int n, uint32_t val)
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
bool gic__id_reg(uint64_t off, uint64_t *data)
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
bool gic__bitreg(uint64_t off, unsigned int *n, enum gic_bitreg *reg, bool *set)
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

/* ----------------------------------------------------------------- GICD */

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
