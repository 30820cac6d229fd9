/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ns-host's side of the bare-metal realm test: a minimal RMI host that
 * builds, runs and destroys one realm (the payload of ../realm-payload,
 * linked into this image), the way kvm-realm.ko does for Linux.
 */
#ifndef NS_HOST_REALM_H
#define NS_HOST_REALM_H

#include <ns-host.h>
#include <realm-test.h>
#include <rmm/measure.h>

#define TR_MAX_DATA	160	/* image + pages populated on demand */
#define TR_MAX_RTTS	8
#define TR_NUM_RECS	2
#define TR_MECID	5	/* a private MECID of our choice */

/* pool.c: NS granules from a free DRAM range, and every delegation. */
void pool_init(uint64_t base, uint64_t top);
uint64_t pool_alloc(void);		/* zeroed NS granule; 0 when exhausted */
uint64_t pool_delegate(void);		/* alloc + RMI_GRANULE_DELEGATE; 0 on failure */
bool pool_undelegate(uint64_t pa);	/* RMI_GRANULE_UNDELEGATE + ledger */
unsigned int pool_delegated(void);	/* still delegated (the ledger) */
unsigned int pool_delegations(void);	/* delegated in total */
uint64_t pool_end(void);		/* above the last granule handed out */
bool pool_all_ns_readable(void);	/* every granule ever delegated reads from NS */

struct tr_data {
	uint64_t ipa, pa;
};

struct tr_rtt {
	uint64_t ipa, pa;
	int level;
};

struct tr_rec {
	uint64_t pa, run;
	uint64_t aux[RMI_REC_MAX_AUX];
	uint64_t mpidr;
	bool created;
};

struct test_realm {
	unsigned int mode;		/* TR_MODE_* */
	uint64_t rd, rtt_root, params;
	bool created;
	struct tr_rtt rtts[TR_MAX_RTTS];
	unsigned int nr_rtts;
	struct tr_data data[TR_MAX_DATA];
	unsigned int nr_data, nr_image;
	uint64_t shared[TR_SHARED_PAGES];
	struct tr_rec recs[TR_NUM_RECS];
	unsigned int num_aux;
	uint64_t num_bps, num_wps;
	uint64_t sve_vq;		/* the realm's SVE VL in quadwords, 0: none */
	uint8_t rim[MEASURE_SIZE];	/* predicted before the realm exists */
	uint8_t rem1[MEASURE_SIZE];
	/* exit statistics */
	unsigned int exits, faults_populated, mmio_reads, mmio_writes, ripas_changes;
	unsigned int host_calls, psci_exits, irq_exits;
	bool token_seen;
};

enum tr_event {
	TR_EV_RUN_OTHERS,	/* REC0 asked the host to run the other RECs */
	TR_EV_CPU_OFF,
	TR_EV_SYSTEM_OFF,
	TR_EV_BENCH,		/* one benchmark host call */
	TR_EV_SMP_DONE,		/* TR_MODE_SMP: this REC finished its rounds */
	TR_EV_ERROR,		/* already reported as a failed check */
};

/* The realm image (realm-blob.S). */
extern const uint8_t realm_blob[], realm_blob_end[];

/*
 * realm-build.c: up to the RECs; realm-test.c activates.  realm_data_create()
 * delegates a granule and makes it DATA at @ipa, from NS @src (measured if
 * @flags says so), or of unknown content when @src is 0; *ret is the RMI
 * status, ~0 when there was no granule to give.
 */
bool realm_build(struct test_realm *r, unsigned int mode);
bool realm_activate(struct test_realm *r);
bool realm_data_create(struct test_realm *r, uint64_t ipa, uint64_t src, uint64_t flags,
		       uint64_t *ret);
void realm_predict(struct test_realm *r, const struct rmi_realm_params *p,
		   const struct rmi_rec_params *rec0);

/* sve.S: SVE untrapped at NS-EL2 with the longest VL; returns it in bytes. */
uint64_t sve_enable(void);

/* realm-run.c */
enum tr_event realm_run(struct test_realm *r, unsigned int rec);

/* realm-calls.c: one RMI_EXIT_HOST_CALL; returns true to re-enter. */
bool realm_host_call(struct test_realm *r, unsigned int rec, enum tr_event *ev);

/* realm-teardown.c */
void realm_teardown(struct test_realm *r);

/* realm-test.c, bench.c, fuzz.c */
void realm_test(uint64_t pool_base, uint64_t pool_top);
void realm_fuzz(uint64_t pool_base, uint64_t pool_top);
/* smp.c */
void realm_smp(uint64_t pool_base, uint64_t pool_top);
void ns_secondary(uint64_t context);
void realm_bench(uint64_t pool_base, uint64_t pool_top);

static inline struct rmi_rec_run *rec_run(const struct test_realm *r, unsigned int rec)
{
	return (struct rmi_rec_run *)(uintptr_t)r->recs[rec].run;
}

#endif /* NS_HOST_REALM_H */
