/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_REALM_H
#define VMM_REALM_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/kvm-realm.h>

struct realm_plan;
struct vmm_err;
struct vmm_layout;

struct realm_cpu;

/*
 * A realm created through /dev/kvm-realm.  realm__create() executes a
 * realm plan (every measured step, in order) and activates the realm;
 * realm__destroy() closes every fd, which makes kvm-realm.ko give back
 * every granule.
 */
struct realm {
	int dev_fd;
	int fd;
	struct kvm_realm_caps caps;
	struct kvm_realm_config config;	/* as CONFIGURE returned it (mecid) */
	const struct vmm_layout *layout;
	unsigned int nr_cpus;
	int rec_fds[64];

	/* Host memory behind the unprotected alias of RAM, mapped on demand. */
	uint8_t *shared_ram;
};

/* Returns 0 or -errno with one line in @err; on failure nothing is left behind. */
int realm__create(struct realm *realm, const struct realm_plan *plan,
		  const struct vmm_layout *layout, struct vmm_err *err);
void realm__destroy(struct realm *realm);

/*
 * The realm asked for [base, top) to become @ripas (RSI_IPA_STATE_SET).
 * EMPTY: back the range's unprotected alias with host memory so the guest
 * can share it; RAM: take that back.  Returns 0 to accept, -errno to reject.
 */
int realm__ripas_change(struct realm *realm, uint64_t base, uint64_t top, uint8_t ripas);

#endif /* VMM_REALM_H */
