/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * What the RMM tells the host about the hardware (RmiFeatureRegister0),
 * read from the ID registers of the boot CPU.  Only what the RMM can give
 * a realm is advertised: no LPA2 (stage 2 is built without it), no SVE and
 * no PMU (realm entry does not switch that state), hence an IPA width of
 * at most 48 bits.
 */
#include <plat-aarch64.h>
#include <rmm/mec.h>
#include <runtime/arch.h>
#include <runtime/boot.h>
#include <runtime/realm.h>

#define RMM_IPA_BITS_MAX	48
#define RMM_MAX_RECS_ORDER	10

static const unsigned char parange_bits[] = { 32, 36, 40, 42, 44, 48, 52 };

unsigned int rmm_pa_bits(void)
{
	unsigned int parange = id_field(read_sysreg(id_aa64mmfr0_el1), 0, 4);

	return parange < sizeof(parange_bits) ? parange_bits[parange] : 32;
}

void rmm_features_init(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	uint64_t mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	struct plat_features f = {
		.pa_bits = rmm_pa_bits() < RMM_IPA_BITS_MAX ? rmm_pa_bits() : RMM_IPA_BITS_MAX,
		.num_bps = id_field(dfr0, 12, 4),
		.num_wps = id_field(dfr0, 20, 4),
		.max_recs_order = RMM_MAX_RECS_ORDER,
		.vmid_bits = id_field(mmfr1, 4, 4) == 2 ? 16 : 8,
		.mecid_bits = plat_mec_probe(),
	};

	/*
	 * SVE for realms: the largest vector length, read with SVE enabled
	 * and ZCR_EL2 at its maximum (cold boot, before the host runs and
	 * sets its own).  A realm asks for at most 2048 bits (VQ 16).
	 */
	if (id_field(read_sysreg(id_aa64pfr0_el1), 32, 4)) {
		uint64_t vq;

		write_sysreg(cptr_el2, CPTR_EL2_FPEN | CPTR_EL2_ZEN);
		isb();
		write_sysreg(ZCR_EL2_S, 0xF);
		isb();
		vq = sve_vl_bytes() / 16;
		f.sve = vq >= 1 && vq <= 16;
		f.sve_max_vl = f.sve ? (unsigned int)(vq - 1) : 0;
	}

	/* The list-register count needs the system-register GIC interface. */
	write_sysreg(ICC_SRE_EL2_S, ICC_SRE_EL2_VALUE);
	isb();
	f.gicv3_num_lrs = id_field(read_sysreg(ICH_VTR_EL2_S), 0, 5);

	plat_features_set(&f);
	rmm_printf("rmm: features: IPA %u bits, %u BPs, %u WPs, %u GIC LRs, %u-bit VMIDs, SVE %u (VQ up to %u)\n",
		   f.pa_bits, f.num_bps + 1, f.num_wps + 1, f.gicv3_num_lrs + 1, f.vmid_bits,
		   f.sve, f.sve ? f.sve_max_vl + 1 : 0);
	if (f.mecid_bits)
		rmm_printf("rmm: features: FEAT_MEC, %u-bit MECIDs: RMI 1.1 MAX_MECID %lu\n",
			   f.mecid_bits, (uint64_t)mec_max_mecid());
	else
		rmm_printf("rmm: features: no FEAT_MEC: RMI 1.1 MAX_MECID 0\n");
}
