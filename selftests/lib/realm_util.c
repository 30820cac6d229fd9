// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "realm_util.h"

int __realm_ioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) < 0 ? -errno : 0;
}

int realm_dev_open(void)
{
	int fd = open(REALM_DEV, O_RDWR | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int realm_get_caps(int dev, struct kvm_realm_caps *caps)
{
	return __realm_ioctl(dev, KVM_REALM_GET_CAPS, caps);
}

int realm_create(int dev)
{
	struct kvm_realm_create args = { 0 };
	int fd = ioctl(dev, KVM_REALM_CREATE, &args);

	return fd < 0 ? -errno : fd;
}

void realm_config_default(const struct kvm_realm_caps *caps, struct kvm_realm_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ipa_bits = REALM_TEST_IPA_BITS;
	cfg->hash_algo = caps->hash_algos & KVM_REALM_HASH_SHA256 ?
			 KVM_REALM_MEASURE_SHA256 : KVM_REALM_MEASURE_SHA512;
	cfg->mec_policy = KVM_REALM_MEC_SHARED;
}

int realm_configure_default(int realm, const struct kvm_realm_caps *caps)
{
	struct kvm_realm_config cfg;

	realm_config_default(caps, &cfg);
	return __realm_ioctl(realm, KVM_REALM_CONFIGURE, &cfg);
}

/* Restartable: repeat until the whole range is done. */
int realm_init_ripas(int realm, uint64_t base, uint64_t size)
{
	struct kvm_realm_range r = { .base = base, .size = size };
	int ret;

	do {
		ret = __realm_ioctl(realm, KVM_REALM_INIT_RIPAS, &r);
	} while (ret == -EINTR && r.size);
	return ret;
}

int realm_populate(int realm, uint64_t base, uint64_t size, const void *src, uint32_t flags)
{
	struct kvm_realm_populate p = {
		.base = base, .size = size, .source_uaddr = (uintptr_t)src, .flags = flags,
	};
	int ret;

	do {
		ret = __realm_ioctl(realm, KVM_REALM_POPULATE, &p);
	} while (ret == -EINTR && p.size);
	return ret;
}

int realm_create_rec(int realm, uint64_t mpidr, uint64_t pc, bool runnable)
{
	struct kvm_realm_rec_create args = {
		.mpidr = mpidr, .pc = pc, .flags = runnable ? KVM_REALM_REC_RUNNABLE : 0,
	};
	int fd = ioctl(realm, KVM_REALM_CREATE_REC, &args);

	return fd < 0 ? -errno : fd;
}

int realm_stats_read(struct realm_stats *stats)
{
	char key[32];
	long value;
	FILE *f = fopen(REALM_STATS, "r");

	if (!f)
		return -errno;
	memset(stats, 0, sizeof(*stats));
	while (fscanf(f, "%31s %ld", key, &value) == 2) {
		if (!strcmp(key, "delegated"))
			stats->delegated = value;
		else if (!strcmp(key, "leaked"))
			stats->leaked = value;
		else if (!strcmp(key, "realms"))
			stats->realms = value;
		else if (!strcmp(key, "recs"))
			stats->recs = value;
		else if (!strcmp(key, "mecids"))
			stats->mecids = value;
	}
	fclose(f);
	return 0;
}
