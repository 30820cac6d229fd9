/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The ID registers a realm sees (HCR_EL2.TID3 traps every read of the ID
 * space op0 3, op1 0, CRn 0, CRm 1..7).  The view is the CPU's minus every
 * feature whose state the RMM does not switch or does not give realms:
 * SVE (unless the realm was created with it), SME, PMU, SPE, trace (TRBE, BRBE, ETE), AMU, MPAM, MTE, RME, EL2 and
 * Secure EL2, LS64, TME, MOPS, GCS, NMI, FGT, ECV, VHE, HCX, NV, and the
 * whole of ID_AA64MMFR3/4 (TCR2, SCTLR2, S1PIE, S1POE, ...), whose EL1
 * registers are not switched.  AArch32 ID registers are returned as they
 * are.  Breakpoints and watchpoints show the CPU's counts (RmiRealmParams
 * num_bps/num_wps are validated, not enforced).
 */
#include <rmm/rec-run.h>
#include <runtime/arch.h>
#include <runtime/realm.h>

#define FIELD(shift)		(0xFULL << (shift))
#define ID_ENC(crm, op2)	(((crm) << 3) | (op2))

#define ID_CASES(X)									\
	X(1, 0) X(1, 1) X(1, 2) X(1, 3) X(1, 4) X(1, 5) X(1, 6) X(1, 7)			\
	X(2, 0) X(2, 1) X(2, 2) X(2, 3) X(2, 4) X(2, 5) X(2, 6) X(2, 7)			\
	X(3, 0) X(3, 1) X(3, 2) X(3, 3) X(3, 4) X(3, 5) X(3, 6) X(3, 7)			\
	X(4, 0) X(4, 1) X(4, 2) X(4, 3) X(4, 4) X(4, 5) X(4, 6) X(4, 7)			\
	X(5, 0) X(5, 1) X(5, 2) X(5, 3) X(5, 4) X(5, 5) X(5, 6) X(5, 7)			\
	X(6, 0) X(6, 1) X(6, 2) X(6, 3) X(6, 4) X(6, 5) X(6, 6) X(6, 7)			\
	X(7, 0) X(7, 1) X(7, 2) X(7, 3) X(7, 4) X(7, 5) X(7, 6) X(7, 7)

#define READ_ID(crm, op2) \
	case ID_ENC(crm, op2): return read_sysreg(S3_0_C0_C##crm##_##op2);

static uint64_t id_read(unsigned int enc)
{
	switch (enc) {
	ID_CASES(READ_ID)
	default:
		return 0;
	}
}

static unsigned int parange_of(unsigned int ipa_bits)
{
	static const unsigned char bits[] = { 32, 36, 40, 42, 44, 48 };
	unsigned int i;

	for (i = sizeof(bits) - 1; i > 0; i--)
		if (ipa_bits >= bits[i])
			break;
	return i;
}

static uint64_t sanitise(unsigned int enc, uint64_t v, const struct rec_run_cfg *cfg)
{
	switch (enc) {
	case ID_ENC(4, 0):	/* ID_AA64PFR0_EL1 */
		/* EL2, SEL2, MPAM, AMU, RME cleared; SVE for realms that have it. */
		return v & ~(FIELD(8) | (cfg->sve ? 0 : FIELD(32)) | FIELD(36) | FIELD(40) |
			     FIELD(44) | FIELD(52));
	case ID_ENC(4, 4):	/* ID_AA64ZFR0_EL1 */
		return cfg->sve ? v : 0;
	case ID_ENC(4, 1):	/* ID_AA64PFR1_EL1: BT, SSBS, CSV2_frac only */
		return v & (FIELD(0) | FIELD(4) | FIELD(32));
	case ID_ENC(4, 2):	/* ID_AA64PFR2_EL1 */
	case ID_ENC(4, 5):	/* ID_AA64SMFR0_EL1 */
	case ID_ENC(5, 1):	/* ID_AA64DFR1_EL1 */
	case ID_ENC(5, 4):	/* ID_AA64AFR0_EL1 */
	case ID_ENC(5, 5):	/* ID_AA64AFR1_EL1 */
	case ID_ENC(6, 3):	/* ID_AA64ISAR3_EL1 */
	case ID_ENC(7, 3):	/* ID_AA64MMFR3_EL1 */
	case ID_ENC(7, 4):	/* ID_AA64MMFR4_EL1 */
		return 0;
	case ID_ENC(5, 0):	/* ID_AA64DFR0_EL1: DebugVer, BRPs, WRPs, CTX_CMPs */
		return v & (FIELD(0) | FIELD(12) | FIELD(20) | FIELD(28));
	case ID_ENC(6, 0):	/* ID_AA64ISAR0_EL1: no TME */
		return v & ~FIELD(24);
	case ID_ENC(6, 1):	/* ID_AA64ISAR1_EL1: no LS64 */
		return v & ~FIELD(60);
	case ID_ENC(6, 2):	/* ID_AA64ISAR2_EL1: WFxT RPRES GPA3 APA3 BC CLRBHB RPRFM CSSC */
		return v & (FIELD(0) | FIELD(4) | FIELD(8) | FIELD(12) | FIELD(20) |
			    FIELD(28) | FIELD(48) | FIELD(52));
	case ID_ENC(7, 0):	/* ID_AA64MMFR0_EL1: PARange of the IPA space, no FGT/ECV */
		return (v & ~(FIELD(0) | FIELD(56) | FIELD(60))) | parange_of(cfg->ipa_bits);
	case ID_ENC(7, 1):	/* ID_AA64MMFR1_EL1: no VMIDBits, VH, HCX, TWED, TIDCP1 */
		return v & ~(FIELD(4) | FIELD(8) | FIELD(32) | FIELD(40) | FIELD(52));
	case ID_ENC(7, 2):	/* ID_AA64MMFR2_EL1: no NV, EVT */
		return v & ~(FIELD(24) | FIELD(56));
	default:
		return v;
	}
}

bool plat_id_reg_read(const struct rec_run_cfg *cfg, uint64_t esr, uint64_t *val)
{
	unsigned int crm = (unsigned int)((esr >> 1) & 0xF);
	unsigned int op2 = (unsigned int)((esr >> 17) & 0x7);
	unsigned int enc = ID_ENC(crm, op2);

	if (!esr_sys_is_id_reg(esr))
		return false;
	*val = sanitise(enc, id_read(enc), cfg);
	return true;
}
