/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Unexpected exceptions at R-EL2.  The report names the vector and gives
 * ESR, ELR and FAR; then, if this CPU is still booting, EL3 is told the
 * boot failed (it will never enter the RMM again), otherwise the CPU halts
 * with everything masked.  Never returns: state an unexpected exception
 * interrupted cannot be trusted.
 */
#include <stdint.h>
#include <abi/rmm-el3.h>
#include <plat-aarch64.h>
#include <runtime/arch.h>
#include <runtime/boot.h>
#include <plat-aarch64.h>

struct rmm_frame {
	uint64_t x[31];
	uint64_t sp;
	uint64_t elr;
	uint64_t spsr;
};
_Static_assert(sizeof(struct rmm_frame) == 272, "vectors.S RT_FRAME_SIZE");

_Noreturn void rmm_exception(const struct rmm_frame *f, uint64_t vector);

static const char *const vector_group[] = {
	"current EL, SP_EL0", "current EL, SP_EL2", "lower EL, AArch64", "lower EL, AArch32",
};
static const char *const vector_kind[] = { "sync", "IRQ", "FIQ", "SError" };

void rmm_exception(const struct rmm_frame *f, uint64_t vector)
{
	uint64_t esr = read_sysreg(esr_el2);
	unsigned int i;

	rmm_printf("\nrmm: CRASH on cpu %u: %s exception from %s%s\n", rmm_cpu_index(),
		   vector_kind[vector & 3], vector_group[(vector >> 2) & 3],
		   rmm_cpu_booting() ? " during boot" : "");
	rmm_printf("rmm:   ESR_EL2 0x%lx (EC 0x%x)  ELR_EL2 0x%lx  FAR_EL2 0x%lx  SPSR_EL2 0x%lx\n",
		   esr, (unsigned int)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK), f->elr,
		   read_sysreg(far_el2), f->spsr);
	for (i = 0; i < 30; i += 2)
		rmm_printf("rmm:   x%u 0x%016lx  x%u 0x%016lx\n", i, f->x[i], i + 1, f->x[i + 1]);
	rmm_printf("rmm:   x30 0x%016lx  sp 0x%016lx\n", f->x[30], f->sp);

	if (rmm_cpu_booting())
		plat_smc1(RMM_BOOT_COMPLETE, (uint64_t)RMM_BOOT_ERR_UNKNOWN);
	rmm_puts("rmm: cpu halted\n");
	plat_halt();
}
