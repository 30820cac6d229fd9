/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * plat_rec_run() (<rmm/rec-run.h>): one realm run on this CPU.
 *
 *   1. FP/SIMD access for R-EL2 (CPTR_EL2.FPEN), save the Non-secure
 *      world's EL1 registers, EL1 timers, FP/SIMD and list registers: EL3
 *      does not (cca-interfaces.md §10.5).
 *   2. Load the REC: EL1 context, FP/SIMD, virtual CPU interface, stage 2
 *      (VTTBR, VTCR, VPIDR, VMPIDR), CNTHCTL/CNTVOFF, MDCR, HCR_EL2.
 *   3. ERET to the REC until it takes an exception (realm-entry.S).
 *   4. Save the REC, restore the Non-secure state, HCR_EL2 back to the
 *      RMM's own value.
 *
 * The EL2 registers written in step 2 belong to the Realm world's EL2
 * context, which EL3 switches: the host never sees them.  The RMM itself
 * does not depend on them while no realm runs, except HCR_EL2, which it
 * restores.  SME stays trapped while a realm runs, and so does SVE unless
 * the realm was created with it: those get an UNDEF (core/rec-exit.c).  A
 * realm with SVE runs with ZCR_EL2 at its vector length (ZCR_EL2 is not
 * switched by EL3, so the host's value is put back after) and its Z, P and
 * FFR registers live in REC auxiliary granules.  The host's SVE state
 * survives in full: Z0..Z31, P0..P15 and FFR are saved at the host's vector
 * length before the realm runs, and restored after the FP/SIMD registers
 * (whose writes clear Z bits above 128).  Streaming mode (SME) is not
 * expected across an SMC and not preserved.
 */
#include <string.h>
#include <plat-aarch64.h>
#include <runtime/arch.h>
#include <runtime/boot.h>
#include <rmm/realm.h>
#include <runtime/realm.h>

#define HCR_REALM	(HCR_VM | HCR_SWIO | HCR_PTW | HCR_FMO | HCR_IMO | HCR_AMO | \
			 HCR_BSU_IS | HCR_TID3 | HCR_TSC | HCR_RW | HCR_E2H)

#define ICH_VTR_LISTREGS(v)	((unsigned int)((v) & 0x1F))
#define ICH_VTR_PREBITS(v)	((unsigned int)(((v) >> 26) & 0x7))

struct realm_cpu_caps realm_caps;

/* What the Non-secure world had at EL1 when it called RMI_REC_ENTER. */
struct ns_el1_state {
	struct rec_sysregs sysregs;
	uint64_t sctlr_el1;
	struct rec_gic gic;
	struct rec_fpregs fp;
};
static struct ns_el1_state ns_state[RMM_MAX_CPUS];
static uint8_t ns_sve_state[RMM_MAX_CPUS][NS_SVE_STATE_SIZE] __attribute__((aligned(16)));

#define CPTR_EL2_REALM	(CPTR_EL2_FPEN | CPTR_EL2_TTA | CPTR_EL2_TAM)

/*
 * CPTR_EL2 whenever the RMM itself runs: FP/SIMD and SVE untrapped.  The
 * RMM's C code never uses them (-mgeneral-regs-only); what matters is that
 * SVE is not disabled at R-EL2, because a change of exception level to an
 * EL where SVE is disabled gives ZCR.LEN an effective value of 0 and the
 * Z registers lose their bits above 128 (DDI0487, and QEMU clears them).
 * EL3 switches CPTR_EL2 per world, so this survives every RMI call, and
 * ZCR_EL2, which EL3 does not switch, is the host's: the RMM sees the
 * host's vector length.
 */
static uint64_t cptr_el2_rmm(void)
{
	return CPTR_EL2_FPEN | (realm_caps.ns_sve ? CPTR_EL2_ZEN : 0);
}

void rmm_cpu_fp_init(void)
{
	write_sysreg(cptr_el2, cptr_el2_rmm());
	isb();
}

void realm_caps_init(void)
{
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(S3_0_C0_C6_2);
	uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	uint64_t mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	uint64_t mmfr2 = read_sysreg(id_aa64mmfr2_el1);
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	uint64_t vtr = read_sysreg(ICH_VTR_EL2_S);
	unsigned int parange = id_field(mmfr0, 0, 4), prebits = ICH_VTR_PREBITS(vtr) + 1;
	unsigned int pmuver = id_field(dfr0, 8, 4);

	realm_caps.pauth = id_field(isar1, 4, 4) || id_field(isar1, 8, 4) ||
			   id_field(isar1, 24, 4) || id_field(isar1, 28, 4) ||
			   id_field(isar2, 8, 4) || id_field(isar2, 12, 4);
	realm_caps.fwb = id_field(mmfr2, 40, 4) != 0;
	realm_caps.ras = id_field(pfr0, 28, 4) != 0;
	realm_caps.pmu = pmuver != 0 && pmuver != 0xF;
	realm_caps.num_lrs = ICH_VTR_LISTREGS(vtr) + 1;
	realm_caps.num_aprs = prebits >= 7 ? 4 : prebits == 6 ? 2 : 1;
	realm_caps.vtcr_ps = parange > 5 ? 5 : parange;	/* at most 48 bits */
	realm_caps.vmid16 = id_field(mmfr1, 4, 4) == 2;
	realm_caps.pmu_hpmn = realm_caps.pmu ?
			      (unsigned int)((read_sysreg(pmcr_el0) >> 11) & 0x1F) : 0;
	realm_caps.ns_sve = id_field(pfr0, 32, 4) != 0;
	rmm_printf("rmm: realms: %u LRs, %u APRs, FWB %u, PAuth %u, RAS %u, PMU %u\n",
		   realm_caps.num_lrs, realm_caps.num_aprs, realm_caps.fwb,
		   realm_caps.pauth, realm_caps.ras, realm_caps.pmu);
}

static uint64_t realm_hcr(const struct rec *rec)
{
	uint64_t hcr = HCR_REALM;

	if (realm_caps.fwb)
		hcr |= HCR_FWB;
	if (realm_caps.ras)
		hcr |= HCR_TEA;
	if (realm_caps.pauth)
		hcr |= HCR_API | HCR_APK;
	if (rec->trap_wfi)
		hcr |= HCR_TWI;
	if (rec->trap_wfe)
		hcr |= HCR_TWE;
	return hcr;
}

/* The host's SVE registers, at its vector length, in one per-CPU buffer. */
static void ns_sve_save(uint64_t cpu)
{
	uint8_t *a = ns_sve_state[cpu];
	uint64_t vl = sve_vl_bytes();

	sve_regs_save(a, a + 16 * vl, a + 32 * vl);
}

static void ns_sve_restore(uint64_t cpu)
{
	const uint8_t *a = ns_sve_state[cpu];
	uint64_t vl = sve_vl_bytes();

	sve_regs_restore(a, a + 16 * vl, a + 32 * vl);
}

/* A realm's SVE registers, at its vector length, in its REC's aux granules. */
static void realm_sve_switch(const struct rec *rec, bool save)
{
	void *z_lo = plat_granule_map(rec->aux[REC_AUX_SVE_Z_LO]);
	void *z_hi = plat_granule_map(rec->aux[REC_AUX_SVE_Z_HI]);
	void *p = plat_granule_map(rec->aux[REC_AUX_SVE_P]);

	if (save)
		sve_regs_save(z_lo, z_hi, p);
	else
		sve_regs_restore(z_lo, z_hi, p);
	plat_granule_unmap(p);
	plat_granule_unmap(z_hi);
	plat_granule_unmap(z_lo);
}

void plat_rec_run(struct rec *rec, const struct rec_run_cfg *cfg, struct rec_exception *exc)
{
	uint64_t cpu = read_sysreg(tpidr_el2);
	struct ns_el1_state *ns = &ns_state[cpu];
	uint64_t ns_zcr_el2 = 0, ns_zcr_el1 = 0;
	unsigned int kind;

	if (realm_caps.ns_sve) {
		ns_sve_save(cpu);
		ns_zcr_el2 = read_sysreg(ZCR_EL2_S);
		ns_zcr_el1 = read_sysreg(ZCR_EL12_S);
	}
	/* A realm with SVE runs with it untrapped; the others get an UNDEF. */
	write_sysreg(cptr_el2, CPTR_EL2_REALM | (cfg->sve ? CPTR_EL2_ZEN : 0));
	isb();
	el1_ctx_save(&ns->sysregs, &ns->sctlr_el1);
	fpregs_save(&ns->fp);
	gic_vcpu_save(&ns->gic);

	stage2_load(cfg, rec->vmpidr_el2);
	el1_ctx_restore(&rec->sysregs, rec->sctlr_el1);
	timers_mask_asserted(rec);
	fpregs_restore(&rec->fp);
	if (cfg->sve) {
		/* ZCR_EL2 is not switched by EL3: it caps the realm at its VL. */
		write_sysreg(ZCR_EL2_S, cfg->sve_vl);
		write_sysreg(ZCR_EL12_S, rec->zcr_el1);
		isb();
		realm_sve_switch(rec, false);
	}
	gic_vcpu_restore(&rec->gic, true);
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PTEN);
	write_sysreg(cntvoff_el2, 0);
	write_sysreg(mdcr_el2, MDCR_TPM | MDCR_TPMCR | MDCR_TDA | MDCR_TDOSA | MDCR_TDRA |
		     realm_caps.pmu_hpmn);
	write_sysreg(hcr_el2, realm_hcr(rec));
	write_sysreg(elr_el2, rec->pc);
	write_sysreg(spsr_el2, rec->pstate);
	isb();

	kind = realm_enter(rec->gprs);

	rec->pc = read_sysreg(elr_el2);
	rec->pstate = read_sysreg(spsr_el2);
	exc->kind = kind;
	exc->esr = read_sysreg(esr_el2);
	exc->far = read_sysreg(far_el2);
	exc->hpfar = read_sysreg(hpfar_el2);
	write_sysreg(hcr_el2, HCR_EL2_RMM);
	isb();

	el1_ctx_save(&rec->sysregs, &rec->sctlr_el1);
	timers_unmask_saved(rec);
	fpregs_save(&rec->fp);
	if (cfg->sve) {
		realm_sve_switch(rec, true);
		rec->zcr_el1 = read_sysreg(ZCR_EL12_S);
		write_sysreg(ZCR_EL12_S, ns_zcr_el1);
		write_sysreg(ZCR_EL2_S, ns_zcr_el2);
		isb();
	}
	gic_vcpu_save(&rec->gic);

	el1_ctx_restore(&ns->sysregs, ns->sctlr_el1);
	write_sysreg(cptr_el2, cptr_el2_rmm());
	isb();
	fpregs_restore(&ns->fp);
	if (realm_caps.ns_sve)
		ns_sve_restore(cpu);
	gic_vcpu_restore(&ns->gic, false);
}
