// SPDX-License-Identifier: GPL-2.0-only
/*
 * The realm plan: every measured operation, in order (see vmm/plan.h).
 * Images are read into one page-aligned buffer, each zero-padded to whole
 * granules, because POPULATE and the RIM both work on 4 KiB granules.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libfdt.h>

#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/fdt.h"
#include "vmm/plan.h"
#include "vmm/util.h"

/* The architectural minimum: every CPU has them, so the RIM never depends on the host. */
#define PLAN_NUM_BPS	2
#define PLAN_NUM_WPS	2

int realm_plan__params(const struct kvm_realm_config *cfg, unsigned int bps_max,
		       unsigned int wps_max, struct rmi_realm_params *params)
{
	unsigned int bps = cfg->num_bps ? cfg->num_bps : bps_max;
	unsigned int wps = cfg->num_wps ? cfg->num_wps : wps_max;

	if (!bps || !wps)
		return -EINVAL;
	memset(params, 0, sizeof(*params));
	params->flags0 = (cfg->flags & KVM_REALM_CONFIG_LPA2 ? RMI_REALM_FLAGS0_LPA2 : 0) |
			 (cfg->flags & KVM_REALM_CONFIG_SVE ? RMI_REALM_FLAGS0_SVE : 0) |
			 (cfg->flags & KVM_REALM_CONFIG_PMU ? RMI_REALM_FLAGS0_PMU : 0);
	params->s2sz = cfg->ipa_bits;
	params->sve_vl = cfg->sve_vq ? cfg->sve_vq - 1 : 0;
	params->num_bps = bps - 1;
	params->num_wps = wps - 1;
	params->pmu_num_ctrs = cfg->pmu_num_ctrs;
	params->hash_algo = cfg->hash_algo == KVM_REALM_MEASURE_SHA512 ?
			    RMI_HASH_SHA_512 : RMI_HASH_SHA_256;
	memcpy(params->rpv, cfg->rpv, sizeof(params->rpv));
	return 0;
}

static void plan__config(const struct vmm_config *cfg, struct kvm_realm_config *rc)
{
	memset(rc, 0, sizeof(*rc));
	rc->ipa_bits = cfg->ipa_bits;
	rc->hash_algo = cfg->hash_algo;
	rc->num_bps = PLAN_NUM_BPS;
	rc->num_wps = PLAN_NUM_WPS;
	rc->mec_policy = cfg->mec_policy;
	rc->mecid = cfg->mec_policy == KVM_REALM_MEC_PRIVATE ? cfg->mecid : 0;
	if (cfg->sve_vq) {
		rc->flags |= KVM_REALM_CONFIG_SVE;
		rc->sve_vq = cfg->sve_vq;
	}
	memcpy(rc->rpv, cfg->rpv, sizeof(rc->rpv));
}

static int plan__read_file(const char *opt, const char *path, void *buf, uint64_t size,
			   struct vmm_err *err)
{
	uint64_t done = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return vmm_err__set(err, errno, "--%s %s: %s", opt, path, strerror(errno));
	while (done < size) {
		n = read(fd, (char *)buf + done, size - done);
		if (n <= 0) {
			int e = n < 0 ? errno : EIO;

			close(fd);
			return vmm_err__set(err, e, "--%s %s: %s", opt, path,
					    n < 0 ? strerror(e) : "file shrank while reading");
		}
		done += (uint64_t)n;
	}
	close(fd);
	return 0;
}

static struct plan_step *plan__add(struct realm_plan *plan, enum plan_step_kind kind,
				   const char *what)
{
	struct plan_step *s = &plan->steps[plan->nr_steps++];

	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->what = what;
	return s;
}

static void plan__populate(struct realm_plan *plan, const char *what, uint64_t ipa,
			   const void *data, uint64_t size)
{
	struct plan_step *s = plan__add(plan, PLAN_POPULATE, what);

	s->ipa = ipa;
	s->size = size;
	s->data = data;
	s->measure = true;
}

int realm_plan__build(const struct vmm_config *cfg, const struct vmm_boot *boot,
		      struct realm_plan *plan, struct vmm_err *err)
{
	const struct vmm_layout *l = &boot->layout;
	uint64_t kernel_sz = ALIGN_UP(boot->kernel.file_size, SZ_4K);
	uint64_t initrd_sz = ALIGN_UP(boot->initrd_size, SZ_4K);
	uint64_t dtb_room = ALIGN_UP(l->dtb_max_size, SZ_4K);
	uint8_t *kernel, *initrd, *dtb;
	struct plan_step *s;
	unsigned int i;
	int ret;

	memset(plan, 0, sizeof(*plan));
	if (l->nr_cpus + 4 > PLAN_MAX_STEPS)
		return vmm_err__set(err, EINVAL, "--cpus %u: too many for one realm plan", l->nr_cpus);
	plan__config(cfg, &plan->config);
	ret = realm_plan__params(&plan->config, 0, 0, &plan->params);
	if (ret)
		return vmm_err__set(err, -ret, "internal: breakpoint counts unset");

	plan->images_size = kernel_sz + initrd_sz + dtb_room;
	plan->images = aligned_alloc(SZ_4K, plan->images_size);
	if (!plan->images)
		return vmm_err__set(err, ENOMEM, "cannot allocate %llu bytes for the images",
				    (unsigned long long)plan->images_size);
	memset(plan->images, 0, plan->images_size);
	kernel = plan->images;
	initrd = kernel + kernel_sz;
	dtb = initrd + initrd_sz;

	ret = plan__read_file("kernel", cfg->kernel_path, kernel, boot->kernel.file_size, err);
	if (!ret && boot->initrd_size)
		ret = plan__read_file("initrd", cfg->initrd_path, initrd, boot->initrd_size, err);
	if (!ret)
		ret = vmm_fdt__build(cfg, boot, dtb, dtb_room, err);
	if (ret) {
		realm_plan__exit(plan);
		return ret;
	}

	/* Realm VM spec order: RIPAS over all RAM, images by IPA, then RECs. */
	s = plan__add(plan, PLAN_INIT_RIPAS, "ram");
	s->ipa = l->ram_base;
	s->size = l->ram_size;
	plan__populate(plan, "kernel", l->kernel_entry, kernel, kernel_sz);
	if (boot->initrd_size)
		plan__populate(plan, "initrd", l->initrd_base, initrd, initrd_sz);
	plan__populate(plan, "dtb", l->dtb_base, dtb,
		       ALIGN_UP(fdt_totalsize(dtb), SZ_4K));

	for (i = 0; i < l->nr_cpus; i++) {
		s = plan__add(plan, PLAN_CREATE_REC, "rec");
		s->mpidr = vmm_cpu__mpidr(i);
		/* Only REC 0 starts; the others wait for the guest's PSCI CPU_ON. */
		s->runnable = i == 0;
		if (s->runnable) {
			s->pc = l->kernel_entry;
			s->gprs[0] = l->dtb_base;	/* booting.rst: x0 = DTB */
		}
	}
	return 0;
}

void realm_plan__exit(struct realm_plan *plan)
{
	free(plan->images);
	plan->images = NULL;
}
