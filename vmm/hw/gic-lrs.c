// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 list registers: what is pending for a CPU, filling the LRs before
 * a realm entry and taking their state back after an exit.
 */
#include <pthread.h>
#include <string.h>

#include "vmm/gic.h"

#include "gic-internal.h"

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

bool gic__has_deliverable_locked(struct gic *gic, unsigned int cpu, bool cpuif)
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

bool gic__has_pending_locked(struct gic *gic, unsigned int cpu)
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
