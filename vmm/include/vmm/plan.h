/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_PLAN_H
#define VMM_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include <abi/rmi.h>
#include <linux/kvm-realm.h>

struct vmm_boot;
struct vmm_config;
struct vmm_err;

/*
 * Everything the VMM does to a realm that the RMM measures, in the order
 * it does it.  `run` executes a plan through the kvm-realm UAPI and
 * `measure` feeds the same plan to the RIM model, so the two cannot
 * disagree about order, addresses or bytes:
 *
 *   CONFIGURE, INIT_RIPAS over all RAM, POPULATE (measured) in ascending
 *   IPA order, CREATE_REC for every vCPU (only REC 0 runnable).
 */
enum plan_step_kind {
	PLAN_INIT_RIPAS,
	PLAN_POPULATE,
	PLAN_CREATE_REC,
};

struct plan_step {
	enum plan_step_kind kind;
	const char *what;		/* "kernel", "initrd", "dtb", "ram", "rec" */
	uint64_t ipa;			/* base IPA (REC: unused) */
	uint64_t size;			/* bytes, granule multiple (REC: unused) */
	const void *data;		/* POPULATE: size bytes, page aligned */
	bool measure;			/* POPULATE: KVM_REALM_POPULATE_MEASURE */
	uint64_t mpidr;			/* CREATE_REC */
	uint64_t pc;			/* CREATE_REC */
	uint64_t gprs[8];		/* CREATE_REC */
	bool runnable;			/* CREATE_REC */
};

#define PLAN_MAX_STEPS	(8 + 64)

struct realm_plan {
	struct kvm_realm_config config;	/* what KVM_REALM_CONFIGURE gets */
	struct rmi_realm_params params;	/* the fields the RMM measures from it */
	unsigned int nr_steps;
	struct plan_step steps[PLAN_MAX_STEPS];
	void *images;			/* one page-aligned buffer behind .data */
	uint64_t images_size;
};

/*
 * Read the kernel and initrd, build the DTB, and lay out the steps.
 * Returns 0 or -errno with one line in @err.  realm_plan__exit() frees.
 */
int realm_plan__build(const struct vmm_config *cfg, const struct vmm_boot *boot,
		      struct realm_plan *plan, struct vmm_err *err);
void realm_plan__exit(struct realm_plan *plan);

/*
 * The RmiRealmParams fields kvm-realm.ko derives from a kvm_realm_config
 * (Documentation/virt/kvm-realm/api.rst): counts become "minus one"
 * encodings.  @bps_max/@wps_max stand for "0 = the RMM's maximum".
 */
int realm_plan__params(const struct kvm_realm_config *cfg, unsigned int bps_max,
		       unsigned int wps_max, struct rmi_realm_params *params);

#endif /* VMM_PLAN_H */
