// SPDX-License-Identifier: GPL-2.0-only
/*
 * SVE in the test realm: the RMM gives a realm created with SVE the vector
 * length it asked for, and keeps its Z, P and FFR registers apart from the
 * host's.  The realm fills every lane, makes a host call in which the host
 * fills its own SVE registers, and compares.
 */
#include <sve-regs.h>
#include "realm.h"

#define CPACR_ZEN	(3UL << 16)
#define CPACR_FPEN	(3UL << 20)
#define ZCR_EL1_S	S3_0_C1_C2_0

static uint8_t before[SVE_DUMP_MAX], after[SVE_DUMP_MAX];

void test_sve(uint64_t vq)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), vl, size, bad = 0;

	if (!vq) {
		rok(((pfr0 >> 32) & 0xF) == 0,
		    "a realm without SVE sees none in ID_AA64PFR0_EL1 (0x%lx)", pfr0);
		return;
	}
	rok(((pfr0 >> 32) & 0xF) != 0, "the realm sees SVE in ID_AA64PFR0_EL1 (0x%lx)", pfr0);
	__asm__ volatile("msr cpacr_el1, %0\n\tisb" : : "r"(read_sysreg(cpacr_el1) | CPACR_ZEN |
							   CPACR_FPEN));
	__asm__ volatile("msr " __stringify(ZCR_EL1_S) ", %0\n\tisb" : : "r"(0xFUL));
	vl = sve_vl();
	rok(vl == vq * 16, "its SVE vector length is %lu bytes, as RmiRealmParams.sve_vl asked",
	    vl);
	size = sve_dump_size(vl);
	if (size > SVE_DUMP_MAX)
		return;
	sve_fill(0xAB000000);
	sve_dump(before);
	host_call(TR_HC_SVE_CLOBBER, NULL, 0, NULL);
	sve_dump(after);
	for (uint64_t i = 0; i < size; i++)
		bad += before[i] != after[i];
	rok(!bad,
	    "the realm's SVE state (Z0-Z31, P0-P15, FFR) survives a REC exit in which the host fills its own: %lu bytes changed",
	    bad);
}
