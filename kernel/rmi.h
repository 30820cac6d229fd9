/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RMI calls from the host: thin wrappers around SMC that speak the RMM
 * specification 1.0-REL0 ABI from include/abi/rmi.h.
 */
#ifndef KVM_REALM_RMI_H
#define KVM_REALM_RMI_H

#include <linux/types.h>

/* What the RMM told us at probe time. */
struct rmi_info {
	u64 version;		/* negotiated RMI ABI version */
	u64 lower;		/* lowest revision the RMM implements */
	u64 higher;		/* highest revision the RMM implements */
	u64 feat0;		/* RmiFeatureRegister0 */
};

/* Raw call: x0 = fid, x1.. = args; returns x0, fills out[0..3] with x1..x4. */
u64 rmi_call(u32 fid, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5, u64 out[4]);

int rmi_probe(struct rmi_info *info);

#endif /* KVM_REALM_RMI_H */
