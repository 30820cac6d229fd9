// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RMM under real concurrency (issue #4: "any RMI call may arrive on any
 * CPU at the same time as others, and RECs of one realm run on different
 * CPUs concurrently"), from the bare-metal host on two physical CPUs:
 *
 *   1. both CPUs create, read and destroy DATA granules in the same RTT of
 *      one realm at the same time (the RTT and granule locks), then create
 *      and destroy level-3 RTTs under the same level-2 RTT;
 *   2. REC1 runs on CPU 1 while CPU 0 creates and destroys RTTs and DATA
 *      next to the memory it uses, then REC0 runs on CPU 0 alongside it,
 *      both making RSI calls that take the RD lock or walk the RTTs, and
 *      host calls.
 *
 * CPU 1 comes up by PSCI CPU_ON from the monitor and runs one function at
 * a time from a mailbox.  With the MMU off every access is to Device
 * memory, uncached and in order; each mailbox word has a single writer, so
 * no atomics are needed.  CPU 1 never prints: its results go back through
 * its work item and CPU 0 reports them.
 */
#include <abi/psci.h>
#include <realm-host.h>

#define CHURN_PAGES	64
#define CHURN_ROUNDS	8
#define CPU1_MPIDR	1

struct mailbox {
	void (*fn)(void *arg);
	void *arg;
	uint64_t seq;		/* written by CPU 0 */
	uint64_t done;		/* written by CPU 1 */
	uint64_t up;		/* written by CPU 1 */
};

static volatile struct mailbox mbox;
static struct test_realm realm;

extern char secondary_start[];

static void dmb(void)
{
	__asm__ volatile("dmb sy" : : : "memory");
}

static void relax(void)
{
	__asm__ volatile("yield" : : : "memory");
}

void ns_secondary(uint64_t context)
{
	uint64_t seen = 0;

	(void)context;
	mbox.up = 1;
	for (;;) {
		while (mbox.seq == seen)
			relax();
		dmb();
		seen = mbox.seq;
		mbox.fn(mbox.arg);
		dmb();
		mbox.done = seen;
	}
}

static bool cpu1_up(void)
{
	int64_t ret = (int64_t)smc(PSCI_FID_CPU_ON_64, CPU1_MPIDR,
				   (uint64_t)(uintptr_t)secondary_start, 0).x0;

	for (unsigned long spins = 0; ret == PSCI_E_SUCCESS && !mbox.up && spins < 100000000UL;
	     spins++)
		relax();
	return ok(ret == PSCI_E_SUCCESS && mbox.up,
		  "smp: the host's CPU 1 is up (PSCI CPU_ON = %ld)", ret);
}

static void cpu1_start(void (*fn)(void *), void *arg)
{
	mbox.fn = fn;
	mbox.arg = arg;
	dmb();
	mbox.seq = mbox.seq + 1;
}

static void cpu1_wait(void)
{
	while (mbox.done != mbox.seq)
		relax();
	dmb();
}

/* ------------------------------------------------------------ 1. RMI */

struct churn {
	uint64_t rd, base;
	uint64_t pas[CHURN_PAGES];
	unsigned int ops, errors;
};

static void churn(void *arg)
{
	struct churn *c = arg;
	struct smc_ret s;

	for (unsigned int round = 0; round < CHURN_ROUNDS; round++) {
		for (unsigned int i = 0; i < CHURN_PAGES; i++)
			c->errors += smc(RMI_DATA_CREATE_UNKNOWN, c->rd, c->pas[i],
					 c->base + i * GRANULE).x0 != RMI_SUCCESS;
		/*
		 * DATA_DESTROY leaves RIPAS RAM as DESTROYED, and an ASSIGNED
		 * entry with RIPAS DESTROYED reads back without its PA.
		 */
		for (unsigned int i = 0; i < CHURN_PAGES; i++) {
			s = smc6(RMI_RTT_READ_ENTRY, c->rd, c->base + i * GRANULE, 3, 0, 0);
			c->errors += s.x0 != RMI_SUCCESS || s.x2 != RMI_ASSIGNED ||
				     s.x3 != (s.x4 == RMI_DESTROYED ? 0 : c->pas[i]) ||
				     s.x4 != (round ? RMI_DESTROYED : RMI_RAM);
		}
		for (unsigned int i = 0; i < CHURN_PAGES; i++) {
			s = smc(RMI_DATA_DESTROY, c->rd, c->base + i * GRANULE, 0);
			c->errors += s.x0 != RMI_SUCCESS || s.x1 != c->pas[i];
		}
		c->ops += 3 * CHURN_PAGES;
	}
}

static struct churn churns[2];

/*
 * RTTs created and destroyed under one shared level-2 RTT by both CPUs:
 * the parent's lock, the hand-over-hand walk and the refcounts, with DATA
 * in each new table before it goes again.
 */
#define RTT_CHURN_ROUNDS	32
#define RTT_CHURN_DATA		4

struct rtt_churn {
	uint64_t rd, base, rtt;
	uint64_t pas[RTT_CHURN_DATA];
	unsigned int ops, errors;
};

static void rtt_churn(void *arg)
{
	struct rtt_churn *c = arg;
	struct smc_ret s;

	for (unsigned int round = 0; round < RTT_CHURN_ROUNDS; round++) {
		c->errors += smc6(RMI_RTT_CREATE, c->rd, c->rtt, c->base, 3, 0).x0 != RMI_SUCCESS;
		for (unsigned int i = 0; i < RTT_CHURN_DATA; i++)
			c->errors += smc(RMI_DATA_CREATE_UNKNOWN, c->rd, c->pas[i],
					 c->base + i * GRANULE).x0 != RMI_SUCCESS;
		s = smc6(RMI_RTT_READ_ENTRY, c->rd, c->base, 2, 0, 0);
		c->errors += s.x0 != RMI_SUCCESS || s.x2 != RMI_TABLE || s.x3 != c->rtt;
		for (unsigned int i = 0; i < RTT_CHURN_DATA; i++) {
			s = smc(RMI_DATA_DESTROY, c->rd, c->base + i * GRANULE, 0);
			c->errors += s.x0 != RMI_SUCCESS || s.x1 != c->pas[i];
		}
		s = smc(RMI_RTT_DESTROY, c->rd, c->base, 3);
		c->errors += s.x0 != RMI_SUCCESS || s.x1 != c->rtt;
		c->ops += 3 + 2 * RTT_CHURN_DATA;
	}
}

static struct rtt_churn rtt_churns[2];

static void test_rtt_concurrency(struct test_realm *r)
{
	for (unsigned int cpu = 0; cpu < 2; cpu++) {
		struct rtt_churn *c = &rtt_churns[cpu];

		c->rd = r->rd;
		/* Two level-3 tables of the level-2 RTT that covers RAM. */
		c->base = TR_RAM_BASE + (2 + cpu) * 0x200000;
		c->rtt = pool_delegate();
		for (unsigned int i = 0; i < RTT_CHURN_DATA; i++)
			c->pas[i] = pool_delegate();
	}
	cpu1_start(rtt_churn, &rtt_churns[1]);
	rtt_churn(&rtt_churns[0]);
	cpu1_wait();
	ok(rtt_churns[0].errors + rtt_churns[1].errors == 0,
	   "smp: %u + %u RTT_CREATE / DATA / RTT_READ_ENTRY / RTT_DESTROY under one level-2 RTT from two CPUs at once, %u + %u wrong",
	   rtt_churns[0].ops, rtt_churns[1].ops, rtt_churns[0].errors, rtt_churns[1].errors);
}

static void rtt_churn_release(void)
{
	for (unsigned int cpu = 0; cpu < 2; cpu++) {
		if (rtt_churns[cpu].rtt)
			pool_undelegate(rtt_churns[cpu].rtt);
		for (unsigned int i = 0; i < RTT_CHURN_DATA; i++)
			if (rtt_churns[cpu].pas[i])
				pool_undelegate(rtt_churns[cpu].pas[i]);
	}
}

static void test_rmi_concurrency(struct test_realm *r)
{
	for (unsigned int cpu = 0; cpu < 2; cpu++) {
		churns[cpu].rd = r->rd;
		/* Both ranges in the one level-3 RTT at TR_RAM_BASE. */
		churns[cpu].base = TR_RAM_BASE + 0x100000 + cpu * CHURN_PAGES * GRANULE;
		for (unsigned int i = 0; i < CHURN_PAGES; i++)
			churns[cpu].pas[i] = pool_delegate();
	}
	cpu1_start(churn, &churns[1]);
	churn(&churns[0]);
	cpu1_wait();
	ok(churns[0].errors + churns[1].errors == 0,
	   "smp: %u + %u DATA_CREATE_UNKNOWN / RTT_READ_ENTRY / DATA_DESTROY on one RTT from two CPUs at once, %u + %u wrong",
	   churns[0].ops, churns[1].ops, churns[0].errors, churns[1].errors);
	for (unsigned int cpu = 0; cpu < 2; cpu++)
		for (unsigned int i = 0; i < CHURN_PAGES; i++)
			pool_undelegate(churns[cpu].pas[i]);
}

/* ------------------------------------------------------------ 2. RECs */

struct rec_loop {
	struct test_realm *r;
	unsigned int rec, rounds;
	enum tr_event last;
	uint64_t realm_rounds, realm_failures;
};

static void rec_loop(void *arg)
{
	struct rec_loop *l = arg;
	const struct rmi_rec_exit *e = &rec_run(l->r, l->rec)->exit;

	do {
		l->last = realm_run(l->r, l->rec);
		l->rounds += l->last == TR_EV_BENCH;
	} while (l->last == TR_EV_BENCH);
	l->realm_rounds = e->gprs[0];
	l->realm_failures = e->gprs[1];
}

static struct rec_loop loops[2];

/* Every page the realm can touch is populated first: no allocation on CPU 1. */
static bool populate_realm(struct test_realm *r)
{
	uint64_t image = (uint64_t)(realm_blob_end - realm_blob), ret;
	unsigned int n = 0;

	for (uint64_t ipa = TR_RAM_BASE + image; ipa < TR_RAM_BASE + TR_REALM_MAX_SIZE;
	     ipa += GRANULE, n++)
		if (!realm_data_create(r, ipa, 0, 0, &ret))
			return ok(false, "smp: RMI_DATA_CREATE_UNKNOWN(0x%lx) = 0x%lx", ipa, ret);
	return ok(true, "smp: populated the %u pages of the realm's .bss and stacks", n);
}

static void test_rec_concurrency(struct test_realm *r)
{
	/* REC0 alone first: it clears the realm's .bss before REC1 may start. */
	if (!ok(realm_run(r, 0) == TR_EV_BENCH, "smp: REC0 is up"))
		return;
	for (unsigned int i = 0; i < 2; i++)
		loops[i] = (struct rec_loop){ .r = r, .rec = i, .rounds = i == 0 };
	cpu1_start(rec_loop, &loops[1]);
	/* While REC1 runs and walks the RTTs, the host reshapes them next door. */
	rtt_churns[0].ops = rtt_churns[0].errors = 0;
	rtt_churn(&rtt_churns[0]);
	ok(rtt_churns[0].errors == 0,
	   "smp: %u RTT and DATA changes in the realm's level-2 RTT while REC1 runs on CPU 1, %u wrong",
	   rtt_churns[0].ops, rtt_churns[0].errors);
	rec_loop(&loops[0]);
	cpu1_wait();
	for (unsigned int i = 0; i < 2; i++)
		ok(loops[i].last == TR_EV_SMP_DONE && loops[i].rounds == TR_SMP_ROUNDS &&
		   loops[i].realm_rounds == TR_SMP_ROUNDS && loops[i].realm_failures == 0,
		   "smp: REC%u on CPU %u: %u host-call round trips, %lu RSI failures (MEASUREMENT_EXTEND, IPA_STATE_GET)",
		   i, i, loops[i].rounds, loops[i].realm_failures);
}

void realm_smp(uint64_t pool_base, uint64_t pool_top)
{
	pool_init(pool_base, pool_top);
	con_printf("# smp: two host CPUs, one realm, pool 0x%lx-0x%lx\n", pool_base, pool_top - 1);
	if (!cpu1_up())
		return;
	if (realm_build(&realm, TR_MODE_SMP)) {
		test_rmi_concurrency(&realm);
		test_rtt_concurrency(&realm);
		if (realm_activate(&realm) && populate_realm(&realm))
			test_rec_concurrency(&realm);
	}
	rtt_churn_release();
	realm_teardown(&realm);
}
