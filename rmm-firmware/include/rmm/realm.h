/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm Descriptor: the RMM's record of one realm, kept inside the RD
 * granule itself (cca-interfaces.md §6.2; DEN0137 A2.1).
 */
#ifndef RMM_REALM_H
#define RMM_REALM_H

#include <stdbool.h>
#include <stdint.h>
#include <abi/rmi.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/mec.h>
#include <rmm/s2tt.h>

enum realm_state {
	REALM_NEW = 0,
	REALM_ACTIVE = 1,
	REALM_SYSTEM_OFF = 2,
};

/*
 * REC auxiliary granules per REC (RMI_REC_AUX_COUNT).  An implementation
 * choice (TF-RMM uses 16).  0 and 1 hold attestation state (<rmm/attest.h>);
 * 2..4 the SVE registers of a realm with SVE: Z0..Z15 and Z16..Z31 (16
 * registers of at most 256 bytes fill a granule), then P0..P15 and FFR.
 */
#define REC_NUM_AUX_GRANULES	5U
#define REC_AUX_SVE_Z_LO	2U
#define REC_AUX_SVE_Z_HI	3U
#define REC_AUX_SVE_P		4U
static_assert(REC_NUM_AUX_GRANULES <= RMI_REC_MAX_AUX, "aux count fits RecParams");

struct rd {
	uint32_t state;			/* enum realm_state */
	uint8_t hash_algo;		/* RmiHashAlgorithm */
	bool sve_en;
	bool pmu_en;
	uint8_t sve_vl;
	uint8_t num_bps;
	uint8_t num_wps;
	uint8_t pmu_num_ctrs;
	uint16_t vmid;
	struct s2tt_ctx s2;
	uint64_t rec_index;		/* index the next REC must have */
	uint8_t rpv[RMI_RPV_SIZE];
	uint8_t measurements[MEASURE_NUM_SLOTS][MEASURE_SIZE];
	uint32_t mecid;			/* user MECID (<rmm/mec.h>) */
};
static_assert(sizeof(struct rd) <= GRANULE_SIZE, "RD fits its granule");

/*
 * The hardware MECID the realm runs with: what the realm-entry path passes
 * to plat_mec_set() before entering any of the realm's RECs.
 */
static inline unsigned int realm_hw_mecid(const struct rd *rd)
{
	return mec_hw_mecid(rd->mecid);
}

/* Map / unmap the RD of a locked RD granule. */
struct rd *rd_map(struct granule *g_rd);
void rd_unmap(struct rd *rd);

/* A copy of the realm's stage-2 context; caller holds the RD's lock. */
struct s2tt_ctx rd_s2(struct granule *g_rd);

/* Lock the RD at @rd_pa: NULL (RMI_ERROR_INPUT) on rd_align/rd_bound/rd_state. */
struct granule *find_lock_rd(uint64_t rd_pa);

/* VMID allocator (core/vmid.c). */
void vmid_init(void);
bool vmid_reserve(unsigned int vmid);
void vmid_free(unsigned int vmid);

#endif /* RMM_REALM_H */
