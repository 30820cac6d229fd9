/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * The platform interface of the portable RMM core.
 *
 * The core (core/) is plain C: no inline assembly, no system-register access
 * and no knowledge of how memory is mapped.  Everything that depends on the
 * architecture or on the machine goes through the functions below, which are
 * implemented once per platform:
 *
 *   plat/host/     x86_64 user program for the cmocka unit tests: "physical
 *                  memory" is a test buffer, EL3 is a fake that records calls
 *   plat/aarch64/  the R-EL2 firmware
 *
 * The spinlock type and its primitives come from <plat-lock.h>, found through
 * the include path of the platform being built (plat/<arch>/include).
 */
#ifndef RMM_PLAT_H
#define RMM_PLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Hardware description the RMM reports in RmiFeatureRegister0 and validates
 * RmiRealmParams against (cca-interfaces.md §5.1, §5.4).  Counts use the
 * architectural "minus one" encodings where the feature register does.
 */
struct plat_features {
	unsigned int pa_bits;		/* S2SZ: largest IPA width offered */
	bool lpa2;			/* stage-2 LPA2 with 4 KiB granules */
	bool sve;			/* SVE available to realms */
	unsigned int sve_max_vl;	/* largest VQ - 1 */
	unsigned int num_bps;		/* ID_AA64DFR0_EL1.BRPs (count - 1) */
	unsigned int num_wps;		/* ID_AA64DFR0_EL1.WRPs (count - 1) */
	bool pmu;			/* PMUv3 available to realms */
	unsigned int pmu_num_ctrs;	/* PMCR_EL0.N */
	bool pmu_hpmn0;			/* FEAT_HPMN0: zero counters allowed */
	unsigned int gicv3_num_lrs;	/* ICH_VTR_EL2.ListRegs (count - 1) */
	unsigned int max_recs_order;	/* log2 of the REC limit per realm */
	unsigned int vmid_bits;		/* 8 or 16 */
	unsigned int mecid_bits;	/* FEAT_MEC MECID width, 0 without MEC */
};

const struct plat_features *plat_get_features(void);

/*
 * Access to a granule the RMM owns (any state but NS): returns a pointer
 * through which the core reads and writes its 4 KiB.  Only called on a PA
 * that granule_from_pa() accepted, with the granule locked.
 */
void *plat_granule_map(uint64_t pa);
void plat_granule_unmap(void *va);

/*
 * Copy between RMM memory and a Non-secure granule named by the host.
 * Returns false when the access is not permitted in the NS PAS (the granule
 * is not NS in the GPT): the caller turns that into an architected error.
 * [pa, pa + len) never crosses a granule boundary.
 */
bool plat_ns_read(void *dst, uint64_t pa, size_t len);
bool plat_ns_write(uint64_t pa, const void *src, size_t len);

/*
 * EL3 granule transition service (RMM_GTSI_DELEGATE / _UNDELEGATE,
 * cca-interfaces.md §10.1).  Return the EL3 status (E_RMM_OK on success).
 */
int plat_gtsi_delegate(uint64_t pa);
int plat_gtsi_undelegate(uint64_t pa);

/*
 * FEAT_MEC (RMI 1.1, <rmm/mec.h>).  @hw_mecid is a hardware MECID, i.e.
 * already offset by the IDs the RMM reserves for itself.
 *
 * plat_mec_refresh: RMM_MEC_REFRESH(@hw_mecid, @reason) to EL3 (reason
 * RMM_MEC_REFRESH_REASON_CREATE / _DESTROY); returns the EL3 status.
 *
 * plat_mec_set: make @hw_mecid the MECID of the realm about to run, i.e.
 * of the EL1&0 stage-2 regime (VMECID_P_EL2).  The realm-entry path calls
 * it on every entry, after the realm's VTTBR/VTCR are in place and before
 * the ERET.  A no-op without FEAT_MEC.
 */
int plat_mec_refresh(unsigned int hw_mecid, unsigned int reason);
void plat_mec_set(unsigned int hw_mecid);

/*
 * EL3 attestation services (cca-interfaces.md §10.1, ref §6), through the
 * RMM-EL3 shared buffer.  The shared buffer is one for all CPUs: callers
 * serialise (core/attest.c holds its EL3 lock around every call and around
 * a whole platform-token sequence).  Both return the EL3 status (E_RMM_*).
 *
 * plat_el3_get_realm_key: RMM_ATTEST_GET_REALM_KEY for P-384.  Copies the
 * private scalar into @scalar (at most @cap bytes; *@len = its length) and
 * wipes it from the shared buffer.
 *
 * plat_el3_get_plat_token: RMM_ATTEST_GET_PLAT_TOKEN.  @c_size 32/48/64
 * starts a new token for @challenge; 0 asks for the next hunk.  The hunk
 * (at most @cap bytes, never more than the shared buffer) is copied to
 * @dst; *@hunk = its size, *@remaining = what EL3 still holds.
 */
int plat_el3_get_realm_key(uint8_t *scalar, size_t cap, size_t *len);
int plat_el3_get_plat_token(const uint8_t *challenge, size_t c_size, void *dst,
			    size_t cap, size_t *hunk, size_t *remaining);

/* A broken platform (EL3 refused an operation that cannot fail). */
_Noreturn void plat_panic(const char *why);

#endif /* RMM_PLAT_H */
