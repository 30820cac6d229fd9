// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 model: distributor and redistributor registers, SPI routing, LR
 * filling by priority, EOI of level interrupts, SGIs, kicks; plus the MMIO
 * bus and the shared-memory registry the models sit on.
 */
#include <errno.h>
#include <string.h>

#include "helpers.h"
#include "vmm/gic.h"
#include "vmm/guest-mem.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"

#define GICD_BASE	VMM_GICD_BASE
#define GICR_BASE(n)	VMM_GICR_BASE(n)
#define SGI(off)	(0x10000 + (off))

static uint32_t rd32(uint64_t addr)
{
	uint64_t v = 0;

	assert_int_equal(mmio__dispatch(addr, false, 4, &v), 0);
	return (uint32_t)v;
}

static uint64_t rd64(uint64_t addr)
{
	uint64_t v = 0;

	assert_int_equal(mmio__dispatch(addr, false, 8, &v), 0);
	return v;
}

static void wr(uint64_t addr, unsigned int len, uint64_t v)
{
	assert_int_equal(mmio__dispatch(addr, true, len, &v), 0);
}

static struct gic *setup(unsigned int cpus, unsigned int lrs)
{
	struct gic *gic = gic__new(cpus, lrs);

	assert_non_null(gic);
	mmio__reset();
	assert_int_equal(gic__register_mmio(gic, GICD_BASE, GICR_BASE(cpus)), 0);
	return gic;
}

static void teardown(struct gic *gic)
{
	mmio__reset();
	gic__free(gic);
}

/* Linux's distributor bring-up, enough for SPIs: group 1, enabled. */
static void enable_spi(unsigned int intid, uint8_t prio, uint64_t route)
{
	wr(GICD_BASE + 0x80 + 4 * (intid / 32), 4, rd32(GICD_BASE + 0x80 + 4 * (intid / 32)) |
	   1U << (intid % 32));
	wr(GICD_BASE + 0x400 + intid, 1, prio);
	wr(GICD_BASE + 0x6000 + 8 * intid, 8, route);
	wr(GICD_BASE + 0x100 + 4 * (intid / 32), 4, 1U << (intid % 32));
}

static unsigned int lr_intid(uint64_t lr)
{
	return (unsigned int)(lr & ICH_LR_VINTID_MASK);
}

static void test_mmio_bus(void **state)
{
	static const struct mmio_ops ops = { NULL, NULL };
	uint64_t v = 0;

	(void)state;
	mmio__reset();
	assert_int_equal(mmio__register(0x1000, 0x100, &ops, NULL), -EINVAL);
	assert_int_equal(mmio__dispatch(0x1000, false, 4, &v), -ENOENT);
	{
		struct gic *gic = setup(1, 4);

		/* Overlaps, unclaimed holes, straddling the end, odd sizes. */
		assert_int_equal(gic__register_mmio(gic, GICD_BASE, GICR_BASE(1)), -EEXIST);
		assert_int_equal(mmio__dispatch(GICD_BASE - 0x20000 - 4, false, 4, &v), -ENOENT);
		assert_int_equal(mmio__dispatch(GICD_BASE + 0xfffe, false, 4, &v), -ENOENT);
		assert_int_equal(mmio__dispatch(GICD_BASE, false, 3, &v), -EINVAL);
		assert_int_equal(mmio__dispatch(~0ULL - 1, false, 4, &v), -ENOENT);
		assert_int_equal(mmio__unregister(GICD_BASE), 0);
		assert_int_equal(mmio__dispatch(GICD_BASE, false, 4, &v), -ENOENT);
		assert_int_equal(mmio__unregister(GICD_BASE), -ENOENT);
		teardown(gic);
	}
}

static void test_guest_mem(void **state)
{
	static uint8_t buf[3 * 4096];
	const uint64_t a = 1ULL << 39;

	(void)state;
	guest_mem__reset();
	assert_int_equal(guest_mem__register_shared(a + 0x80000000, sizeof(buf), buf), 0);
	assert_int_equal(guest_mem__register_shared(a + 0x80001000, 4096, buf), -EEXIST);
	assert_int_equal(guest_mem__register_shared(~0ULL - 10, 4096, buf), -EINVAL);
	assert_ptr_equal(guest_mem__shared_ptr(a + 0x80000010, 16), buf + 16);
	assert_ptr_equal(guest_mem__shared_ptr(a + 0x80000000, sizeof(buf)), buf);
	assert_null(guest_mem__shared_ptr(a + 0x80000000, sizeof(buf) + 1));
	assert_null(guest_mem__shared_ptr(a + 0x7fffffff, 2));
	/* The protected address of the same page is never DMA-able. */
	assert_null(guest_mem__shared_ptr(0x80000000, 1));
	assert_null(guest_mem__shared_ptr(a + 0x80000010, ~(size_t)0));
	/* Punch a hole in the middle: both ends stay. */
	assert_int_equal(guest_mem__unregister_shared(a + 0x80001000, 4096), 0);
	assert_null(guest_mem__shared_ptr(a + 0x80001000, 1));
	assert_ptr_equal(guest_mem__shared_ptr(a + 0x80000fff, 1), buf + 0xfff);
	assert_ptr_equal(guest_mem__shared_ptr(a + 0x80002000, 4096), buf + 0x2000);
	assert_null(guest_mem__shared_ptr(a + 0x80000fff, 2));
	guest_mem__reset();
	assert_null(guest_mem__shared_ptr(a + 0x80000000, 1));
}

static void test_gicd_id_regs(void **state)
{
	struct gic *gic = setup(2, 4);

	(void)state;
	assert_int_equal(rd32(GICD_BASE + 0xffe8) & 0xf0, 0x30);	/* PIDR2: GICv3 */
	assert_int_equal(rd32(GICD_BASE + 0x4) & 0x1f, GIC_NR_IRQS / 32 - 1);
	/* ARE and DS read as one whatever is written. */
	wr(GICD_BASE, 4, 0x3);
	assert_int_equal(rd32(GICD_BASE), 0x3 | 0x10 | 0x40);
	wr(GICD_BASE, 4, 0);
	assert_int_equal(rd32(GICD_BASE), 0x10 | 0x40);
	/* Banked word 0 is RAZ/WI at the distributor. */
	wr(GICD_BASE + 0x100, 4, ~0U);
	assert_int_equal(rd32(GICD_BASE + 0x100), 0);
	/* ICFGR: SPIs configurable. */
	wr(GICD_BASE + 0xc08, 4, 0x2);
	assert_int_equal(rd32(GICD_BASE + 0xc08), 0x2);
	/* IROUTER: IRM is RES0 (no 1-of-N), 32-bit halves work. */
	wr(GICD_BASE + 0x6000 + 8 * 40, 8, (1ULL << 31) | 0x100);
	assert_int_equal(rd64(GICD_BASE + 0x6000 + 8 * 40), 0x100);
	assert_int_equal(rd32(GICD_BASE + 0x6000 + 8 * 40), 0x100);
	teardown(gic);
}

static void test_gicr_typer_last(void **state)
{
	struct gic *gic = setup(18, 4);
	unsigned int cpu;

	(void)state;
	for (cpu = 0; cpu < 18; cpu++) {
		uint64_t base = GICR_BASE(18) + cpu * GICR_FRAME_SIZE;
		uint64_t typer = rd64(base + 0x8);

		assert_int_equal(typer >> 32, vmm_cpu__mpidr(cpu));
		assert_int_equal((typer >> 8) & 0xffff, cpu);
		assert_int_equal(!!(typer & 0x10), cpu == 17);
		assert_int_equal(rd32(base + 0xc), vmm_cpu__mpidr(cpu));
		assert_int_equal(rd32(base + 0xffe8) & 0xf0, 0x30);
		assert_int_equal(rd32(base + SGI(0xffe8)) & 0xf0, 0x30);
	}
	/* WAKER: Linux clears ProcessorSleep and waits for ChildrenAsleep to clear. */
	assert_int_equal(rd32(GICR_BASE(18) + 0x14), 0x6);
	wr(GICR_BASE(18) + 0x14, 4, 0);
	assert_int_equal(rd32(GICR_BASE(18) + 0x14), 0);
	/* SGIs are edge and read-only. */
	wr(GICR_BASE(18) + SGI(0xc00), 4, 0);
	assert_int_equal(rd32(GICR_BASE(18) + SGI(0xc00)), 0xaaaaaaaa);
	teardown(gic);
}

static void test_spi_route_and_pend(void **state)
{
	struct gic *gic = setup(2, 4);
	struct rmi_rec_enter enter;
	unsigned int intid = GIC_SPI_INTID(VMM_IRQ_UART_SPI);

	(void)state;
	wr(GICD_BASE, 4, 0x2);
	enable_spi(intid, 0xa0, vmm_cpu__mpidr(1));
	assert_false(gic__cpu_has_pending(gic, 1));
	assert_int_equal(gic__set_spi(gic, intid, true), 0);
	assert_true(gic__irq_pending(gic, 0, intid));
	assert_true(rd32(GICD_BASE + 0x200 + 4 * (intid / 32)) & (1U << (intid % 32)));
	assert_false(gic__cpu_has_pending(gic, 0));
	assert_true(gic__cpu_has_pending(gic, 1));

	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(enter.gicv3_lrs[0], 0);
	gic__fill_lrs(gic, 1, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), intid);
	assert_int_equal(enter.gicv3_lrs[0] & ICH_LR_STATE_MASK, ICH_LR_STATE_PENDING);
	assert_true(enter.gicv3_lrs[0] & ICH_LR_GROUP);
	assert_false(enter.gicv3_lrs[0] & ICH_LR_HW);
	assert_int_equal((enter.gicv3_lrs[0] >> ICH_LR_PRIORITY_SHIFT) & 0xff, 0xa0);
	assert_int_equal(enter.gicv3_hcr & ~RMI_REC_GICV3_HCR_HOST_MASK, 0);
	/* Disabled at the distributor: nothing for anyone. */
	wr(GICD_BASE, 4, 0);
	assert_int_equal(gic__set_spi(gic, intid + 1, true), 0);
	assert_false(gic__cpu_has_pending(gic, 0));
	/* Bad INTIDs. */
	assert_int_equal(gic__set_spi(gic, 5, true), -EINVAL);
	assert_int_equal(gic__set_spi(gic, GIC_NR_IRQS, true), -EINVAL);
	assert_int_equal(gic__set_ppi(gic, 2, 27, true), -EINVAL);
	teardown(gic);
}

static void test_lr_priority(void **state)
{
	struct gic *gic = setup(1, 2);
	struct rmi_rec_enter enter;
	struct rmi_rec_exit exit;

	(void)state;
	wr(GICD_BASE, 4, 0x2);
	enable_spi(40, 0xc0, 0);
	enable_spi(41, 0x80, 0);
	enable_spi(42, 0xa0, 0);
	wr(GICD_BASE + 0xc08, 4, 0xffffffff);	/* INTIDs 32-47 edge */
	gic__raise_edge(gic, 40);
	gic__raise_edge(gic, 41);
	gic__raise_edge(gic, 42);
	gic__set_maintenance(gic, true);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), 41);
	assert_int_equal(lr_intid(enter.gicv3_lrs[1]), 42);
	assert_int_equal(enter.gicv3_lrs[2], 0);
	assert_true(enter.gicv3_hcr & ICH_HCR_NPIE);

	/* A better one arrives: it displaces the worst pending LR (42). */
	enable_spi(43, 0x10, 0);
	gic__raise_edge(gic, 43);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), 41);
	assert_int_equal(lr_intid(enter.gicv3_lrs[1]), 43);
	assert_true(gic__irq_pending(gic, 0, 42));

	/* The guest takes 43 (active) and EOIs 41 (LR invalid). */
	memset(&exit, 0, sizeof(exit));
	exit.gicv3_lrs[0] = 0;
	exit.gicv3_lrs[1] = (enter.gicv3_lrs[1] & ~ICH_LR_STATE_MASK) | ICH_LR_STATE_ACTIVE;
	exit.gicv3_vmcr = ICH_VMCR_ENG1 | (0xffULL << ICH_VMCR_PMR_SHIFT);
	gic__sync_from_exit(gic, 0, &exit);
	assert_true(gic__irq_active(gic, 0, 43));
	assert_false(gic__irq_active(gic, 0, 41));
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), 42);
	assert_int_equal(enter.gicv3_lrs[1] & ICH_LR_STATE_MASK, ICH_LR_STATE_ACTIVE);
	assert_int_equal(lr_intid(enter.gicv3_lrs[1]), 43);
	/* 43 fires again while active: pending and active in the same LR. */
	gic__raise_edge(gic, 43);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(enter.gicv3_lrs[1] & ICH_LR_STATE_MASK,
			 ICH_LR_STATE_PENDING | ICH_LR_STATE_ACTIVE);
	/* 40 is left over. */
	assert_true(gic__irq_pending(gic, 0, 40));
	teardown(gic);
}

static void test_level_eoi_repend(void **state)
{
	struct gic *gic = setup(1, 4);
	struct rmi_rec_enter enter;
	struct rmi_rec_exit exit;
	unsigned int intid = GIC_SPI_INTID(VMM_IRQ_UART_SPI);

	(void)state;
	wr(GICD_BASE, 4, 0x2);
	enable_spi(intid, 0xa0, 0);
	gic__set_spi(gic, intid, true);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), intid);

	/* Acked; the line stays high; EOI: pending again. */
	memset(&exit, 0, sizeof(exit));
	exit.gicv3_vmcr = ICH_VMCR_ENG1 | (0xf0ULL << ICH_VMCR_PMR_SHIFT);
	exit.gicv3_lrs[0] = (enter.gicv3_lrs[0] & ~ICH_LR_STATE_MASK) | ICH_LR_STATE_ACTIVE;
	gic__sync_from_exit(gic, 0, &exit);
	assert_true(gic__irq_active(gic, 0, intid));
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(enter.gicv3_lrs[0] & ICH_LR_STATE_MASK, ICH_LR_STATE_ACTIVE);
	assert_int_equal(enter.gicv3_lrs[1], 0);
	exit.gicv3_lrs[0] = 0;
	gic__sync_from_exit(gic, 0, &exit);
	assert_false(gic__irq_active(gic, 0, intid));
	assert_true(gic__cpu_has_pending(gic, 0));
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(lr_intid(enter.gicv3_lrs[0]), intid);
	assert_int_equal(enter.gicv3_lrs[0] & ICH_LR_STATE_MASK, ICH_LR_STATE_PENDING);

	/* The line drops before the guest took it: the LR is withdrawn. */
	gic__set_spi(gic, intid, false);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(enter.gicv3_lrs[0], 0);
	assert_false(gic__cpu_has_pending(gic, 0));

	/* Taken, then EOIed with the line low: gone for good. */
	gic__set_spi(gic, intid, true);
	gic__fill_lrs(gic, 0, &enter);
	exit.gicv3_lrs[0] = (enter.gicv3_lrs[0] & ~ICH_LR_STATE_MASK) | ICH_LR_STATE_ACTIVE;
	gic__sync_from_exit(gic, 0, &exit);
	gic__set_spi(gic, intid, false);
	exit.gicv3_lrs[0] = 0;
	gic__sync_from_exit(gic, 0, &exit);
	gic__fill_lrs(gic, 0, &enter);
	assert_int_equal(enter.gicv3_lrs[0], 0);
	assert_false(gic__irq_pending(gic, 0, intid));
	teardown(gic);
}

static void test_vmcr_masks_wakeup(void **state)
{
	struct gic *gic = setup(1, 4);
	struct rmi_rec_exit exit;

	(void)state;
	wr(GICD_BASE, 4, 0x2);
	enable_spi(50, 0xa0, 0);
	gic__set_spi(gic, 50, true);
	memset(&exit, 0, sizeof(exit));
	/* PMR 0x80 masks priority 0xa0; group 1 disabled masks everything. */
	exit.gicv3_vmcr = ICH_VMCR_ENG1 | (0x80ULL << ICH_VMCR_PMR_SHIFT);
	gic__sync_from_exit(gic, 0, &exit);
	assert_false(gic__cpu_has_pending(gic, 0));
	exit.gicv3_vmcr = 0xf0ULL << ICH_VMCR_PMR_SHIFT;
	gic__sync_from_exit(gic, 0, &exit);
	assert_false(gic__cpu_has_pending(gic, 0));
	exit.gicv3_vmcr = ICH_VMCR_ENG1 | (0xf0ULL << ICH_VMCR_PMR_SHIFT);
	gic__sync_from_exit(gic, 0, &exit);
	assert_true(gic__cpu_has_pending(gic, 0));
	assert_true(gic__wait(gic, 0, 0));
	teardown(gic);
}

static void sgi_setup(unsigned int cpus)
{
	unsigned int cpu;

	for (cpu = 0; cpu < cpus; cpu++) {
		uint64_t base = GICR_BASE(cpus) + cpu * GICR_FRAME_SIZE;

		wr(base + SGI(0x80), 4, ~0U);
		wr(base + SGI(0x100), 4, 0xffff);
	}
}

static uint64_t sgi_pending_mask(struct gic *gic, unsigned int cpus, unsigned int intid)
{
	uint64_t mask = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < cpus; cpu++) {
		if (gic__irq_pending(gic, cpu, intid))
			mask |= 1ULL << cpu;
		/* Clear it for the next case. */
		wr(GICR_BASE(cpus) + cpu * GICR_FRAME_SIZE + SGI(0x280), 4, 1U << intid);
	}
	return mask;
}

static void test_sgi_targets(void **state)
{
	struct gic *gic = setup(20, 4);

	(void)state;
	sgi_setup(20);
	/* Target list, Aff1 = 0: CPUs 1 and 3. */
	gic__sgi(gic, 0, (3ULL << 24) | 0xa);
	assert_int_equal(sgi_pending_mask(gic, 20, 3), 0xa);
	/* Aff1 = 1: CPUs 16 + 0 and 16 + 2. */
	gic__sgi(gic, 0, (5ULL << 24) | (1ULL << 16) | 0x5);
	assert_int_equal(sgi_pending_mask(gic, 20, 5), (1ULL << 16) | (1ULL << 18));
	/* All but self. */
	gic__sgi(gic, 7, (1ULL << 40) | (2ULL << 24));
	assert_int_equal(sgi_pending_mask(gic, 20, 2), ((1ULL << 20) - 1) & ~(1ULL << 7));
	/* Aff2 / RS name nobody. */
	gic__sgi(gic, 0, (1ULL << 32) | 0xffff);
	gic__sgi(gic, 0, (1ULL << 44) | 0xffff);
	assert_int_equal(sgi_pending_mask(gic, 20, 0), 0);
	/* Through the trapped-sysreg path: MSR ICC_SGI1R_EL1, x3 (ISS Rt = 3). */
	{
		uint64_t esr = (0x18ULL << 26) | (1ULL << 25) | (3ULL << 20) | (5ULL << 17) |
			       (12ULL << 10) | (3ULL << 5) | (11ULL << 1);

		assert_int_equal(gic__handle_sysreg(gic, 2, esr, (1ULL << 24) | 0x1), 0);
		assert_int_equal(sgi_pending_mask(gic, 20, 1), 1);
		/* A read (Dir = 1) or another register is not ours. */
		assert_int_equal(gic__handle_sysreg(gic, 2, esr | 1, 0), -ENOENT);
		assert_int_equal(gic__handle_sysreg(gic, 2, esr & ~(7ULL << 17), 0), -ENOENT);
	}
	teardown(gic);
}

static int kicks;

static void count_kick(void *arg)
{
	(void)arg;
	kicks++;
}

static void test_kick(void **state)
{
	struct gic *gic = setup(2, 4);
	struct rmi_rec_enter enter;

	(void)state;
	kicks = 0;
	gic__set_kick(gic, 1, count_kick, NULL);
	sgi_setup(2);
	gic__sgi(gic, 0, (1ULL << 24) | 0x2);
	assert_int_equal(kicks, 1);
	/* No second kick before CPU 1 has refilled its LRs. */
	gic__sgi(gic, 0, (2ULL << 24) | 0x2);
	assert_int_equal(kicks, 1);
	gic__fill_lrs(gic, 1, &enter);
	/* Not enabled: no kick; enabling it later kicks. */
	wr(GICD_BASE, 4, 0x2);
	wr(GICD_BASE + 0x84, 4, 1U << 1);
	wr(GICD_BASE + 0x6000 + 8 * 33, 8, vmm_cpu__mpidr(1));
	gic__set_spi(gic, 33, true);
	assert_int_equal(kicks, 1);
	wr(GICD_BASE + 0x104, 4, 1U << 1);
	assert_int_equal(kicks, 2);
	gic__kick_cpu(gic, 1);
	assert_int_equal(kicks, 3);
	/* A kick wakes a waiter even with nothing pending for it. */
	gic__kick_cpu(gic, 0);
	assert_false(gic__wait(gic, 0, UINT64_MAX));
	assert_false(gic__wait(gic, 0, 1000000));
	teardown(gic);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mmio_bus),
		cmocka_unit_test(test_guest_mem),
		cmocka_unit_test(test_gicd_id_regs),
		cmocka_unit_test(test_gicr_typer_last),
		cmocka_unit_test(test_spi_route_and_pend),
		cmocka_unit_test(test_lr_priority),
		cmocka_unit_test(test_level_eoi_repend),
		cmocka_unit_test(test_vmcr_masks_wakeup),
		cmocka_unit_test(test_sgi_targets),
		cmocka_unit_test(test_kick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
