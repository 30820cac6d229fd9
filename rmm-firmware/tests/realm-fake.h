/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * A scripted fake realm for the REC_ENTER / RSI host tests: each
 * plat_rec_run() plays the next step (set some GPRs, take an exception)
 * and records the REC's registers as the step began (the results of the
 * previous one).  Past the last step the realm takes IRQs.
 */
#ifndef RMM_TEST_REALM_FAKE_H
#define RMM_TEST_REALM_FAKE_H

#include <rmm/rec-run.h>
#include "helpers.h"

#define FAKE_MAX_STEPS	8
#define FAKE_NUM_GPRS	11

struct fake_step {
	struct rec_exception exc;
	uint64_t gprs[FAKE_NUM_GPRS];	/* x0..x10 written when nset > i */
	unsigned int nset;
	void (*hook)(struct rec *rec);	/* called after gprs are set */
};

struct fake_seen {
	uint64_t gprs[REC_NUM_GPRS];
	uint64_t pc;
	uint64_t pstate;
};

extern struct fake_step fake_steps[FAKE_MAX_STEPS];
extern struct fake_seen fake_seen[FAKE_MAX_STEPS + 1];
extern unsigned int fake_nsteps, fake_cur;

/* Clear the script and install the fake. */
void fake_reset(void);
/* Append steps; each returns the step for further tweaks. */
struct fake_step *fake_smc(uint64_t fid, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t x4);
struct fake_step *fake_exc(unsigned int kind, uint64_t esr, uint64_t far, uint64_t hpfar);

/*
 * A realm ready to run: the reference-vector realm (RAM [0x80000000,
 * 0x80200000), DATA at 0x80000000 and 0x80001000), REC 0 runnable, REC 1
 * not, ACTIVE, and an NS RmiRecRun granule.
 */
struct run_realm {
	struct test_realm r;
	uint64_t rec0, rec1, run;
};
void run_realm_setup(struct run_realm *rr);
struct rmi_rec_run *run_page(const struct run_realm *rr);
uint64_t rec_enter(const struct run_realm *rr, uint64_t rec_pa);

#define RAM_BASE	0x80000000ULL
#define RAM_TOP		0x80200000ULL
#define RAM_DATA0	0x80000000ULL	/* ASSIGNED RAM, measured */
#define RAM_DATA1	0x80001000ULL	/* ASSIGNED RAM */
#define RAM_UNMAPPED	0x80002000ULL	/* RIPAS RAM, no granule */
#define IPA_EMPTY	0x80200000ULL	/* RIPAS EMPTY */
#define IPA_UNPROT	(1ULL << 39)	/* s2sz 40: first unprotected IPA */
#define REC_PC		0x80000000ULL

static inline uint64_t esr_of(unsigned int ec, uint64_t iss)
{
	return ((uint64_t)ec << ESR_EC_SHIFT) | ESR_IL | iss;
}
static inline uint64_t hpfar_of(uint64_t ipa)
{
	return (ipa >> 12) << 4;
}

#endif /* RMM_TEST_REALM_FAKE_H */
