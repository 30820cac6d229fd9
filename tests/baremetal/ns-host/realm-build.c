// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building the test realm from NS-EL2, in the order a KVM host uses
 * (DEN0137 A2.2): RMI_VERSION 1.1 (so RmiRealmParams.mecid counts),
 * RMI_FEATURES, REALM_CREATE with a private MECID, RTTs, RTT_INIT_RIPAS,
 * measured DATA_CREATE of the image, unprotected shared pages, RECs.
 * realm_activate() is separate so that the benchmark can time
 * DATA_CREATE while the realm is still NEW.
 *
 * The RIM is predicted from the same plan before anything is created.
 * (With the MMU off every NS access here is to Device memory and never
 * cached, so the RMM reads exactly what we wrote without maintenance.)
 */
#include <realm-host.h>

#define S2_MEMATTR_NORMAL_WB	(0x6ULL << 2)	/* MemAttr[5:2] */
#define S2_AP_RW		(0x3ULL << 6)
#define TR_VMID			1

static bool create_rtt(struct test_realm *r, uint64_t ipa, int level)
{
	uint64_t pa = pool_delegate(), ret;

	if (!pa || r->nr_rtts == TR_MAX_RTTS)
		return false;
	ret = smc6(RMI_RTT_CREATE, r->rd, pa, ipa, (uint64_t)level, 0).x0;
	if (ret != RMI_SUCCESS) {
		ok(false, "RMI_RTT_CREATE(0x%lx, level %d) = 0x%lx", ipa, level, ret);
		pool_undelegate(pa);
		return false;
	}
	r->rtts[r->nr_rtts++] = (struct tr_rtt){ ipa, pa, level };
	return true;
}

bool realm_data_create(struct test_realm *r, uint64_t ipa, uint64_t src, uint64_t flags,
		       uint64_t *ret)
{
	uint64_t pa = r->nr_data < TR_MAX_DATA ? pool_delegate() : 0;

	*ret = ~0UL;			/* no granule: not an RMI status */
	if (!pa)
		return false;
	if (src)
		*ret = smc6(RMI_DATA_CREATE, r->rd, pa, ipa, src, flags).x0;
	else
		*ret = smc(RMI_DATA_CREATE_UNKNOWN, r->rd, pa, ipa).x0;
	if (*ret != RMI_SUCCESS) {
		pool_undelegate(pa);
		return false;
	}
	r->data[r->nr_data++] = (struct tr_data){ ipa, pa };
	return true;
}

void realm_predict(struct test_realm *r, const struct rmi_realm_params *p,
		   const struct rmi_rec_params *rec0)
{
	unsigned int algo = p->hash_algo;
	uint8_t rem_data[32];

	measure_rim_init(r->rim, algo, p);
	measure_rim_extend_ripas(r->rim, algo, TR_RAM_BASE, TR_RAM_TOP);
	for (uint64_t off = 0; off < (uint64_t)(realm_blob_end - realm_blob); off += GRANULE)
		measure_rim_extend_data(r->rim, algo, TR_RAM_BASE + off, RMI_MEASURE_CONTENT,
					realm_blob + off);
	measure_rim_extend_rec(r->rim, algo, rec0);

	for (unsigned int i = 0; i < sizeof(rem_data); i++)
		rem_data[i] = tr_rem_byte(i);
	for (unsigned int i = 0; i < MEASURE_SIZE; i++)
		r->rem1[i] = 0;
	measure_rem_extend(r->rem1, algo, rem_data, sizeof(rem_data));
}

static struct rmi_realm_params *fill_realm_params(struct test_realm *r, uint64_t feat0)
{
	struct rmi_realm_params *p;

	r->params = pool_alloc();
	p = (struct rmi_realm_params *)(uintptr_t)r->params;
	p->s2sz = TR_IPA_BITS;
	p->num_bps = (uint32_t)RMI_FEAT0_GET(feat0, NUM_BPS);
	p->num_wps = (uint32_t)RMI_FEAT0_GET(feat0, NUM_WPS);
	p->hash_algo = RMI_HASH_SHA_256;
	for (unsigned int i = 0; i < RMI_RPV_SIZE; i++)
		p->rpv[i] = tr_rpv_byte(i);
	p->vmid = TR_VMID;
	p->rtt_base = r->rtt_root;
	p->rtt_level_start = TR_RTT_LEVEL_START;
	p->rtt_num_start = TR_RTT_NUM_START;
	p->mecid = TR_MECID;
	/* The test realm gets SVE at the longest VL when the RMM offers it. */
	if (r->mode == TR_MODE_TEST && RMI_FEAT0_GET(feat0, SVE_EN)) {
		p->flags0 |= RMI_REALM_FLAGS0_SVE;
		p->sve_vl = (uint32_t)RMI_FEAT0_GET(feat0, SVE_VL);
		r->sve_vq = p->sve_vl + 1;
	}
	return p;
}

static struct rmi_rec_params *rec_params(const struct test_realm *r, unsigned int i)
{
	struct rmi_rec_params *rp = (struct rmi_rec_params *)(uintptr_t)pool_alloc();

	if (!rp)
		return NULL;
	if (i == 0 || r->mode == TR_MODE_SMP) {
		rp->flags = RMI_REC_PARAMS_FLAG_RUNNABLE;
		rp->pc = TR_RAM_BASE;
		rp->gprs[0] = r->mode;
		rp->gprs[1] = i == 0 ? r->sve_vq : 0;
	}
	if (i == 1)
		rp->mpidr = TR_REC1_MPIDR;	/* else started by PSCI CPU_ON */
	rp->num_aux = r->num_aux;
	for (unsigned int j = 0; j < r->num_aux; j++)
		rp->aux[j] = r->recs[i].aux[j];
	return rp;
}

/* The MECID is private to the first realm: a second realm cannot have it. */
static void check_mecid_is_private(struct rmi_realm_params *p)
{
	uint64_t rd2 = pool_delegate(), root2 = pool_delegate(), ret;

	p->rtt_base = root2;
	p->vmid = TR_VMID + 1;
	ret = smc(RMI_REALM_CREATE, rd2, (uint64_t)(uintptr_t)p, 0).x0;
	ok(ret == RMI_ERROR_INPUT && pool_undelegate(rd2) && pool_undelegate(root2),
	   "RMI_REALM_CREATE of a second realm with the same private MECID %u = %lu (ERROR_INPUT)",
	   TR_MECID, ret);
}

static bool create_realm(struct test_realm *r)
{
	struct smc_ret v = smc(RMI_VERSION, RMI_ABI_VERSION_1_1, 0, 0);
	uint64_t feat0 = smc(RMI_FEATURES, RMI_FEATURE_REGISTER_0, 0, 0).x1;
	uint64_t max_mecid = smc(RMI_FEATURES, RMI_FEATURE_REGISTER_1_MAX_MECID, 0, 0).x1;
	struct rmi_rec_params rec0 = { .flags = RMI_REC_PARAMS_FLAG_RUNNABLE, .pc = TR_RAM_BASE,
				       .gprs = { r->mode } };
	struct rmi_realm_params *p;
	uint64_t ret;

	if (!ok(v.x0 == RMI_SUCCESS && v.x1 == RMI_ABI_VERSION_1_1,
		"RMI_VERSION(1.1) = %lu, lower 0x%lx", v.x0, v.x1) ||
	    !ok(RMI_FEAT0_GET(feat0, S2SZ) >= TR_IPA_BITS && RMI_FEAT0_GET(feat0, HASH_SHA_256) &&
		max_mecid >= TR_MECID,
		"RMI_FEATURES: register 0 0x%lx (S2SZ %lu, SHA-256), max MECID %lu", feat0,
		(uint64_t)RMI_FEAT0_GET(feat0, S2SZ), max_mecid))
		return false;

	r->rd = pool_delegate();
	r->rtt_root = pool_delegate();
	if (!r->rd || !r->rtt_root)
		return false;
	p = fill_realm_params(r, feat0);
	rec0.gprs[1] = r->sve_vq;
	realm_predict(r, p, &rec0);
	print_hex_line("realm-rim-predicted", r->rim, measure_hash_size(p->hash_algo));
	ret = smc(RMI_REALM_CREATE, r->rd, r->params, 0).x0;
	if (!ok(ret == RMI_SUCCESS, "RMI_REALM_CREATE(IPA %u bits, SHA-256, MECID %u, SVE VQ %lu) = %lu",
		TR_IPA_BITS, TR_MECID, r->sve_vq, ret))
		return false;
	r->created = true;
	check_mecid_is_private(p);
	return true;
}

static bool map_memory(struct test_realm *r)
{
	uint64_t image = (uint64_t)(realm_blob_end - realm_blob), ret, v;
	struct smc_ret s;

	if (!create_rtt(r, TR_RAM_BASE, 2))
		return false;
	s = smc(RMI_RTT_INIT_RIPAS, r->rd, TR_RAM_BASE, TR_RAM_TOP);
	if (!ok(s.x0 == RMI_SUCCESS && s.x1 == TR_RAM_TOP,
		"RMI_RTT_INIT_RIPAS(RAM, one level-2 entry) = %lu, top 0x%lx", s.x0, s.x1))
		return false;
	if (!create_rtt(r, TR_RAM_BASE, 3) || !create_rtt(r, TR_SHARED_IPA, 2) ||
	    !create_rtt(r, TR_SHARED_IPA, 3))
		return false;

	for (uint64_t off = 0; off < image; off += GRANULE)
		if (!realm_data_create(r, TR_RAM_BASE + off, (uint64_t)(uintptr_t)realm_blob + off,
				       RMI_MEASURE_CONTENT, &ret))
			return ok(false, "RMI_DATA_CREATE(0x%lx, measured) = %lu",
				  TR_RAM_BASE + off, ret);
	r->nr_image = r->nr_data;
	ok(true, "RMI_DATA_CREATE (measured) of the %u-page realm image", r->nr_image);
	ok(probe_read(r->data[0].pa, &v) && is_gpf_at(r->data[0].pa),
	   "NS read of a realm DATA granule (0x%lx) takes a GPF: ESR_EL2 0x%lx",
	   r->data[0].pa, fault.esr);

	for (unsigned int i = 0; i < TR_SHARED_PAGES; i++) {
		r->shared[i] = pool_alloc();
		ret = smc6(RMI_RTT_MAP_UNPROTECTED, r->rd, TR_SHARED_IPA + i * GRANULE, 3,
			   r->shared[i] | S2_MEMATTR_NORMAL_WB | S2_AP_RW, 0).x0;
		if (ret != RMI_SUCCESS)
			return ok(false, "RMI_RTT_MAP_UNPROTECTED(0x%lx) = %lu",
				  TR_SHARED_IPA + i * GRANULE, ret);
	}
	return true;
}

static bool create_recs(struct test_realm *r)
{
	struct smc_ret s = smc(RMI_REC_AUX_COUNT, r->rd, 0, 0);
	struct rmi_rec_params *rp;
	uint64_t ret;

	if (!ok(s.x0 == RMI_SUCCESS && s.x1 <= RMI_REC_MAX_AUX,
		"RMI_REC_AUX_COUNT = %lu: %lu auxiliary granules per REC", s.x0, s.x1))
		return false;
	r->num_aux = (unsigned int)s.x1;
	for (unsigned int i = 0; i < TR_NUM_RECS; i++) {
		struct tr_rec *rec = &r->recs[i];

		rec->pa = pool_delegate();
		rec->run = pool_alloc();
		for (unsigned int j = 0; j < r->num_aux; j++)
			rec->aux[j] = pool_delegate();
		rp = rec_params(r, i);
		if (!rec->pa || !rec->run || !rp)
			return false;
		rec->mpidr = rp->mpidr;
		ret = smc(RMI_REC_CREATE, r->rd, rec->pa, (uint64_t)(uintptr_t)rp).x0;
		rec->created = ret == RMI_SUCCESS;
		if (!ok(rec->created, "RMI_REC_CREATE(REC%u, MPIDR 0x%lx, %s) = %lu", i,
			rp->mpidr, rp->flags ? "runnable" : "not runnable", ret))
			return false;
	}
	return true;
}

bool realm_build(struct test_realm *r, unsigned int mode)
{
	r->mode = mode;
	return create_realm(r) && map_memory(r) && create_recs(r);
}

/* Activation ends the measured build: DATA_CREATE is refused from then on. */
bool realm_activate(struct test_realm *r)
{
	uint64_t ret = smc(RMI_REALM_ACTIVATE, r->rd, 0, 0).x0, late;

	if (!ok(ret == RMI_SUCCESS, "RMI_REALM_ACTIVATE = %lu", ret))
		return false;
	if (!realm_data_create(r, TR_SCRATCH_BASE, (uint64_t)(uintptr_t)realm_blob,
			       RMI_MEASURE_CONTENT, &late))
		ok(late == RMI_ERROR_REALM, "RMI_DATA_CREATE after activation = %lu (ERROR_REALM)",
		   late);
	else
		ok(false, "RMI_DATA_CREATE after activation succeeded");
	return true;
}
