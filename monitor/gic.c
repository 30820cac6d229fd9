// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 set-up that only the Secure side can do.  There is no Secure
 * world, so every interrupt is handed to Non-secure Group 1; Linux enables
 * the groups and the interrupts it wants itself.  The monitor's own
 * accesses are Root PAS, which the GIC sees as Secure.
 */
#include <stdint.h>
#include <arch.h>
#include <gic.h>
#include <panic.h>
#include <plat/devices.h>

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR(n)		(0x0080 + 4 * (n))
#define GICD_CTLR_ARE_S		(1U << 4)
#define GICD_CTLR_ARE_NS	(1U << 5)
#define GICD_CTLR_RWP		(1U << 31)

#define GICR_FRAME_SIZE		0x20000
#define GICR_FRAME_SIZE_VLPI	0x40000
#define GICR_WAKER		0x0014
#define GICR_TYPER		0x0008
#define GICR_TYPER_VLPIS	(1ULL << 1)
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER_PSLEEP	(1U << 1)
#define GICR_WAKER_CASLEEP	(1U << 2)
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)

#define ICC_SRE_SRE		(1ULL << 0)
#define ICC_SRE_DFB		(1ULL << 1)
#define ICC_SRE_DIB		(1ULL << 2)
#define ICC_SRE_ENABLE		(1ULL << 3)

static void gicd_wait_rwp(void)
{
	while (mmio_read32(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

void gic_init_distributor(void)
{
	unsigned int it_lines = mmio_read32(GICD_BASE + GICD_TYPER) & 0x1F;
	unsigned int n;

	mmio_write32(GICD_BASE + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS);
	gicd_wait_rwp();
	/* IGROUPR0 is banked per CPU in the redistributors; SPIs start at 1. */
	for (n = 1; n <= it_lines; n++)
		mmio_write32(GICD_BASE + GICD_IGROUPR(n), 0xFFFFFFFF);
}

/* The redistributor frame whose GICR_TYPER affinity matches this CPU. */
static uintptr_t this_cpu_redistributor(void)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	uint64_t aff = ((mpidr >> 8) & 0xFF000000) | (mpidr & 0xFFFFFF);
	uintptr_t frame = GICR_BASE;

	while (frame < GICR_BASE + GICR_REGION_SIZE) {
		uint64_t typer = mmio_read64(frame + GICR_TYPER);

		if ((typer >> 32) == aff)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
		frame += (typer & GICR_TYPER_VLPIS) ? GICR_FRAME_SIZE_VLPI : GICR_FRAME_SIZE;
	}
	panic("no GIC redistributor for MPIDR 0x%lx", mpidr);
}

void gic_init_this_cpu(void)
{
	uintptr_t rd = this_cpu_redistributor();

	write_sysreg(ICC_SRE_EL3_S, ICC_SRE_SRE | ICC_SRE_DFB | ICC_SRE_DIB | ICC_SRE_ENABLE);
	isb();

	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_PSLEEP);
	while (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CASLEEP)
		;
	mmio_write32(rd + GICR_IGROUPR0, 0xFFFFFFFF);
}
