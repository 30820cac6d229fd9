/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/* The scripted fake realm (realm-fake.h). */
#include <string.h>
#include "realm-fake.h"

struct fake_step fake_steps[FAKE_MAX_STEPS];
struct fake_seen fake_seen[FAKE_MAX_STEPS + 1];
unsigned int fake_nsteps, fake_cur;

static void fake_run(struct rec *rec, const struct rec_run_cfg *cfg,
		     struct rec_exception *exc, void *arg)
{
	unsigned int i = fake_cur;

	(void)cfg;
	(void)arg;
	if (i <= FAKE_MAX_STEPS) {
		memcpy(fake_seen[i].gprs, rec->gprs, sizeof(rec->gprs));
		fake_seen[i].pc = rec->pc;
		fake_seen[i].pstate = rec->pstate;
	}
	if (i >= fake_nsteps) {
		exc->kind = REC_EXC_IRQ;
		if (fake_cur <= FAKE_MAX_STEPS)
			fake_cur++;
		return;
	}
	for (unsigned int g = 0; g < fake_steps[i].nset; g++)
		rec->gprs[g] = fake_steps[i].gprs[g];
	if (fake_steps[i].hook != NULL)
		fake_steps[i].hook(rec);
	*exc = fake_steps[i].exc;
	fake_cur++;
}

void fake_reset(void)
{
	memset(fake_steps, 0, sizeof(fake_steps));
	memset(fake_seen, 0, sizeof(fake_seen));
	fake_nsteps = 0;
	fake_cur = 0;
	host_rec_run_set(fake_run, NULL);
}

struct fake_step *fake_exc(unsigned int kind, uint64_t esr, uint64_t far, uint64_t hpfar)
{
	struct fake_step *s;

	assert_true(fake_nsteps < FAKE_MAX_STEPS);
	s = &fake_steps[fake_nsteps++];
	s->exc.kind = kind;
	s->exc.esr = esr;
	s->exc.far = far;
	s->exc.hpfar = hpfar;
	return s;
}

struct fake_step *fake_smc(uint64_t fid, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t x4)
{
	struct fake_step *s = fake_exc(REC_EXC_SYNC, esr_of(ESR_EC_SMC64, 0), 0, 0);

	s->gprs[0] = fid;
	s->gprs[1] = x1;
	s->gprs[2] = x2;
	s->gprs[3] = x3;
	s->gprs[4] = x4;
	s->nset = 5;
	return s;
}

void run_realm_setup(struct run_realm *rr)
{
	memset(rr, 0, sizeof(*rr));
	test_vector_chain(&rr->r, RMI_HASH_SHA_256, "rec");
	/* test_vector_chain() created REC 0: find it. */
	for (uint64_t pa = HOST_DRAM_BASE; pa < HOST_DRAM_BASE + HOST_DRAM_SIZE; pa += GRANULE_SIZE)
		if (granule_state_at(pa) == GRANULE_STATE_REC && test_rec(pa)->rec_idx == 0)
			rr->rec0 = pa;
	assert_true(rr->rec0 != 0);
	rr->rec1 = test_rec_create(&rr->r, 1, false);
	assert_int_equal(RMI1(RMI_REALM_ACTIVATE, rr->r.rd).x[0], RMI_SUCCESS);
	rr->run = alloc_granule();
	fake_reset();
}

struct rmi_rec_run *run_page(const struct run_realm *rr)
{
	return host_pa_to_va(rr->run);
}

uint64_t rec_enter(const struct run_realm *rr, uint64_t rec_pa)
{
	return RMI2(RMI_REC_ENTER, rec_pa, rr->run).x[0];
}
