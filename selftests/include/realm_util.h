/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for the kvm-realm selftests, in the spirit of KVM's libkvm:
 * __realm_ioctl() returns 0 or -errno for tests that expect failures; the
 * others abort the test with the ioctl's name when something goes wrong.
 */
#ifndef SELFTEST_REALM_UTIL_H
#define SELFTEST_REALM_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/ioctl.h>

#include <linux/kvm-realm.h>

#define REALM_DEV		"/dev/kvm-realm"
#define REALM_STATS		"/sys/kernel/debug/kvm-realm/stats"
#define REALM_GRANULE		4096UL
/* The layout realm-vmm uses too: RAM at 2 GiB, 40-bit IPA. */
#define REALM_TEST_IPA_BITS	40
#define REALM_TEST_RAM_BASE	0x80000000UL
#define REALM_TEST_RAM_SIZE	(2UL << 20)
#define REALM_UNPROTECTED(ipa)	((ipa) | (1UL << (REALM_TEST_IPA_BITS - 1)))

struct realm_stats {
	long delegated;
	long leaked;
	long realms;
	long recs;
	long mecids;
};

/* Returns 0 or -errno; never aborts. */
int __realm_ioctl(int fd, unsigned long cmd, void *arg);

int realm_dev_open(void);		/* -errno if the module is absent */
int realm_get_caps(int dev, struct kvm_realm_caps *caps);
int realm_create(int dev);		/* realm fd or -errno */
void realm_config_default(const struct kvm_realm_caps *caps, struct kvm_realm_config *cfg);
int realm_configure_default(int realm, const struct kvm_realm_caps *caps);
int realm_init_ripas(int realm, uint64_t base, uint64_t size);
int realm_populate(int realm, uint64_t base, uint64_t size, const void *src, uint32_t flags);
int realm_create_rec(int realm, uint64_t mpidr, uint64_t pc, bool runnable);
int realm_stats_read(struct realm_stats *stats);

#endif /* SELFTEST_REALM_UTIL_H */
