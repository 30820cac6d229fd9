// SPDX-License-Identifier: GPL-2.0-only
/*
 * Creating a realm: open /dev/kvm-realm, check the platform can do what
 * the configuration asks, then execute the realm plan step by step
 * (CONFIGURE, INIT_RIPAS, POPULATE, CREATE_REC) and ACTIVATE.  The RIM the
 * RMM computes along the way is exactly what `realm-vmm measure` predicts
 * from the same plan.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vmm/guest-mem.h"
#include "vmm/layout.h"
#include "vmm/plan.h"
#include "vmm/realm.h"
#include "vmm/util.h"

#define REALM_DEV	"/dev/kvm-realm"

/* Range commands are restartable: repeat while a signal cut them short. */
static int realm__ioctl_range(int fd, unsigned long cmd, void *arg, const __u64 *size)
{
	int ret;

	do {
		ret = ioctl(fd, cmd, arg);
	} while (ret < 0 && errno == EINTR && *size);
	return ret < 0 ? -errno : 0;
}

static int realm__check_caps(const struct realm *realm, const struct realm_plan *plan,
			     struct vmm_err *err)
{
	const struct kvm_realm_caps *c = &realm->caps;
	const struct kvm_realm_config *cfg = &plan->config;

	if (cfg->ipa_bits > c->ipa_bits_max)
		return vmm_err__set(err, EINVAL, "--ipa-bits %u: the RMM allows at most %u",
				    cfg->ipa_bits, c->ipa_bits_max);
	if (!(c->hash_algos & (cfg->hash_algo == KVM_REALM_MEASURE_SHA512 ?
			       KVM_REALM_HASH_SHA512 : KVM_REALM_HASH_SHA256)))
		return vmm_err__set(err, EOPNOTSUPP, "--measurement-algo %s: the RMM does not offer it",
				    cfg->hash_algo == KVM_REALM_MEASURE_SHA512 ? "sha512" : "sha256");
	if (cfg->mec_policy != KVM_REALM_MEC_SHARED && !(c->flags & KVM_REALM_CAP_MEC))
		return vmm_err__set(err, EOPNOTSUPP, "--mec: the platform has no MEC (RMM without RMI 1.1 MEC)");
	if (cfg->mec_policy == KVM_REALM_MEC_PRIVATE && cfg->mecid > c->mecid_max)
		return vmm_err__set(err, ERANGE, "--mec %u: the platform's MECIDs end at %u",
				    cfg->mecid, c->mecid_max);
	if (realm->nr_cpus > c->max_recs)
		return vmm_err__set(err, EINVAL, "--cpus %u: the RMM allows %u RECs per realm",
				    realm->nr_cpus, c->max_recs);
	return 0;
}

static int realm__configure(struct realm *realm, const struct realm_plan *plan,
			    struct vmm_err *err)
{
	struct kvm_realm_create create = { 0 };

	realm->fd = ioctl(realm->dev_fd, KVM_REALM_CREATE, &create);
	if (realm->fd < 0)
		return vmm_err__set(err, errno, "KVM_REALM_CREATE: %s", strerror(errno));
	realm->config = plan->config;
	if (ioctl(realm->fd, KVM_REALM_CONFIGURE, &realm->config) < 0) {
		int e = errno;

		if (e == EEXIST)
			return vmm_err__set(err, e, "--mec %u: that MECID is in use by another realm",
					    plan->config.mecid);
		if (e == ENOSPC)
			return vmm_err__set(err, e, "--mec: no private MECID is free");
		return vmm_err__set(err, e, "KVM_REALM_CONFIGURE: %s", strerror(e));
	}
	return 0;
}

static int realm__step(struct realm *realm, const struct plan_step *s, unsigned int *rec,
		       struct vmm_err *err)
{
	struct kvm_realm_range range = { .base = s->ipa, .size = s->size };
	struct kvm_realm_populate pop = {
		.base = s->ipa, .size = s->size, .source_uaddr = (uintptr_t)s->data,
		.flags = s->measure ? KVM_REALM_POPULATE_MEASURE : 0,
	};
	struct kvm_realm_rec_create rc = { .mpidr = s->mpidr, .pc = s->pc };
	int ret;

	switch (s->kind) {
	case PLAN_INIT_RIPAS:
		ret = realm__ioctl_range(realm->fd, KVM_REALM_INIT_RIPAS, &range, &range.size);
		if (ret)
			return vmm_err__set(err, -ret, "KVM_REALM_INIT_RIPAS %s at 0x%llx: %s", s->what,
					    (unsigned long long)range.base, strerror(-ret));
		return 0;
	case PLAN_POPULATE:
		ret = realm__ioctl_range(realm->fd, KVM_REALM_POPULATE, &pop, &pop.size);
		if (ret)
			return vmm_err__set(err, -ret, "KVM_REALM_POPULATE %s at 0x%llx: %s", s->what,
					    (unsigned long long)pop.base, strerror(-ret));
		return 0;
	case PLAN_CREATE_REC:
		memcpy(rc.gprs, s->gprs, sizeof(rc.gprs));
		rc.flags = s->runnable ? KVM_REALM_REC_RUNNABLE : 0;
		ret = ioctl(realm->fd, KVM_REALM_CREATE_REC, &rc);
		if (ret < 0)
			return vmm_err__set(err, errno, "KVM_REALM_CREATE_REC %u: %s", *rec,
					    strerror(errno));
		realm->rec_fds[(*rec)++] = ret;
		return 0;
	}
	return vmm_err__set(err, EINVAL, "internal: unknown plan step %d", s->kind);
}

int realm__create(struct realm *realm, const struct realm_plan *plan,
		  const struct vmm_layout *layout, struct vmm_err *err)
{
	unsigned int i, rec = 0;
	int ret;

	memset(realm, 0, sizeof(*realm));
	realm->fd = -1;
	realm->layout = layout;
	realm->nr_cpus = layout->nr_cpus;
	for (i = 0; i < ARRAY_SIZE(realm->rec_fds); i++)
		realm->rec_fds[i] = -1;
	if (realm->nr_cpus > ARRAY_SIZE(realm->rec_fds))
		return vmm_err__set(err, EINVAL, "--cpus %u: at most %zu", realm->nr_cpus,
				    ARRAY_SIZE(realm->rec_fds));

	realm->dev_fd = open(REALM_DEV, O_RDWR | O_CLOEXEC);
	if (realm->dev_fd < 0)
		return vmm_err__set(err, errno, "%s: %s (is kvm-realm.ko loaded, and does the platform have an RMM?)",
				    REALM_DEV, strerror(errno));
	if (ioctl(realm->dev_fd, KVM_REALM_GET_CAPS, &realm->caps) < 0) {
		ret = vmm_err__set(err, errno, "KVM_REALM_GET_CAPS: %s", strerror(errno));
		goto fail;
	}
	ret = realm__check_caps(realm, plan, err);
	if (ret)
		goto fail;

	/* MAP_SHARED: pinned pages must not be copy-on-write. */
	realm->shared_ram = mmap(NULL, layout->ram_size, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (realm->shared_ram == MAP_FAILED) {
		realm->shared_ram = NULL;
		ret = vmm_err__set(err, errno, "cannot reserve %llu bytes for shared memory: %s",
				   (unsigned long long)layout->ram_size, strerror(errno));
		goto fail;
	}

	ret = realm__configure(realm, plan, err);
	for (i = 0; !ret && i < plan->nr_steps; i++)
		ret = realm__step(realm, &plan->steps[i], &rec, err);
	if (!ret && ioctl(realm->fd, KVM_REALM_ACTIVATE, NULL) < 0)
		ret = vmm_err__set(err, errno, "KVM_REALM_ACTIVATE: %s", strerror(errno));
	if (!ret)
		return 0;
fail:
	realm__destroy(realm);
	return ret;
}

void realm__destroy(struct realm *realm)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(realm->rec_fds); i++) {
		if (realm->rec_fds[i] >= 0)
			close(realm->rec_fds[i]);
		realm->rec_fds[i] = -1;
	}
	if (realm->fd >= 0)
		close(realm->fd);
	if (realm->dev_fd >= 0)
		close(realm->dev_fd);
	realm->fd = realm->dev_fd = -1;
	guest_mem__reset();
	/* Only after the realm is gone: kvm-realm.ko unpins the pages on close. */
	if (realm->shared_ram)
		munmap(realm->shared_ram, realm->layout->ram_size);
	realm->shared_ram = NULL;
}

int realm__ripas_change(struct realm *realm, uint64_t base, uint64_t top, uint8_t ripas)
{
	const struct vmm_layout *l = realm->layout;
	struct kvm_realm_shared_mem sm = { 0 };
	uint64_t alias = l->unprotected_bit;
	void *host;
	int ret;

	/* Only RAM can be shared: anything else the realm asks for is refused. */
	if (base >= top || base < l->ram_base || top > l->ram_base + l->ram_size ||
	    !IS_ALIGNED(base, SZ_4K) || !IS_ALIGNED(top, SZ_4K))
		return -EINVAL;
	host = realm->shared_ram + (base - l->ram_base);
	sm.ipa = base | alias;
	sm.size = top - base;
	sm.uaddr = (uintptr_t)host;

	if (ripas == RMI_EMPTY) {
		for (;;) {
			ret = realm__ioctl_range(realm->fd, KVM_REALM_MAP_SHARED, &sm, &sm.size);
			if (ret != -EEXIST || sm.size <= SZ_4K)
				break;
			/* A page that is already shared stays shared: go on after it. */
			sm.ipa += SZ_4K;
			sm.uaddr += SZ_4K;
			sm.size -= SZ_4K;
		}
		if (ret && ret != -EEXIST)
			return ret;
		/* Re-register the whole range, whatever parts were registered before. */
		ret = guest_mem__unregister_shared(base | alias, top - base);
		return ret ? ret : guest_mem__register_shared(base | alias, top - base, host);
	}
	ret = guest_mem__unregister_shared(base | alias, top - base);
	if (ret)
		return ret;
	ret = realm__ioctl_range(realm->fd, KVM_REALM_UNMAP_SHARED, &sm, &sm.size);
	/* Zero what the guest shared, so the next sharing starts clean. */
	if (!ret)
		madvise(host, top - base, MADV_REMOVE);
	return ret;
}
