/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Stage 2 of a realm (cca-interfaces.md §6.4): VTCR_EL2 from the IPA
 * width and starting level, VTTBR_EL2 from the root RTT and VMID, the
 * realm's MIDR/MPIDR views, and the stage-2 TLB maintenance the core asks
 * for (plat_s2_tlbi_*()) when it changes an entry a realm may have cached.
 * The RMM's own regime (E2H = 1, TGE = 0) makes the EL1&0 TLBIs apply to
 * the VMID in VTTBR_EL2, which is borrowed for the duration.
 */
#include <runtime/arch.h>
#include <rmm/plat.h>
#include <runtime/realm.h>

#define VTCR_T0SZ(ipa)		((uint64_t)(64 - (ipa)))
#define VTCR_SL0_SHIFT		6
#define VTCR_IRGN0_WBWA		(1ULL << 8)
#define VTCR_ORGN0_WBWA		(1ULL << 10)
#define VTCR_SH0_IS		(3ULL << 12)
#define VTCR_TG0_4K		(0ULL << 14)
#define VTCR_PS_SHIFT		16
#define VTCR_VS_16		(1ULL << 19)
#define VTCR_NSA		(1ULL << 30)
#define VTCR_RES1		(1ULL << 31)
#define VTTBR_VMID_SHIFT	48

void stage2_load(const struct rec_run_cfg *cfg, uint64_t vmpidr)
{
	uint64_t vtcr = VTCR_T0SZ(cfg->ipa_bits) |
			((uint64_t)(2 - cfg->level_start) << VTCR_SL0_SHIFT) |
			VTCR_IRGN0_WBWA | VTCR_ORGN0_WBWA | VTCR_SH0_IS | VTCR_TG0_4K |
			((uint64_t)realm_caps.vtcr_ps << VTCR_PS_SHIFT) |
			VTCR_NSA | VTCR_RES1;

	uint64_t midr = read_sysreg(midr_el1);

	if (realm_caps.vmid16)
		vtcr |= VTCR_VS_16;
	write_sysreg(vtcr_el2, vtcr);
	write_sysreg(vttbr_el2, cfg->rtt_base | ((uint64_t)cfg->vmid << VTTBR_VMID_SHIFT));
	plat_mec_set(cfg->mecid);
	write_sysreg(vpidr_el2, midr);
	write_sysreg(vmpidr_el2, vmpidr);
	isb();
}

static uint64_t vmid_borrow(unsigned int vmid)
{
	uint64_t old = read_sysreg(vttbr_el2);

	write_sysreg(vttbr_el2, (uint64_t)vmid << VTTBR_VMID_SHIFT);
	isb();
	return old;
}

static void vmid_return(uint64_t old)
{
	write_sysreg(vttbr_el2, old);
	isb();
}

void plat_s2_tlbi_ipa(unsigned int vmid, uint64_t ipa, int level)
{
	uint64_t old = vmid_borrow(vmid);

	(void)level;
	__asm__ volatile("dsb ishst\n"
			 "tlbi ipas2e1is, %0\n"
			 "dsb ish\n"
			 "tlbi vmalle1is\n"
			 "dsb ish\n"
			 "isb" :: "r"(ipa >> 12) : "memory");
	vmid_return(old);
}

void plat_s2_tlbi_vmid(unsigned int vmid)
{
	uint64_t old = vmid_borrow(vmid);

	__asm__ volatile("dsb ishst\n"
			 "tlbi vmalls12e1is\n"
			 "dsb ish\n"
			 "isb" ::: "memory");
	vmid_return(old);
}
