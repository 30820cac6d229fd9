/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm lifecycle: RMI_REALM_CREATE, RMI_REALM_ACTIVATE, RMI_REALM_DESTROY
 * and RMI_REC_AUX_COUNT (DEN0137 B4.3.8-B4.3.11), with the RMI 1.1 MECID
 * of RealmParams (<rmm/mec.h>).
 */
#include <string.h>
#include <rmm/assert.h>
#include <rmm/granule.h>
#include <rmm/measure.h>
#include <rmm/mec.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec-run.h>
#include <rmm/rmi-handlers.h>
#include <rmm/s2tt.h>

struct rd *rd_map(struct granule *g_rd)
{
	rmm_assert(granule_is_locked(g_rd));
	return plat_granule_map(granule_to_pa(g_rd));
}

void rd_unmap(struct rd *rd)
{
	plat_granule_unmap(rd);
}

struct s2tt_ctx rd_s2(struct granule *g_rd)
{
	struct rd *rd = rd_map(g_rd);
	struct s2tt_ctx s2 = rd->s2;

	rd_unmap(rd);
	return s2;
}

struct granule *find_lock_rd(uint64_t rd_pa)
{
	return find_lock_granule(rd_pa, GRANULE_STATE_RD);
}

#define REALM_FLAGS_1_0	(RMI_REALM_FLAGS0_LPA2 | RMI_REALM_FLAGS0_SVE | \
			 RMI_REALM_FLAGS0_PMU)
#define UINT8_FIELD_OK(v, reserved)	((v) <= 0xFFU && (reserved) == 0)

/*
 * RmiRealmParamsIsValid: every 1.0 field holds a value of its type.  The
 * spec types s2sz .. pmu_num_ctrs as UInt8 and hash_algo as an enumeration;
 * the rest of each 8-byte slot is MBZ (cca-interfaces.md §0, §5.1).
 */
static bool realm_params_valid(const struct rmi_realm_params *p)
{
	if ((p->flags0 & ~REALM_FLAGS_1_0) != 0)
		return false;
	if (!UINT8_FIELD_OK(p->s2sz, p->reserved_s2sz) ||
	    !UINT8_FIELD_OK(p->sve_vl, p->reserved_sve_vl) ||
	    !UINT8_FIELD_OK(p->num_bps, p->reserved_num_bps) ||
	    !UINT8_FIELD_OK(p->num_wps, p->reserved_num_wps) ||
	    !UINT8_FIELD_OK(p->pmu_num_ctrs, p->reserved_pmu))
		return false;
	for (unsigned int i = 0; i < sizeof(p->reserved_hash); i++)
		if (p->reserved_hash[i] != 0)
			return false;
	if (p->hash_algo != RMI_HASH_SHA_256 && p->hash_algo != RMI_HASH_SHA_512)
		return false;
	return p->reserved_rtt_num == 0;
}

/* RealmParams' 1.1 fields are read only if the host negotiated 1.1. */
static bool host_speaks_1_1(void)
{
	return rmi_version_negotiated() >= RMI_ABI_VERSION_1_1;
}

/*
 * RealmParamsSupported: the request fits RmiFeatureRegister0 (§5.1 table).
 * @v1_1: the host negotiated RMI 1.1 (read once per command).
 */
static bool realm_params_supported(const struct rmi_realm_params *p, bool v1_1)
{
	const struct plat_features *f = plat_get_features();

	if ((p->flags0 & RMI_REALM_FLAGS0_LPA2) && !f->lpa2)
		return false;
	if (p->s2sz < S2TT_MIN_IPA_BITS || p->s2sz > f->pa_bits ||
	    p->s2sz > S2TT_MAX_IPA_BITS)
		return false;
	/* 0 is reserved in the "count - 1" breakpoint/watchpoint encodings. */
	if (p->num_bps == 0 || p->num_bps > f->num_bps ||
	    p->num_wps == 0 || p->num_wps > f->num_wps)
		return false;
	if (p->flags0 & RMI_REALM_FLAGS0_SVE) {
		if (!f->sve || p->sve_vl > f->sve_max_vl)
			return false;
	}
	if (p->flags0 & RMI_REALM_FLAGS0_PMU) {
		if (!f->pmu || p->pmu_num_ctrs > f->pmu_num_ctrs)
			return false;
		if (p->pmu_num_ctrs == 0 && !f->pmu_hpmn0)
			return false;
	}
	/* 1.1: no auxiliary planes (FEAT0 MAX_NUM_AUX_PLANES is 0). */
	if (v1_1 && p->num_aux_planes != 0)
		return false;
	return measure_algo_is_supported(p->hash_algo);
}

/*
 * Starting-level RTT initial state (DEN0137 B4.3.9.3): protected entries
 * UNASSIGNED with RIPAS EMPTY, unprotected entries UNASSIGNED_NS.
 */
static void init_root_rtt(const struct s2tt_ctx *s2, struct granule *g_rtt,
			  unsigned int table_idx)
{
	unsigned int shift = s2tt_level_shift(s2->level_start);
	uint64_t *table = plat_granule_map(granule_to_pa(g_rtt));

	for (unsigned int i = 0; i < S2TTES_PER_TABLE; i++) {
		uint64_t ipa = ((uint64_t)table_idx * S2TTES_PER_TABLE + i) << shift;

		table[i] = s2tt_ipa_is_protected(s2, ipa) ?
			   s2tte_create_unassigned(RMI_EMPTY) :
			   s2tte_create_unassigned_ns();
	}
	plat_granule_unmap(table);
}

/*
 * Failure conditions (DEN0137 B4.3.9.2), all RMI_ERROR_INPUT, checked in the
 * listed order: params_align, params_bound, params_pas, params_valid,
 * params_supp, alias, rd_align, rd_bound, rd_state, rtt_align, rtt_num_level,
 * rtt_state, vmid_valid, then (1.1) mecid_bound and mecid_state: the MECID
 * must be at most MAX_MECID and not PRIVATE_ASSIGNED, and a private one
 * must get a fresh key from EL3 (<rmm/mec.h>).  A 1.0 host's realm uses
 * the shared MECID 0 whatever the params page holds at 0x828.  The spec
 * defines no ordering between them, so the states (which need the locks)
 * are checked together once every granule is locked in PA order.
 */
void rmi_realm_create(const uint64_t *args, struct rmi_result *res)
{
	uint64_t rd_pa = args[0], params_pa = args[1];
	struct granule_lock_req locks[1 + S2TT_MAX_ROOT_RTTS];
	struct rmi_realm_params p;
	struct s2tt_ctx s2;
	bool v1_1 = host_speaks_1_1();
	struct rd *rd;
	uint32_t mecid;
	unsigned int i;

	res->x[0] = RMI_ERROR_INPUT;

	/* params_align, params_bound */
	if (granule_from_pa(params_pa) == NULL)
		return;
	/* params_pas: copied once; only the private copy is used afterwards. */
	if (!plat_ns_read(&p, params_pa, sizeof(p)))
		return;
	if (!realm_params_valid(&p) || !realm_params_supported(&p, v1_1))
		return;

	/* alias: RD inside [rtt_base, rtt_base + rtt_num_start granules) */
	if (rd_pa >= p.rtt_base &&
	    (rd_pa - p.rtt_base) / GRANULE_SIZE < p.rtt_num_start)
		return;
	/* rd_align, rd_bound */
	if (granule_from_pa(rd_pa) == NULL)
		return;
	/* rtt_num_level (first, so that rtt_align has a valid size) */
	if (!s2tt_config_is_valid(p.s2sz, p.rtt_level_start, p.rtt_num_start,
				  plat_get_features()->pa_bits))
		return;
	/* rtt_align: aligned to the size of all starting-level RTTs */
	if ((p.rtt_base & (p.rtt_num_start * GRANULE_SIZE - 1)) != 0)
		return;

	/* rd_state, rtt_state: everything DELEGATED, locked in PA order. */
	locks[0].pa = rd_pa;
	locks[0].state = GRANULE_STATE_DELEGATED;
	for (i = 0; i < p.rtt_num_start; i++) {
		locks[1 + i].pa = p.rtt_base + i * GRANULE_SIZE;
		locks[1 + i].state = GRANULE_STATE_DELEGATED;
	}
	if (!granule_lock_set(locks, 1 + p.rtt_num_start))
		return;

	/* vmid_valid */
	if (!vmid_reserve(p.vmid)) {
		for (i = 0; i < 1 + p.rtt_num_start; i++)
			granule_unlock(locks[i].g);
		return;
	}
	/* mecid_bound, mecid_state; the params copy is read only once. */
	if (!mec_realm_reserve((uint64_t)p.mecid, !v1_1, &mecid)) {
		vmid_free(p.vmid);
		for (i = 0; i < 1 + p.rtt_num_start; i++)
			granule_unlock(locks[i].g);
		return;
	}

	s2.rtt_base = p.rtt_base;
	s2.ipa_bits = p.s2sz;
	s2.level_start = (int)p.rtt_level_start;
	s2.num_root_rtts = p.rtt_num_start;
	s2.vmid = p.vmid;

	/* The RD granule is DELEGATED, hence zero: only set what is not. */
	rd = rd_map(locks[0].g);
	rd->state = REALM_NEW;
	rd->hash_algo = p.hash_algo;
	rd->sve_en = (p.flags0 & RMI_REALM_FLAGS0_SVE) != 0;
	rd->pmu_en = (p.flags0 & RMI_REALM_FLAGS0_PMU) != 0;
	rd->sve_vl = (uint8_t)p.sve_vl;
	rd->num_bps = (uint8_t)p.num_bps;
	rd->num_wps = (uint8_t)p.num_wps;
	rd->pmu_num_ctrs = (uint8_t)p.pmu_num_ctrs;
	rd->vmid = p.vmid;
	rd->s2 = s2;
	rd->rec_index = 0;
	rd->mecid = mecid;
	memcpy(rd->rpv, p.rpv, sizeof(rd->rpv));
	measure_rim_init(rd->measurements[MEASURE_RIM_SLOT], p.hash_algo, &p);
	rd_unmap(rd);

	for (i = 0; i < p.rtt_num_start; i++) {
		init_root_rtt(&s2, locks[1 + i].g, i);
		granule_unlock_transition(locks[1 + i].g, GRANULE_STATE_RTT);
	}
	granule_unlock_transition(locks[0].g, GRANULE_STATE_RD);
	res->x[0] = RMI_SUCCESS;
}

/* Failure conditions: rd_align, rd_bound, rd_state (INPUT), realm_state (REALM). */
void rmi_realm_activate(const uint64_t *args, struct rmi_result *res)
{
	struct granule *g_rd = find_lock_rd(args[0]);
	struct rd *rd;

	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	rd = rd_map(g_rd);
	if (rd->state != REALM_NEW) {
		res->x[0] = RMI_ERROR_REALM;
	} else {
		rd->state = REALM_ACTIVE;
		res->x[0] = RMI_SUCCESS;
	}
	rd_unmap(rd);
	granule_unlock(g_rd);
}

/*
 * Failure conditions: rd_align, rd_bound, rd_state (INPUT), realm_live
 * (REALM): the realm still has RECs, or a starting-level RTT has a live
 * entry (which is how any other RTT or DATA granule stays reachable).
 */
void rmi_realm_destroy(const uint64_t *args, struct rmi_result *res)
{
	struct granule *g_rd = find_lock_rd(args[0]);
	struct granule *g_root;
	struct s2tt_ctx s2;
	unsigned long live;
	struct rd *rd;
	unsigned int vmid, i;
	uint32_t mecid;

	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	rd = rd_map(g_rd);
	s2 = rd->s2;
	vmid = rd->vmid;
	mecid = rd->mecid;
	rd_unmap(rd);

	/* Lock order RD -> RTT root; the root lock covers all starting RTTs. */
	g_root = granule_from_pa(s2.rtt_base);
	granule_lock(g_root);
	live = granule_refcount_read(g_rd);
	for (i = 0; i < s2.num_root_rtts; i++)
		live += granule_refcount_read(
			granule_from_pa(s2.rtt_base + i * GRANULE_SIZE));
	if (live != 0) {
		granule_unlock(g_root);
		granule_unlock(g_rd);
		res->x[0] = RMI_ERROR_REALM;
		return;
	}

	/* Starting-level RTTs back to DELEGATED, zeroed (zero invariant). */
	for (i = s2.num_root_rtts; i-- > 0;) {
		struct granule *g = granule_from_pa(s2.rtt_base + i * GRANULE_SIZE);

		if (g != g_root)
			granule_lock(g);
		granule_memzero(g);
		granule_unlock_transition(g, GRANULE_STATE_DELEGATED);
	}
	/* Nothing this realm cached may survive into the VMID's next owner. */
	plat_s2_tlbi_vmid(vmid);
	vmid_free(vmid);
	/* The MECID's destroy refresh: nothing of the realm is readable any more. */
	mec_realm_release(mecid);
	/* Zeroing the RD also destroys the measurements. */
	granule_memzero(g_rd);
	granule_unlock_transition(g_rd, GRANULE_STATE_DELEGATED);
	res->x[0] = RMI_SUCCESS;
}

/* Failure conditions: rd_align, rd_bound, rd_state (INPUT). */
void rmi_rec_aux_count(const uint64_t *args, struct rmi_result *res)
{
	struct granule *g_rd = find_lock_rd(args[0]);

	if (g_rd == NULL) {
		res->x[0] = RMI_ERROR_INPUT;
		return;
	}
	granule_unlock(g_rd);
	res->x[0] = RMI_SUCCESS;
	res->x[1] = REC_NUM_AUX_GRANULES;
}
