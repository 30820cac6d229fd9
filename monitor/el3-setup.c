// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU EL3 controls.  Every enable bit is keyed off the ID register
 * field that advertises its feature: -cpu max grows features with each QEMU
 * release, and a missing enable shows up as a trap in Linux rather than as
 * a firmware error (EnFPM on QEMU 11.1 is the measured example).  Real
 * hardware does not forgive setting the bits of absent features either.
 */
#include <stdint.h>
#include <stdbool.h>
#include <arch.h>
#include <el3-setup.h>

struct id_regs {
	uint64_t pfr0, pfr1, pfr2;
	uint64_t isar1, isar2;
	uint64_t mmfr0, mmfr1, mmfr3;
	uint64_t dfr0, smfr0;
};

static void read_id_regs(struct id_regs *id)
{
	id->pfr0 = read_sysreg(id_aa64pfr0_el1);
	id->pfr1 = read_sysreg(id_aa64pfr1_el1);
	id->pfr2 = read_sysreg(ID_AA64PFR2_EL1_S);
	id->isar1 = read_sysreg(id_aa64isar1_el1);
	id->isar2 = read_sysreg(ID_AA64ISAR2_EL1_S);
	id->mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	id->mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	id->mmfr3 = read_sysreg(ID_AA64MMFR3_EL1_S);
	id->dfr0 = read_sysreg(id_aa64dfr0_el1);
	id->smfr0 = read_sysreg(ID_AA64SMFR0_EL1_S);
}

static bool has_sve(const struct id_regs *id)
{
	return id_field(id->pfr0, 32, 4) != 0;
}

static bool has_sme(const struct id_regs *id)
{
	return id_field(id->pfr1, 24, 4) != 0;
}

static bool has_pauth(const struct id_regs *id)
{
	return id_field(id->isar1, 4, 4) || id_field(id->isar1, 8, 4) ||
	       id_field(id->isar1, 24, 4) || id_field(id->isar1, 28, 4) ||
	       id_field(id->isar2, 8, 4) || id_field(id->isar2, 12, 4);
}

static bool has_csv2_2(const struct id_regs *id)
{
	unsigned int csv2 = id_field(id->pfr0, 56, 4);

	return csv2 >= 2 || (csv2 == 1 && id_field(id->pfr1, 32, 4) >= 2);
}

/* SCR_EL3 for the Non-secure world (NS = 1, NSE = 0). */
static uint64_t scr_el3_for_ns(const struct id_regs *id)
{
	uint64_t scr = SCR_RES1 | SCR_NS | SCR_HCE | SCR_RW;

	if (has_pauth(id))
		scr |= SCR_APK | SCR_API;
	if (has_csv2_2(id))
		scr |= SCR_ENSCXT;
	if (id_field(id->pfr1, 8, 4) >= 2)
		scr |= SCR_ATA;
	if (id_field(id->mmfr0, 56, 4) >= 1)
		scr |= SCR_FGTEN;
	if (id_field(id->mmfr0, 56, 4) >= 2)
		scr |= SCR_FGTEN2;
	if (id_field(id->mmfr0, 60, 4) >= 2)
		scr |= SCR_ECVEN;
	if (id_field(id->isar1, 60, 4) >= 3)
		scr |= SCR_ENAS0 | SCR_ADEN;
	if (id_field(id->mmfr1, 40, 4) >= 1)
		scr |= SCR_HXEN;
	if (id_field(id->pfr1, 44, 4) >= 1)
		scr |= SCR_GCSEN;
	if (has_sme(id))
		scr |= SCR_ENTP2;
	if (id_field(id->pfr1, 48, 4) >= 1)
		scr |= SCR_RCWMASKEN;
	if (id_field(id->mmfr3, 0, 4) >= 1)
		scr |= SCR_TCR2EN;
	if (id_field(id->mmfr3, 4, 4) >= 1)
		scr |= SCR_SCTLR2EN;
	if (id_field(id->mmfr3, 8, 4) || id_field(id->mmfr3, 12, 4) ||
	    id_field(id->mmfr3, 16, 4) || id_field(id->mmfr3, 20, 4))
		scr |= SCR_PIEN;
	if (id_field(id->mmfr3, 24, 4) >= 1)
		scr |= SCR_AIEN;
	if (id_field(id->mmfr3, 32, 4) >= 1)
		scr |= SCR_D128EN;
	if (id_field(id->mmfr3, 28, 4) >= 1)
		scr |= SCR_MECEN;
	if (id_field(id->pfr2, 32, 4) >= 1)
		scr |= SCR_ENFPM;
	if (id_field(id->isar2, 32, 4) >= 1)
		scr |= SCR_ENIDCP128;
	return scr;
}

/*
 * Leave FP/SIMD, SVE and SME untrapped for the lower ELs, with the largest
 * vector lengths allowed, the same on every CPU (booting.rst).
 */
static void setup_fp_sve_sme(const struct id_regs *id)
{
	uint64_t cptr = 0;

	if (has_sve(id))
		cptr |= CPTR_EZ;
	if (has_sme(id))
		cptr |= CPTR_ESM;
	write_sysreg(cptr_el3, cptr);
	isb();

	if (has_sve(id))
		write_sysreg(ZCR_EL3_S, 0xF);
	if (has_sme(id)) {
		uint64_t smcr = SMCR_LEN_MAX;

		if (id_field(id->smfr0, 56, 4) >= 1)
			smcr |= SMCR_EZT0;
		if (id->smfr0 & BIT(63))
			smcr |= SMCR_FA64;
		write_sysreg(SMCR_EL3_S, smcr);
	}
	isb();
}

/* Debug, PMU, SPE, TRBE and BRBE owned by and untrapped for the NS world. */
static void setup_debug(const struct id_regs *id)
{
	unsigned int pmuver = id_field(id->dfr0, 8, 4);
	uint64_t mdcr = 0;

	if (pmuver >= 9 && pmuver != 0xF)
		mdcr |= MDCR_ENPM2;
	if (id_field(id->dfr0, 32, 4) >= 1)
		mdcr |= MDCR_NSPB_NS;
	if (id_field(id->dfr0, 44, 4) >= 1)
		mdcr |= MDCR_NSTB_NS;
	if (id_field(id->dfr0, 52, 4) >= 1)
		mdcr |= MDCR_SBRBE_ALL;
	write_sysreg(mdcr_el3, mdcr);
}

uint64_t el3_setup_this_cpu(void)
{
	struct id_regs id;

	read_id_regs(&id);
	setup_fp_sve_sme(&id);
	setup_debug(&id);
	write_sysreg(scr_el3, scr_el3_for_ns(&id));
	isb();

	/*
	 * EL2 registers are UNKNOWN at reset: give Linux an EL2 with its MMU
	 * off and a zero virtual counter offset, identical on every CPU.
	 */
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1);
	write_sysreg(cntvoff_el2, 0);
	isb();
	return read_sysreg(scr_el3);
}
