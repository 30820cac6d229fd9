// SPDX-License-Identifier: GPL-2.0-only
/*
 * The realm fd: one realm descriptor (RD) in the RMM and everything it owns.
 *
 * UNCONFIGURED --CONFIGURE--> NEW --ACTIVATE--> ACTIVE --realm PSCI off--> SYSTEM_OFF
 *
 * Closing the last reference tears the realm down: DATA granules, shared
 * pages, RTTs leaf first, then the RD and its starting-level RTTs, each
 * granule undelegated and freed (or leaked and counted).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/sysreg.h>

#include <uapi/linux/kvm-realm.h>

#include "kvm-realm.h"

static DEFINE_IDA(realm_vmids);

static unsigned int realm_vmid_bits(void)
{
	u64 mmfr1 = read_sysreg(id_aa64mmfr1_el1);

	/* ID_AA64MMFR1_EL1.VMIDBits: 0b0010 means 16-bit VMIDs. */
	return ((mmfr1 >> 4) & 0xf) == 2 ? 16 : 8;
}

/*
 * Stage-2 geometry for 4 KiB granules: as few levels as possible, using up
 * to 16 concatenated tables at the starting level (Arm ARM D8.2.6).
 */
static void realm_s2_geometry(unsigned int ipa_bits, int *start_level,
			      unsigned int *num_start)
{
	unsigned int levels = (ipa_bits - 8) / 9;
	unsigned int covered = 12 + 9 * levels;

	*start_level = 4 - (int)levels;
	*num_start = ipa_bits > covered ? 1U << (ipa_bits - covered) : 1;
}

/* Check the configuration against what the RMM reported; fill the params. */
static int realm_config_to_params(const struct kvm_realm_config *cfg,
				  struct rmi_realm_params *params)
{
	u64 f = realm_rmi.feat0;
	unsigned int max_ipa = RMI_FEAT0_GET(f, S2SZ);
	unsigned int bps_max = RMI_FEAT0_GET(f, NUM_BPS) + 1;
	unsigned int wps_max = RMI_FEAT0_GET(f, NUM_WPS) + 1;

	if (cfg->flags & ~KVM_REALM_CONFIG_FLAGS ||
	    !mem_is_zero(cfg->reserved, sizeof(cfg->reserved)))
		return -EINVAL;
	if (cfg->hash_algo > KVM_REALM_MEASURE_SHA512 ||
	    cfg->mec_policy > KVM_REALM_MEC_PRIVATE_AUTO)
		return -EINVAL;
	if (cfg->mec_policy != KVM_REALM_MEC_PRIVATE && cfg->mecid)
		return -EINVAL;
	if (!(cfg->flags & KVM_REALM_CONFIG_SVE) && cfg->sve_vq)
		return -EINVAL;
	if (!(cfg->flags & KVM_REALM_CONFIG_PMU) && cfg->pmu_num_ctrs)
		return -EINVAL;
	if (cfg->num_bps == 1 || cfg->num_wps == 1)
		return -EINVAL;

	if (cfg->flags & KVM_REALM_CONFIG_LPA2) {
		if (!RMI_FEAT0_GET(f, LPA2))
			return -EOPNOTSUPP;
	} else if (max_ipa > RMI_RTT_MAX_IPA_WIDTH) {
		max_ipa = RMI_RTT_MAX_IPA_WIDTH;
	}
	if (cfg->ipa_bits < RMI_RTT_MIN_IPA_WIDTH || cfg->ipa_bits > max_ipa)
		return -EINVAL;
	if ((cfg->hash_algo == KVM_REALM_MEASURE_SHA256 && !RMI_FEAT0_GET(f, HASH_SHA_256)) ||
	    (cfg->hash_algo == KVM_REALM_MEASURE_SHA512 && !RMI_FEAT0_GET(f, HASH_SHA_512)))
		return -EOPNOTSUPP;
	if (cfg->flags & KVM_REALM_CONFIG_SVE) {
		if (!RMI_FEAT0_GET(f, SVE_EN))
			return -EOPNOTSUPP;
		if (!cfg->sve_vq || cfg->sve_vq > RMI_FEAT0_GET(f, SVE_VL) + 1)
			return -EINVAL;
	}
	if (cfg->flags & KVM_REALM_CONFIG_PMU) {
		if (!RMI_FEAT0_GET(f, PMU_EN))
			return -EOPNOTSUPP;
		if (cfg->pmu_num_ctrs > RMI_FEAT0_GET(f, PMU_NUM_CTRS))
			return -EINVAL;
	}
	if (cfg->num_bps > bps_max || cfg->num_wps > wps_max)
		return -EINVAL;
	/* Planes need the plane run loop, which this module does not drive yet. */
	if (cfg->num_aux_planes)
		return -EOPNOTSUPP;

	params->flags0 = (cfg->flags & KVM_REALM_CONFIG_LPA2 ? RMI_REALM_FLAGS0_LPA2 : 0) |
			 (cfg->flags & KVM_REALM_CONFIG_SVE ? RMI_REALM_FLAGS0_SVE : 0) |
			 (cfg->flags & KVM_REALM_CONFIG_PMU ? RMI_REALM_FLAGS0_PMU : 0);
	params->s2sz = cfg->ipa_bits;
	params->sve_vl = cfg->sve_vq ? cfg->sve_vq - 1 : 0;
	/* RealmParams counts breakpoints and watchpoints "minus one", as ID_AA64DFR0_EL1. */
	params->num_bps = (cfg->num_bps ? cfg->num_bps : bps_max) - 1;
	params->num_wps = (cfg->num_wps ? cfg->num_wps : wps_max) - 1;
	params->pmu_num_ctrs = cfg->pmu_num_ctrs;
	params->hash_algo = cfg->hash_algo == KVM_REALM_MEASURE_SHA512 ?
			    RMI_HASH_SHA_512 : RMI_HASH_SHA_256;
	memcpy(params->rpv, cfg->rpv, sizeof(params->rpv));
	return 0;
}

static void realm_free_rd(struct realm *realm)
{
	granule_undelegate_free_contig(realm->rtt_root, realm->rtt_num_start);
	granule_undelegate_free(realm->rd);
	realm->rd = 0;
}

static int realm_rmi_create(struct realm *realm, struct rmi_realm_params *params)
{
	struct page *params_page;
	u64 aux, ret;
	int err;

	err = granule_alloc_delegated(&realm->rd, GFP_KERNEL);
	if (err)
		return err;
	err = granule_alloc_delegated_contig(&realm->rtt_root, realm->rtt_num_start);
	if (err) {
		granule_undelegate_free(realm->rd);
		return err;
	}

	params->vmid = realm->vmid;
	params->rtt_base = realm->rtt_root;
	params->rtt_level_start = realm->rtt_level_start;
	params->rtt_num_start = realm->rtt_num_start;
	if (rmi_has_1_1(&realm_rmi))
		params->mecid = realm->mecid;

	params_page = alloc_page(GFP_KERNEL);
	if (!params_page) {
		err = -ENOMEM;
		goto err_free;
	}
	memcpy(page_address(params_page), params, sizeof(*params));
	ret = rmi_realm_create(realm->rd, page_to_phys(params_page));
	__free_page(params_page);
	if (ret != RMI_SUCCESS) {
		pr_info_ratelimited("RMI_REALM_CREATE refused the configuration: %s\n",
				    rmi_status_name(ret));
		err = RMI_RETURN_STATUS(ret) == RMI_ERROR_INPUT ? -EINVAL : -EIO;
		goto err_free;
	}

	ret = rmi_rec_aux_count(realm->rd, &aux);
	if (ret != RMI_SUCCESS || aux > RMI_REC_MAX_AUX) {
		WARN(1, "RMI_REC_AUX_COUNT: %s, %llu granules\n", rmi_status_name(ret), aux);
		if (rmi_realm_destroy(realm->rd) != RMI_SUCCESS) {
			atomic64_add(1 + realm->rtt_num_start, &realm_stats.leaked);
			return -EIO;
		}
		err = -EIO;
		goto err_free;
	}
	realm->rec_aux_count = aux;
	return 0;

err_free:
	realm_free_rd(realm);
	return err;
}

static long realm_ioctl_configure(struct realm *realm, void __user *uarg)
{
	struct rmi_realm_params *params;
	struct kvm_realm_config cfg;
	unsigned int vmid_max;
	int ret, vmid;

	if (copy_from_user(&cfg, uarg, sizeof(cfg)))
		return -EFAULT;
	if (realm->state != REALM_UNCONFIGURED)
		return -EBUSY;

	params = kzalloc_obj(*params);
	if (!params)
		return -ENOMEM;
	ret = realm_config_to_params(&cfg, params);
	if (ret)
		goto out;

	vmid_max = (1U << realm_vmid_bits()) - 1;
	vmid = ida_alloc_range(&realm_vmids, 1, vmid_max, GFP_KERNEL);
	if (vmid < 0) {
		ret = vmid == -ENOSPC ? -EBUSY : vmid;
		goto out;
	}
	realm->vmid = vmid;

	realm->mecid = cfg.mecid;
	ret = mec_reserve(cfg.mec_policy, &realm->mecid);
	if (ret)
		goto err_vmid;
	realm->mec_policy = cfg.mec_policy;

	realm->ipa_bits = cfg.ipa_bits;
	realm_s2_geometry(cfg.ipa_bits, &realm->rtt_level_start, &realm->rtt_num_start);
	ret = realm_rmi_create(realm, params);
	if (ret)
		goto err_mec;

	realm->state = REALM_NEW;
	cfg.mecid = realm->mecid;
	if (copy_to_user(uarg, &cfg, sizeof(cfg)))
		ret = -EFAULT;	/* the realm exists; only the report failed */
	goto out;

err_mec:
	mec_release(cfg.mec_policy, realm->mecid);
err_vmid:
	ida_free(&realm_vmids, realm->vmid);
	realm->vmid = 0;
out:
	kfree(params);
	return ret;
}

static long realm_ioctl_activate(struct realm *realm)
{
	u64 ret;

	if (realm->state != REALM_NEW)
		return -EBUSY;
	ret = rmi_realm_activate(realm->rd);
	if (WARN(ret != RMI_SUCCESS, "RMI_REALM_ACTIVATE: %s\n", rmi_status_name(ret)))
		return -EIO;
	realm->state = REALM_ACTIVE;
	return 0;
}

static long realm_ioctl_range(struct realm *realm, void __user *uarg)
{
	struct kvm_realm_range r;
	int ret;

	if (copy_from_user(&r, uarg, sizeof(r)))
		return -EFAULT;
	if (r.flags || r.reserved0 || !mem_is_zero(r.reserved, sizeof(r.reserved)))
		return -EINVAL;
	if (realm->state != REALM_NEW)
		return -EBUSY;
	ret = realm_init_ripas(realm, &r.base, &r.size);
	if (copy_to_user(uarg, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}

static long realm_ioctl_populate(struct realm *realm, void __user *uarg)
{
	struct kvm_realm_populate p;
	int ret;

	if (copy_from_user(&p, uarg, sizeof(p)))
		return -EFAULT;
	if (p.flags & ~KVM_REALM_POPULATE_MEASURE || p.reserved0 ||
	    !mem_is_zero(p.reserved, sizeof(p.reserved)))
		return -EINVAL;
	if (realm->state != REALM_NEW)
		return -EBUSY;
	ret = realm_populate(realm, &p.base, &p.size, &p.source_uaddr, p.flags);
	if (copy_to_user(uarg, &p, sizeof(p)))
		return -EFAULT;
	return ret;
}

static long realm_ioctl_shared(struct realm *realm, void __user *uarg, bool map)
{
	struct kvm_realm_shared_mem s;
	int ret;

	if (copy_from_user(&s, uarg, sizeof(s)))
		return -EFAULT;
	if (s.flags || s.reserved0 || !mem_is_zero(s.reserved, sizeof(s.reserved)))
		return -EINVAL;
	if (realm->state == REALM_UNCONFIGURED)
		return -EBUSY;
	if (current->mm != realm->mm)
		return -EPERM;
	if (map)
		ret = realm_map_shared(realm, &s.ipa, &s.size, &s.uaddr);
	else
		ret = realm_unmap_shared(realm, &s.ipa, &s.size);
	if (copy_to_user(uarg, &s, sizeof(s)))
		return -EFAULT;
	return ret;
}

static long realm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct realm *realm = file->private_data;
	void __user *uarg = (void __user *)arg;
	long ret;

	mutex_lock(&realm->lock);
	switch (cmd) {
	case KVM_REALM_CONFIGURE:
		ret = realm_ioctl_configure(realm, uarg);
		break;
	case KVM_REALM_INIT_RIPAS:
		ret = realm_ioctl_range(realm, uarg);
		break;
	case KVM_REALM_POPULATE:
		ret = realm_ioctl_populate(realm, uarg);
		break;
	case KVM_REALM_MAP_SHARED:
		ret = realm_ioctl_shared(realm, uarg, true);
		break;
	case KVM_REALM_UNMAP_SHARED:
		ret = realm_ioctl_shared(realm, uarg, false);
		break;
	case KVM_REALM_CREATE_REC:
		ret = rec_create_fd(realm, file, uarg);
		break;
	case KVM_REALM_ACTIVATE:
		ret = realm_ioctl_activate(realm);
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&realm->lock);
	return ret;
}

static void realm_destroy(struct realm *realm)
{
	u64 ret;

	if (realm->state != REALM_UNCONFIGURED) {
		realm_mmu_teardown(realm);
		ret = rmi_realm_destroy(realm->rd);
		if (WARN(ret != RMI_SUCCESS, "RMI_REALM_DESTROY: %s; leaking %u granules\n",
			 rmi_status_name(ret), 1 + realm->rtt_num_start))
			atomic64_add(1 + realm->rtt_num_start, &realm_stats.leaked);
		else
			realm_free_rd(realm);
		mec_release(realm->mec_policy, realm->mecid);
		ida_free(&realm_vmids, realm->vmid);
	}
	xa_destroy(&realm->recs);
	mmdrop(realm->mm);
	atomic_dec(&realm_stats.realms);
	kfree(realm);
}

static int realm_release(struct inode *inode, struct file *file)
{
	realm_destroy(file->private_data);
	return 0;
}

static const struct file_operations realm_fops = {
	.owner = THIS_MODULE,
	.release = realm_release,
	.unlocked_ioctl = realm_ioctl,
	.compat_ioctl = realm_ioctl,
	.llseek = noop_llseek,
};

int realm_create_fd(void)
{
	struct realm *realm;
	unsigned int i;
	int fd;

	realm = kzalloc_obj(*realm, GFP_KERNEL_ACCOUNT);
	if (!realm)
		return -ENOMEM;
	mutex_init(&realm->lock);
	mutex_init(&realm->mmu_lock);
	for (i = 0; i < ARRAY_SIZE(realm->rtts); i++)
		xa_init(&realm->rtts[i]);
	xa_init(&realm->data);
	xa_init(&realm->shared);
	xa_init(&realm->recs);
	realm->mm = current->mm;
	mmgrab(realm->mm);
	atomic_inc(&realm_stats.realms);

	fd = anon_inode_getfd("kvm-realm", &realm_fops, realm, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		realm_destroy(realm);
	return fd;
}
