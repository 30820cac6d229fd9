// SPDX-License-Identifier: GPL-2.0-only
/*
 * kvm-realm: create and run Arm CCA realms through the RMM's RMI.
 *
 * Module load probes the RMM; without one the module refuses to load with
 * -ENODEV and says why.  With an RMM, /dev/kvm-realm is the entry point of
 * the UAPI in uapi/linux/kvm-realm.h.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include <abi/rmi.h>

#include "rmi.h"

static struct rmi_info kvm_realm_rmi;

static long kvm_realm_dev_ioctl(struct file *file, unsigned int cmd,
				unsigned long arg)
{
	return -ENOTTY;
}

static const struct file_operations kvm_realm_dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = kvm_realm_dev_ioctl,
	.compat_ioctl = kvm_realm_dev_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice kvm_realm_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kvm-realm",
	.fops = &kvm_realm_dev_fops,
	.mode = 0600,
};

static int __init kvm_realm_init(void)
{
	u64 f = 0;
	int ret;

	ret = rmi_probe(&kvm_realm_rmi);
	if (ret)
		return ret;

	f = kvm_realm_rmi.feat0;
	pr_info("RMM found: RMI %llu.%llu (RMM implements %llu.%llu..%llu.%llu), IPA width %llu, SHA-256 %llu, SHA-512 %llu\n",
		RMI_ABI_VERSION_MAJOR(kvm_realm_rmi.version),
		RMI_ABI_VERSION_MINOR(kvm_realm_rmi.version),
		RMI_ABI_VERSION_MAJOR(kvm_realm_rmi.lower),
		RMI_ABI_VERSION_MINOR(kvm_realm_rmi.lower),
		RMI_ABI_VERSION_MAJOR(kvm_realm_rmi.higher),
		RMI_ABI_VERSION_MINOR(kvm_realm_rmi.higher),
		RMI_FEAT0_GET(f, S2SZ), RMI_FEAT0_GET(f, HASH_SHA_256),
		RMI_FEAT0_GET(f, HASH_SHA_512));

	ret = misc_register(&kvm_realm_dev);
	if (ret)
		pr_err("cannot register /dev/kvm-realm: %d\n", ret);
	return ret;
}

static void __exit kvm_realm_exit(void)
{
	misc_deregister(&kvm_realm_dev);
}

module_init(kvm_realm_init);
module_exit(kvm_realm_exit);

MODULE_DESCRIPTION("Arm CCA realm host driver (RMI 1.0 + 1.1 additions)");
MODULE_LICENSE("GPL");
