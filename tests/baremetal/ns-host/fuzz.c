// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI robustness from the host side (issue #4, "no host-controlled value
 * can crash the RMM or corrupt its state"): thousands of RMI calls with
 * arguments drawn, per argument, from what that argument should be (an RD,
 * a delegated granule, an IPA, a level, a params page with mutated fields,
 * a run page with random entry flags and list registers) or from a set of
 * wild values (unaligned, beyond DRAM, Root and Realm memory, ~0).
 *
 * A live, activated test realm is among the targets, so REC_ENTER really
 * runs it and DATA/RTT/REC commands meet real objects.  Checks: every call
 * returns a defined RMI status (or SMC_UNKNOWN for an unknown FID), the
 * RMM survives, and afterwards every granule the fuzzer could have given
 * the RMM comes back to NS (fuzz_scrub).  The realm test that runs after
 * this proves that the RMM still works.  Deterministic: a fixed seed.
 */
#include <abi/psci.h>
#include <rng.h>
#include <plat/layout.h>
#include <realm-host.h>

#define FUZZ_SEED	0x5EED0F2EA1F00DULL
#define FUZZ_CALLS	6000
#define FUZZ_GRANULES	40	/* extra pool granules, half delegated */

/*
 * A_VICTIM is a REC or RD that a destroy command gets: the live realm's only
 * rarely, so that it stays around for the commands that need it alive.
 */
enum arg_kind {
	A_NONE, A_RD, A_VICTIM, A_GRANULE, A_NS, A_IPA, A_LEVEL, A_REC, A_RUN, A_FLAGS,
	A_DESC, A_MECID, A_PARAMS, A_REC_PARAMS, A_STATUS, A_ANY,
};

struct fuzz_cmd {
	uint32_t fid;
	const char *name;
	uint8_t args[5];
};

static const struct fuzz_cmd cmds[] = {
	{ RMI_VERSION, "VERSION", { A_ANY } },
	{ RMI_FEATURES, "FEATURES", { A_ANY } },
	{ RMI_GRANULE_DELEGATE, "GRANULE_DELEGATE", { A_GRANULE } },
	{ RMI_GRANULE_UNDELEGATE, "GRANULE_UNDELEGATE", { A_GRANULE } },
	{ RMI_DATA_CREATE, "DATA_CREATE", { A_RD, A_GRANULE, A_IPA, A_NS, A_FLAGS } },
	{ RMI_DATA_CREATE_UNKNOWN, "DATA_CREATE_UNKNOWN", { A_RD, A_GRANULE, A_IPA } },
	{ RMI_DATA_DESTROY, "DATA_DESTROY", { A_RD, A_IPA } },
	{ RMI_REALM_ACTIVATE, "REALM_ACTIVATE", { A_RD } },
	{ RMI_REALM_CREATE, "REALM_CREATE", { A_GRANULE, A_PARAMS } },
	{ RMI_REALM_DESTROY, "REALM_DESTROY", { A_VICTIM } },
	{ RMI_REC_CREATE, "REC_CREATE", { A_RD, A_GRANULE, A_REC_PARAMS } },
	{ RMI_REC_DESTROY, "REC_DESTROY", { A_VICTIM } },
	{ RMI_REC_ENTER, "REC_ENTER", { A_REC, A_RUN } },
	{ RMI_RTT_CREATE, "RTT_CREATE", { A_RD, A_GRANULE, A_IPA, A_LEVEL } },
	{ RMI_RTT_DESTROY, "RTT_DESTROY", { A_RD, A_IPA, A_LEVEL } },
	{ RMI_RTT_MAP_UNPROTECTED, "RTT_MAP_UNPROTECTED", { A_RD, A_IPA, A_LEVEL, A_DESC } },
	{ RMI_RTT_READ_ENTRY, "RTT_READ_ENTRY", { A_RD, A_IPA, A_LEVEL } },
	{ RMI_RTT_UNMAP_UNPROTECTED, "RTT_UNMAP_UNPROTECTED", { A_RD, A_IPA, A_LEVEL } },
	{ RMI_PSCI_COMPLETE, "PSCI_COMPLETE", { A_REC, A_REC, A_STATUS } },
	{ RMI_RTT_FOLD, "RTT_FOLD", { A_RD, A_IPA, A_LEVEL } },
	{ RMI_REC_AUX_COUNT, "REC_AUX_COUNT", { A_RD } },
	{ RMI_RTT_INIT_RIPAS, "RTT_INIT_RIPAS", { A_RD, A_IPA, A_IPA } },
	{ RMI_RTT_SET_RIPAS, "RTT_SET_RIPAS", { A_RD, A_REC, A_IPA, A_IPA } },
	{ RMI_MEC_SET_SHARED, "MEC_SET_SHARED", { A_MECID } },
	{ RMI_MEC_SET_PRIVATE, "MEC_SET_PRIVATE", { A_MECID } },
	{ RMI_PDEV_CREATE, "PDEV_CREATE (1.1 DA)", { A_GRANULE, A_NS } },
	{ RMI_RTT_SET_S2AP, "RTT_SET_S2AP (1.1)", { A_RD, A_REC, A_IPA, A_IPA } },
	{ 0xC40001EE, "unallocated RMI FID", { A_ANY, A_ANY, A_ANY } },
};

/* IPAs: granule-aligned ones inside the realm's IPA space are scrubbed. */
static const uint64_t ipas[] = {
	TR_RAM_BASE, TR_RAM_BASE + 0x1000, TR_RAM_BASE + 0x5000, TR_SCRATCH_BASE,
	TR_RAM_TOP, TR_SHARED_IPA, TR_SHARED_IPA + 0x1000, 0, TR_UNPROTECTED, TR_MMIO_IPA,
	/* not scrubbed: unaligned or outside the 32-bit IPA space */
	TR_RAM_BASE + 8, 1UL << TR_IPA_BITS, ~0UL,
};
#define NR_SCRUB_IPAS	10

static const uint64_t mecids[] = { 0, 1, TR_MECID, 7, 65534, 65535, ~0UL };

#define NR_CMDS		(sizeof(cmds) / sizeof(cmds[0]))

static struct {
	unsigned int calls, successes;
} stats[NR_CMDS];
static struct test_realm realm;
static uint64_t granules[FUZZ_GRANULES];
/* RDs and RECs the fuzzer's own calls created: targets as good as the live realm's. */
static uint64_t made[16];
static unsigned int nr_made;
static uint64_t ns_page, params_page, rec_params_page;
static uint64_t rng = FUZZ_SEED;

static uint64_t rand64(void)
{
	return rng_next(&rng);
}

static uint64_t pick(const uint64_t *v, unsigned int n)
{
	return v[rand64() % n];
}

static uint64_t any_granule(void)
{
	uint64_t objs[] = { realm.rd, realm.rtt_root, realm.recs[0].pa, realm.recs[1].pa,
			    realm.rtts[0].pa, realm.data[0].pa, realm.recs[0].aux[0] };

	if (rand64() % 3 == 0)
		return pick(objs, sizeof(objs) / sizeof(objs[0]));
	return granules[rand64() % FUZZ_GRANULES];
}

static uint64_t made_or_any(void)
{
	if (nr_made && rand64() % 2)
		return made[rand64() % nr_made];
	return any_granule();
}

static uint64_t wild(void)
{
	static const uint64_t v[] = {
		0, 1, ~0UL, 1UL << 63, 1UL << 40, RMM_CARVEOUT_BASE, RMM_SHARED_PAGE,
		ROOT_SRAM_BASE, GPT_L0_BASE, DRAM_BASE + 0x800, 0xC0000000UL /* DRAM end */,
	};

	switch (rand64() % 4) {
	case 0:
		return any_granule() + 8 * (1 + rand64() % 511);	/* unaligned */
	case 1:
		return rand64();
	default:
		return pick(v, sizeof(v) / sizeof(v[0]));
	}
}

/* A realm params page: the live realm's, with one field made odd. */
static uint64_t mutate_realm_params(void)
{
	struct rmi_realm_params *p = (struct rmi_realm_params *)(uintptr_t)params_page;
	const struct rmi_realm_params *t = (const void *)(uintptr_t)realm.params;
	volatile uint8_t *b = (volatile uint8_t *)p;

	for (unsigned int i = 0; i < sizeof(*p) / 8; i++)
		((volatile uint64_t *)p)[i] = ((const volatile uint64_t *)t)[i];
	p->rtt_base = granules[rand64() % FUZZ_GRANULES];
	p->vmid = (uint16_t)(1 + rand64() % 4);
	p->mecid = (uint32_t)pick(mecids, sizeof(mecids) / sizeof(mecids[0]));
	switch (rand64() % 4) {
	case 0:
		b[rand64() % sizeof(*p)] = (uint8_t)rand64();	/* any byte, reserved ones too */
		break;
	case 1:
		p->s2sz = (uint32_t)(rand64() % 64);
		break;
	case 2:
		p->rtt_level_start = rand64() % 5 - 1;
		p->rtt_num_start = (uint32_t)(rand64() % 17);
		break;
	default:
		break;
	}
	return params_page;
}

static uint64_t mutate_rec_params(void)
{
	struct rmi_rec_params *p = (struct rmi_rec_params *)(uintptr_t)rec_params_page;

	for (unsigned int i = 0; i < sizeof(*p) / 8; i++)
		((volatile uint64_t *)p)[i] = 0;
	p->flags = rand64() % 4;
	p->mpidr = rand64() % 3 ? rand64() % 4 : rand64();
	p->pc = rand64() % 2 ? TR_RAM_BASE : wild();
	p->num_aux = rand64() % 4 ? realm.num_aux : rand64() % 20;
	for (unsigned int i = 0; i < RMI_REC_MAX_AUX; i++)
		p->aux[i] = granules[rand64() % FUZZ_GRANULES];
	return rec_params_page;
}

/* A run page of the live realm with random entry flags, GPRs and GIC state. */
static uint64_t mutate_run(void)
{
	unsigned int rec = rand64() % TR_NUM_RECS;
	struct rmi_rec_run *run = rec_run(&realm, rec);

	bool hostile_gic = rand64() % 2;

	run->enter.flags = rand64() % 4 ? 0 : rand64() & 0xFF;
	run->enter.gicv3_hcr = hostile_gic && rand64() % 2 ? rand64() : 0;
	for (unsigned int i = 0; i < RMI_REC_GIC_NUM_LRS; i++)
		run->enter.gicv3_lrs[i] = hostile_gic && rand64() % 8 == 0 ? rand64() : 0;
	for (unsigned int i = 0; i < RMI_REC_GPRS; i++)
		run->enter.gprs[i] = rand64();
	return realm.recs[rec].run;
}

static uint64_t arg(uint8_t kind)
{
	static const uint64_t flags[] = { 0, 1, 2, 3 };
	static const int64_t status[] = { PSCI_E_SUCCESS, PSCI_E_DENIED, PSCI_E_INVALID_ADDRESS,
					  PSCI_E_ALREADY_ON, PSCI_E_NOT_SUPPORTED };

	if (kind == A_NONE)
		return 0;
	if (kind == A_ANY || rand64() % 5 == 0)
		return wild();
	switch (kind) {
	case A_RD:
		return rand64() % 2 ? realm.rd : made_or_any();
	case A_VICTIM:
		if (rand64() % 64 == 0)
			return rand64() % 2 ? realm.rd : realm.recs[rand64() % TR_NUM_RECS].pa;
		return made_or_any();
	case A_GRANULE:
		return any_granule();
	case A_NS:
		return rand64() % 2 ? ns_page : (uint64_t)(uintptr_t)realm_blob;
	case A_IPA:
		return pick(ipas, sizeof(ipas) / sizeof(ipas[0]));
	case A_LEVEL:
		return (uint64_t)(int64_t)(rand64() % 6) - 1;
	case A_REC:
		return rand64() % 4 ? realm.recs[rand64() % TR_NUM_RECS].pa : made_or_any();
	case A_RUN:
		return mutate_run();
	case A_FLAGS:
		return pick(flags, 4);
	case A_DESC:
		return granules[rand64() % FUZZ_GRANULES] | (rand64() % 4 ? 0x6 << 2 : rand64() & 0xFFF);
	case A_MECID:
		return pick(mecids, sizeof(mecids) / sizeof(mecids[0]));
	case A_PARAMS:
		return mutate_realm_params();
	case A_REC_PARAMS:
		return mutate_rec_params();
	case A_STATUS:
		return (uint64_t)status[rand64() % 5];
	default:
		return rand64();
	}
}

/* A defined RMI status: status < RMI_STATUS_COUNT, index in bits [15:8], nothing above. */
static bool status_is_defined(uint64_t ret)
{
	return ret == SMC_UNKNOWN ||
	       (RMI_RETURN_STATUS(ret) < RMI_STATUS_COUNT && (ret >> 16) == 0);
}

static bool is_rd(uint64_t pa)
{
	return smc(RMI_REC_AUX_COUNT, pa, 0, 0).x0 == RMI_SUCCESS;
}

/* Everything mapped in one realm, leaf first; the realm last. */
static unsigned int scrub_realm(uint64_t rd)
{
	unsigned int n = 0;

	for (uint64_t ipa = TR_RAM_BASE; ipa < TR_RAM_TOP; ipa += GRANULE)
		n += smc(RMI_DATA_DESTROY, rd, ipa, 0).x0 == RMI_SUCCESS;
	for (unsigned int j = 0; j < NR_SCRUB_IPAS; j++) {
		n += smc(RMI_DATA_DESTROY, rd, ipas[j], 0).x0 == RMI_SUCCESS;
		for (int l = 3; l >= 1; l--)
			n += smc(RMI_RTT_UNMAP_UNPROTECTED, rd, ipas[j], (uint64_t)l).x0 ==
			     RMI_SUCCESS;
	}
	for (unsigned int i = 0; i < TR_SHARED_PAGES; i++)
		n += smc(RMI_RTT_UNMAP_UNPROTECTED, rd, TR_SHARED_IPA + i * GRANULE, 3).x0 ==
		     RMI_SUCCESS;
	for (int l = 3; l >= 1; l--)
		for (unsigned int j = 0; j < NR_SCRUB_IPAS; j++)
			n += smc(RMI_RTT_DESTROY, rd, ipas[j], (uint64_t)l).x0 == RMI_SUCCESS;
	return n + (smc(RMI_REALM_DESTROY, rd, 0, 0).x0 == RMI_SUCCESS);
}

/*
 * Destroy whatever the fuzzer may have created, with every granule of
 * the fuzz pool as a candidate REC and RD, until nothing more goes; then
 * undelegate the lot and make the MECIDs it played with private again.
 * Returns the number of objects destroyed.
 */
static unsigned int scrub(const uint64_t *cand, unsigned int n)
{
	unsigned int destroyed = 0, before;

	do {
		before = destroyed;
		for (unsigned int i = 0; i < n; i++)
			destroyed += smc(RMI_REC_DESTROY, cand[i], 0, 0).x0 == RMI_SUCCESS;
		for (unsigned int i = 0; i < n; i++)
			if (is_rd(cand[i]))
				destroyed += scrub_realm(cand[i]);
	} while (destroyed != before);
	for (unsigned int i = 0; i < n; i++)
		smc(RMI_GRANULE_UNDELEGATE, cand[i], 0, 0);
	for (unsigned int i = 0; i < sizeof(mecids) / sizeof(mecids[0]); i++)
		smc(RMI_MEC_SET_PRIVATE, mecids[i], 0, 0);
	return destroyed;
}

void realm_fuzz(uint64_t pool_base, uint64_t pool_top)
{
	unsigned int undefined = 0, destroyed, n = 0;
	uint64_t cand[FUZZ_GRANULES + 96], v;
	bool readable = true;

	pool_init(pool_base, pool_top);
	con_printf("# fuzz: %u RMI calls, seed 0x%lx, pool 0x%lx-0x%lx\n", FUZZ_CALLS,
		   (uint64_t)FUZZ_SEED, pool_base, pool_top - 1);
	if (!realm_build(&realm, TR_MODE_TEST) || !realm_activate(&realm)) {
		realm_teardown(&realm);
		return;
	}
	ns_page = pool_alloc();
	params_page = pool_alloc();
	rec_params_page = pool_alloc();
	for (unsigned int i = 0; i < FUZZ_GRANULES; i++) {
		granules[i] = i % 2 ? pool_alloc() : pool_delegate();
		if (!granules[i])
			return;
	}

	for (unsigned int i = 0; i < FUZZ_CALLS; i++) {
		unsigned int k = rand64() % NR_CMDS;
		const struct fuzz_cmd *c = &cmds[k];
		uint64_t a[5], ret;

		for (unsigned int j = 0; j < 5; j++)
			a[j] = arg(c->args[j]);
		ret = smc6(c->fid, a[0], a[1], a[2], a[3], a[4]).x0;
		stats[k].calls++;
		stats[k].successes += ret == RMI_SUCCESS;
		if (ret == RMI_SUCCESS && (c->fid == RMI_REALM_CREATE || c->fid == RMI_REC_CREATE) &&
		    nr_made < sizeof(made) / sizeof(made[0]))
			made[nr_made++] = c->fid == RMI_REALM_CREATE ? a[0] : a[1];
		if (!status_is_defined(ret) && undefined++ < 5)
			con_printf("# fuzz: RMI_%s(0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx) = 0x%lx\n",
				   c->name, a[0], a[1], a[2], a[3], a[4], ret);
	}
	for (unsigned int i = 0; i < NR_CMDS; i++)
		con_printf("# fuzz: RMI_%s: %u calls, %u succeeded\n", cmds[i].name, stats[i].calls,
			   stats[i].successes);
	ok(undefined == 0, "fuzz: %u RMI calls with hostile arguments, %u returned an undefined status",
	   FUZZ_CALLS, undefined);

	/* Every granule this pool handed out is a candidate. */
	for (uint64_t pa = pool_base; pa < pool_end() && n < sizeof(cand) / 8; pa += GRANULE)
		cand[n++] = pa;
	destroyed = scrub(cand, n);
	for (unsigned int i = 0; i < n; i++)
		readable &= !probe_read(cand[i], &v);
	ok(readable && smc(RMI_VERSION, RMI_ABI_VERSION_1_0, 0, 0).x0 == RMI_SUCCESS,
	   "fuzz: the RMM still answers, and after destroying %u objects all %u pool granules are NS again",
	   destroyed, n);
}
