// SPDX-License-Identifier: GPL-2.0-only
/*
 * kvm-realm: create and run Arm CCA realms through the RMM's RMI.
 *
 * Module load probes the RMM; without one the module refuses to load with
 * -ENODEV and says why.  With an RMM, /dev/kvm-realm is the entry point of
 * the UAPI in uapi/linux/kvm-realm.h.  Every realm and REC fd holds a module
 * reference, so the module unloads only when no realm exists.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include <uapi/linux/kvm-realm.h>

#include "kvm-realm.h"

struct rmi_info realm_rmi;

static void realm_fill_caps(struct kvm_realm_caps *caps)
{
	u64 f = realm_rmi.feat0;

	memset(caps, 0, sizeof(*caps));
	caps->rmi_version = realm_rmi.version;
	caps->rmi_lower = realm_rmi.lower;
	caps->rmi_higher = realm_rmi.higher;
	caps->feat_reg0 = f;
	caps->ipa_bits_max = RMI_FEAT0_GET(f, S2SZ);
	if (RMI_FEAT0_GET(f, HASH_SHA_256))
		caps->hash_algos |= KVM_REALM_HASH_SHA256;
	if (RMI_FEAT0_GET(f, HASH_SHA_512))
		caps->hash_algos |= KVM_REALM_HASH_SHA512;
	if (RMI_FEAT0_GET(f, SVE_EN))
		caps->sve_vq_max = RMI_FEAT0_GET(f, SVE_VL) + 1;
	if (RMI_FEAT0_GET(f, PMU_EN))
		caps->pmu_num_ctrs = RMI_FEAT0_GET(f, PMU_NUM_CTRS);
	caps->num_bps = RMI_FEAT0_GET(f, NUM_BPS) + 1;
	caps->num_wps = RMI_FEAT0_GET(f, NUM_WPS) + 1;
	caps->gic_num_lrs = RMI_FEAT0_GET(f, GICV3_NUM_LRS) + 1;
	caps->max_recs = 1U << RMI_FEAT0_GET(f, MAX_RECS_ORDER);
	if (RMI_FEAT0_GET(f, LPA2))
		caps->flags |= KVM_REALM_CAP_LPA2;
	if (rmi_has_1_1(&realm_rmi)) {
		if (realm_rmi.max_mecid) {
			caps->flags |= KVM_REALM_CAP_MEC;
			caps->mecid_max = realm_rmi.max_mecid;
		}
		caps->num_aux_planes_max = RMI_FEAT0_GET(f, MAX_NUM_AUX_PLANES);
		if (caps->num_aux_planes_max)
			caps->flags |= KVM_REALM_CAP_PLANES;
		if (RMI_FEAT0_GET(f, DA_EN))
			caps->flags |= KVM_REALM_CAP_DA;
	}
}

static long realm_dev_create(void __user *uarg)
{
	struct kvm_realm_create args;

	if (copy_from_user(&args, uarg, sizeof(args)))
		return -EFAULT;
	if (args.flags || args.reserved0 || memchr_inv(args.reserved, 0, sizeof(args.reserved)))
		return -EINVAL;
	return realm_create_fd();
}

static long realm_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kvm_realm_caps caps;

	switch (cmd) {
	case KVM_REALM_GET_API_VERSION:
		return KVM_REALM_API_VERSION;
	case KVM_REALM_GET_CAPS:
		realm_fill_caps(&caps);
		return copy_to_user((void __user *)arg, &caps, sizeof(caps)) ? -EFAULT : 0;
	case KVM_REALM_CREATE:
		return realm_dev_create((void __user *)arg);
	}
	return -ENOTTY;
}

static const struct file_operations realm_dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = realm_dev_ioctl,
	.compat_ioctl = realm_dev_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice realm_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kvm-realm",
	.fops = &realm_dev_fops,
	.mode = 0600,
};

static int __init kvm_realm_init(void)
{
	u64 f;
	int ret;

	ret = rmi_probe(&realm_rmi);
	if (ret)
		return ret;

	f = realm_rmi.feat0;
	pr_info("RMM found: RMI %llu.%llu (RMM implements %llu.%llu..%llu.%llu), IPA width %llu, SHA-256 %llu, SHA-512 %llu, MECIDs 0..%llu\n",
		RMI_ABI_VERSION_MAJOR(realm_rmi.version),
		RMI_ABI_VERSION_MINOR(realm_rmi.version),
		RMI_ABI_VERSION_MAJOR(realm_rmi.lower),
		RMI_ABI_VERSION_MINOR(realm_rmi.lower),
		RMI_ABI_VERSION_MAJOR(realm_rmi.higher),
		RMI_ABI_VERSION_MINOR(realm_rmi.higher),
		RMI_FEAT0_GET(f, S2SZ), RMI_FEAT0_GET(f, HASH_SHA_256),
		RMI_FEAT0_GET(f, HASH_SHA_512), realm_rmi.max_mecid);

	realm_debugfs_init();
	ret = misc_register(&realm_dev);
	if (ret) {
		pr_err("cannot register /dev/kvm-realm: %d\n", ret);
		realm_debugfs_exit();
	}
	return ret;
}

static void __exit kvm_realm_exit(void)
{
	misc_deregister(&realm_dev);
	realm_debugfs_exit();
	mec_exit();
}

module_init(kvm_realm_init);
module_exit(kvm_realm_exit);

MODULE_DESCRIPTION("Arm CCA realm host driver (RMI 1.0 + 1.1 additions)");
MODULE_LICENSE("GPL");
