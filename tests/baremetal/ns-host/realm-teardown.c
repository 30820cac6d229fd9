// SPDX-License-Identifier: GPL-2.0-only
/*
 * Destroying the test realm and returning every granule: RECs, shared
 * mappings, DATA, RTTs leaf first, the realm itself, then an undelegate of
 * each granule the pool ledger still holds.  Also runs after a failed
 * build, so everything here copes with parts that were never created.
 */
#include <realm-host.h>

struct teardown_count {
	unsigned int done, failed;
};

static void count(struct teardown_count *c, uint64_t ret, const char *what, uint64_t arg)
{
	if (ret == RMI_SUCCESS) {
		c->done++;
		return;
	}
	c->failed++;
	con_printf("# teardown: %s(0x%lx) = 0x%lx\n", what, arg, ret);
}

static void destroy_recs(struct test_realm *r, struct teardown_count *c)
{
	for (unsigned int i = 0; i < TR_NUM_RECS; i++) {
		struct tr_rec *rec = &r->recs[i];

		if (rec->created)
			count(c, smc(RMI_REC_DESTROY, rec->pa, 0, 0).x0, "RMI_REC_DESTROY", rec->pa);
		if (rec->pa)
			pool_undelegate(rec->pa);
		for (unsigned int j = 0; j < r->num_aux; j++)
			if (rec->aux[j])
				pool_undelegate(rec->aux[j]);
	}
}

static void destroy_memory(struct test_realm *r, struct teardown_count *c)
{
	struct smc_ret s;

	for (unsigned int i = 0; i < TR_SHARED_PAGES && r->shared[i]; i++) {
		s = smc(RMI_RTT_UNMAP_UNPROTECTED, r->rd, TR_SHARED_IPA + i * GRANULE, 3);
		count(c, s.x0, "RMI_RTT_UNMAP_UNPROTECTED", TR_SHARED_IPA + i * GRANULE);
	}
	for (unsigned int i = 0; i < r->nr_data; i++) {
		s = smc(RMI_DATA_DESTROY, r->rd, r->data[i].ipa, 0);
		count(c, s.x0 == RMI_SUCCESS && s.x1 != r->data[i].pa ? ~0ULL : s.x0,
		      "RMI_DATA_DESTROY", r->data[i].ipa);
		pool_undelegate(r->data[i].pa);
	}
	/* Created parents first, so the reverse order is leaf first. */
	for (unsigned int i = r->nr_rtts; i-- > 0;) {
		const struct tr_rtt *t = &r->rtts[i];

		s = smc(RMI_RTT_DESTROY, r->rd, t->ipa, (uint64_t)t->level);
		count(c, s.x0 == RMI_SUCCESS && s.x1 != t->pa ? ~0ULL : s.x0, "RMI_RTT_DESTROY",
		      t->ipa);
		pool_undelegate(t->pa);
	}
}

void realm_teardown(struct test_realm *r)
{
	struct teardown_count c = { 0, 0 };
	unsigned int total = pool_delegations();

	if (r->created) {
		destroy_recs(r, &c);
		destroy_memory(r, &c);
		count(&c, smc(RMI_REALM_DESTROY, r->rd, 0, 0).x0, "RMI_REALM_DESTROY", r->rd);
	}
	if (r->rd)
		pool_undelegate(r->rd);
	if (r->rtt_root)
		pool_undelegate(r->rtt_root);
	ok(c.failed == 0, "teardown: %u destroy/unmap calls succeeded, %u failed", c.done, c.failed);
	ok(pool_delegated() == 0,
	   "every delegated granule was undelegated: %u delegated, %u left", total,
	   pool_delegated());
	ok(pool_all_ns_readable(), "all %u granules read from NS again without a GPF", total);
}
