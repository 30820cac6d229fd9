// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI conduit and version negotiation.
 *
 * RMI is always an SMC from Non-secure EL2 to the monitor, which forwards it
 * to the RMM; there is no HVC variant.  Before the first RMI call we make sure
 * that an SMC is safe at all: the kernel runs at EL2 and the firmware speaks
 * SMCCC >= 1.1 through SMC.  Without that an SMC could be UNDEFINED.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm-smccc.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/virt.h>

#include "rmi.h"

u64 rmi_call(u32 fid, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5, u64 out[4])
{
	struct arm_smccc_1_2_regs args = {
		.a0 = fid, .a1 = a1, .a2 = a2, .a3 = a3, .a4 = a4, .a5 = a5,
	};
	struct arm_smccc_1_2_regs res;

	arm_smccc_1_2_smc(&args, &res);
	if (out) {
		out[0] = res.a1;
		out[1] = res.a2;
		out[2] = res.a3;
		out[3] = res.a4;
	}
	return res.a0;
}

const char *rmi_status_name(u64 ret)
{
	static const char * const names[RMI_STATUS_COUNT] = {
		[RMI_SUCCESS] = "RMI_SUCCESS",
		[RMI_ERROR_INPUT] = "RMI_ERROR_INPUT",
		[RMI_ERROR_REALM] = "RMI_ERROR_REALM",
		[RMI_ERROR_REC] = "RMI_ERROR_REC",
		[RMI_ERROR_RTT] = "RMI_ERROR_RTT",
		[RMI_ERROR_NOT_SUPPORTED] = "RMI_ERROR_NOT_SUPPORTED",
		[RMI_ERROR_DEVICE] = "RMI_ERROR_DEVICE",
		[RMI_ERROR_RTT_AUX] = "RMI_ERROR_RTT_AUX",
	};

	if (ret == SMC_UNKNOWN)
		return "SMC_UNKNOWN";
	if (ret >> 16 || RMI_RETURN_STATUS(ret) >= RMI_STATUS_COUNT)
		return "an invalid RMI status";
	return names[RMI_RETURN_STATUS(ret)];
}

static bool rmi_conduit_usable(void)
{
	if (!is_kernel_in_hyp_mode()) {
		pr_err("no RMM: the kernel does not run at EL2, so it cannot issue RMI calls\n");
		return false;
	}
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC) {
		pr_err("no RMM: firmware offers no SMCCC 1.1 SMC conduit (SMCCC version 0x%x)\n",
		       arm_smccc_get_version());
		return false;
	}
	return true;
}

/*
 * RMI_VERSION(1.0): an RMM that implements 1.0 answers SUCCESS and tells us
 * the range it implements; SMC_UNKNOWN means there is no RMM behind the
 * monitor.  We speak 1.0 and use the 1.1 additions only when the RMM's upper
 * revision says they exist.
 */
int rmi_probe(struct rmi_info *info)
{
	u64 out[4];
	u64 ret;

	if (!rmi_conduit_usable())
		return -ENODEV;

	ret = rmi_call(RMI_VERSION, RMI_ABI_VERSION_1_0, 0, 0, 0, 0, out);
	if (ret == SMC_UNKNOWN) {
		pr_err("no RMM: RMI_VERSION returned SMC_UNKNOWN (the firmware has no Realm Management Monitor)\n");
		return -ENODEV;
	}
	if (ret != RMI_SUCCESS) {
		pr_err("RMM does not implement RMI 1.0: RMI_VERSION returned %s (0x%llx), RMM implements %llu.%llu..%llu.%llu\n",
		       rmi_status_name(ret), ret,
		       RMI_ABI_VERSION_MAJOR(out[0]), RMI_ABI_VERSION_MINOR(out[0]),
		       RMI_ABI_VERSION_MAJOR(out[1]), RMI_ABI_VERSION_MINOR(out[1]));
		return -ENODEV;
	}
	info->version = RMI_ABI_VERSION_1_0;
	info->lower = out[0];
	info->higher = out[1];

	ret = rmi_call(RMI_FEATURES, RMI_FEATURE_REGISTER_0, 0, 0, 0, 0, out);
	if (ret != RMI_SUCCESS) {
		pr_err("RMI_FEATURES(0) failed: %s (0x%llx)\n", rmi_status_name(ret), ret);
		return -ENODEV;
	}
	info->feat0 = out[0];

	/* Use the 1.1 additions (MEC, planes) only if the RMM implements them. */
	if (info->higher >= RMI_ABI_VERSION_1_1 &&
	    rmi_call(RMI_VERSION, RMI_ABI_VERSION_1_1, 0, 0, 0, 0, out) == RMI_SUCCESS) {
		info->version = RMI_ABI_VERSION_1_1;
		if (rmi_call(RMI_FEATURES, RMI_FEATURE_REGISTER_1_MAX_MECID,
			     0, 0, 0, 0, out) == RMI_SUCCESS)
			info->max_mecid = out[0];
	}
	return 0;
}
