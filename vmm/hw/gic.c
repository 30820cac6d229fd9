// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 model: the object, its lock, waking and kicking vCPUs, and the
 * device side (SPI lines, PPIs, SGIs).  The distributor and redistributor
 * MMIO models are in gic-dist.c and gic-redist.c, the list-register
 * bookkeeping that connects the model to the realm's hardware virtual CPU
 * interface in gic-lrs.c.  See vmm/gic.h for the contract with the run loop.
 *
 * One mutex guards everything: MMIO accesses to the GIC are rare after
 * boot, and the per-entry LR work is a scan of at most 128 interrupts.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/util.h"

#include "gic-internal.h"

#define GIC_DEFAULT_PRIO	0xa0
#define ESR_EC_SYSREG		0x18

/* The CPU an SPI is routed to, or -1 if IROUTER names no vCPU. */
int gic__spi_target(const struct gic *gic, unsigned int intid)
{
	uint64_t route = gic->irouter[intid - GIC_SPI_BASE];
	unsigned int i;

	for (i = 0; i < gic->nr_cpus; i++)
		if (vmm_cpu__mpidr(i) == route)
			return (int)i;
	return -1;
}

/*
 * After a change that may have made interrupts deliverable to the CPUs in
 * @mask: wake their gic__wait() and collect the ones to kick.  One kick
 * until the CPU next fills its LRs is enough: that fill sees everything.
 */
cpumask_t gic__update_locked(struct gic *gic, cpumask_t mask)
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

cpumask_t gic__all_cpus(const struct gic *gic)
{
	return gic->nr_cpus == 64 ? ~0ULL : (1ULL << gic->nr_cpus) - 1;
}

cpumask_t gic__irq_cpus(const struct gic *gic, unsigned int cpu, unsigned int intid)
{
	int target;

	if (intid < GIC_NR_PRIVATE)
		return 1ULL << cpu;
	target = gic__spi_target(gic, intid);
	return target < 0 ? 0 : 1ULL << target;
}

/* Unlock, then kick: a kick may signal a thread that then takes the lock. */
void gic__unlock_and_kick(struct gic *gic, cpumask_t kick)
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

/* ------------------------------------------------------------- waiting */

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
