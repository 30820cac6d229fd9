// SPDX-License-Identifier: GPL-2.0-only
/*
 * Save and restore of the per-world EL2 registers listed in el2-ctx.h,
 * each gated by the ID register field that says it exists (accessing an
 * absent register is UNDEFINED).  Same rule as el3-setup.c for SCR_EL3.
 */
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <arch.h>
#include <el2-ctx.h>

enum el2_feature {
	F_BASE,
	F_VHE,
	F_AARCH32_EL1,
	F_SPE,
	F_FGT,
	F_FGT_AMU,
	F_FGT2,
	F_ECV,
	F_RAS,
	F_TCR2,
	F_S1PIE,
	F_S1POE,
	F_GCS,
	F_HCX,
	F_SCTLR2,
	F_MTE2,
	F_NV2,
	F_MPAM,
	F_PAUTH,
};

/* Written once by el2_ctx_probe() on the boot CPU, read-only afterwards. */
static uint32_t el2_features;

static bool have(enum el2_feature f)
{
	return el2_features & (1U << f);
}

void el2_ctx_probe(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
	uint64_t pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(ID_AA64ISAR2_EL1_S);
	uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	uint64_t mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	uint64_t mmfr2 = read_sysreg(id_aa64mmfr2_el1);
	uint64_t mmfr3 = read_sysreg(ID_AA64MMFR3_EL1_S);
	uint32_t f = 1U << F_BASE;

#define SET_IF(cond, feat) do { if (cond) f |= 1U << (feat); } while (0)
	SET_IF(id_field(mmfr1, 8, 4) >= 1, F_VHE);
	SET_IF(id_field(pfr0, 4, 4) == 2, F_AARCH32_EL1);
	SET_IF(id_field(dfr0, 32, 4) >= 1, F_SPE);
	SET_IF(id_field(mmfr0, 56, 4) >= 1, F_FGT);
	SET_IF(id_field(mmfr0, 56, 4) >= 1 && id_field(pfr0, 44, 4) >= 1, F_FGT_AMU);
	SET_IF(id_field(mmfr0, 56, 4) >= 2, F_FGT2);
	SET_IF(id_field(mmfr0, 60, 4) >= 2, F_ECV);
	SET_IF(id_field(pfr0, 28, 4) >= 1, F_RAS);
	SET_IF(id_field(mmfr3, 0, 4) >= 1, F_TCR2);
	SET_IF(id_field(mmfr3, 8, 4) >= 1, F_S1PIE);
	SET_IF(id_field(mmfr3, 16, 4) >= 1, F_S1POE);
	SET_IF(id_field(pfr1, 44, 4) >= 1, F_GCS);
	SET_IF(id_field(mmfr1, 40, 4) >= 1, F_HCX);
	SET_IF(id_field(mmfr3, 4, 4) >= 1, F_SCTLR2);
	SET_IF(id_field(pfr1, 8, 4) >= 2, F_MTE2);
	SET_IF(id_field(mmfr2, 24, 4) >= 2, F_NV2);
	SET_IF(id_field(pfr0, 40, 4) >= 1 || id_field(pfr1, 16, 4) >= 1, F_MPAM);
	SET_IF(id_field(isar1, 4, 4) || id_field(isar1, 8, 4) || id_field(isar1, 24, 4) ||
	       id_field(isar1, 28, 4) || id_field(isar2, 8, 4) || id_field(isar2, 12, 4), F_PAUTH);
#undef SET_IF
	el2_features = f;
}

void el2_ctx_save(struct el2_ctx *c)
{
#define EL2_SAVE(field, reg, feat)	if (have(feat)) c->field = read_sysreg(reg);
	EL2_CTX_REGS(EL2_SAVE)
#undef EL2_SAVE
}

void el2_ctx_restore(const struct el2_ctx *c)
{
#define EL2_RESTORE(field, reg, feat)	if (have(feat)) write_sysreg(reg, c->field);
	EL2_CTX_REGS(EL2_RESTORE)
#undef EL2_RESTORE
	isb();
}

void el2_ctx_init(struct el2_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->sctlr = SCTLR_EL2_RES1;
}
