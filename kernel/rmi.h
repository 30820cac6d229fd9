/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RMI calls from the host: thin wrappers around SMC that speak the RMM
 * specification 1.0-REL0 ABI of include/abi/rmi.h.  Every wrapper returns
 * the raw x0 (status | index << 8); outputs go through pointers.
 */
#ifndef KVM_REALM_RMI_H
#define KVM_REALM_RMI_H

#include <linux/types.h>

#include <abi/rmi.h>

/* What the RMM told us at probe time. */
struct rmi_info {
	u64 version;		/* negotiated RMI ABI version */
	u64 lower;		/* lowest revision the RMM implements */
	u64 higher;		/* highest revision the RMM implements */
	u64 feat0;		/* RmiFeatureRegister0 */
	u64 max_mecid;		/* RMI_FEATURES(1), 1.1 only; 0 otherwise */
};

/* Raw call: x0 = fid, x1.. = args; returns x0, fills out[0..3] with x1..x4. */
u64 rmi_call(u32 fid, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5, u64 out[4]);

int rmi_probe(struct rmi_info *info);
const char *rmi_status_name(u64 ret);

static inline bool rmi_has_1_1(const struct rmi_info *info)
{
	return info->version >= RMI_ABI_VERSION_1_1;
}

static inline u64 rmi_granule_delegate(phys_addr_t pa)
{
	return rmi_call(RMI_GRANULE_DELEGATE, pa, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_granule_undelegate(phys_addr_t pa)
{
	return rmi_call(RMI_GRANULE_UNDELEGATE, pa, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_realm_create(phys_addr_t rd, phys_addr_t params)
{
	return rmi_call(RMI_REALM_CREATE, rd, params, 0, 0, 0, NULL);
}

static inline u64 rmi_realm_activate(phys_addr_t rd)
{
	return rmi_call(RMI_REALM_ACTIVATE, rd, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_realm_destroy(phys_addr_t rd)
{
	return rmi_call(RMI_REALM_DESTROY, rd, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_rec_aux_count(phys_addr_t rd, u64 *count)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_REC_AUX_COUNT, rd, 0, 0, 0, 0, out);

	*count = out[0];
	return ret;
}

static inline u64 rmi_rec_create(phys_addr_t rd, phys_addr_t rec, phys_addr_t params)
{
	return rmi_call(RMI_REC_CREATE, rd, rec, params, 0, 0, NULL);
}

static inline u64 rmi_rec_destroy(phys_addr_t rec)
{
	return rmi_call(RMI_REC_DESTROY, rec, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_rec_enter(phys_addr_t rec, phys_addr_t run)
{
	return rmi_call(RMI_REC_ENTER, rec, run, 0, 0, 0, NULL);
}

static inline u64 rmi_psci_complete(phys_addr_t calling, phys_addr_t target, u64 status)
{
	return rmi_call(RMI_PSCI_COMPLETE, calling, target, status, 0, 0, NULL);
}

static inline u64 rmi_rtt_create(phys_addr_t rd, phys_addr_t rtt, u64 ipa, int level)
{
	return rmi_call(RMI_RTT_CREATE, rd, rtt, ipa, (u64)level, 0, NULL);
}

/* On SUCCESS *rtt is the freed RTT; *top is valid on SUCCESS and ERROR_RTT. */
static inline u64 rmi_rtt_destroy(phys_addr_t rd, u64 ipa, int level,
				  phys_addr_t *rtt, u64 *top)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_RTT_DESTROY, rd, ipa, (u64)level, 0, 0, out);

	*rtt = out[0];
	*top = out[1];
	return ret;
}

static inline u64 rmi_data_create(phys_addr_t rd, phys_addr_t data, u64 ipa,
				  phys_addr_t src, u64 flags)
{
	return rmi_call(RMI_DATA_CREATE, rd, data, ipa, src, flags, NULL);
}

static inline u64 rmi_data_create_unknown(phys_addr_t rd, phys_addr_t data, u64 ipa)
{
	return rmi_call(RMI_DATA_CREATE_UNKNOWN, rd, data, ipa, 0, 0, NULL);
}

static inline u64 rmi_data_destroy(phys_addr_t rd, u64 ipa, phys_addr_t *data, u64 *top)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_DATA_DESTROY, rd, ipa, 0, 0, 0, out);

	*data = out[0];
	*top = out[1];
	return ret;
}

static inline u64 rmi_rtt_init_ripas(phys_addr_t rd, u64 base, u64 top, u64 *done)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_RTT_INIT_RIPAS, rd, base, top, 0, 0, out);

	*done = out[0];
	return ret;
}

static inline u64 rmi_rtt_set_ripas(phys_addr_t rd, phys_addr_t rec, u64 base,
				    u64 top, u64 *done)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_RTT_SET_RIPAS, rd, rec, base, top, 0, out);

	*done = out[0];
	return ret;
}

static inline u64 rmi_rtt_map_unprotected(phys_addr_t rd, u64 ipa, int level, u64 desc)
{
	return rmi_call(RMI_RTT_MAP_UNPROTECTED, rd, ipa, (u64)level, desc, 0, NULL);
}

static inline u64 rmi_rtt_unmap_unprotected(phys_addr_t rd, u64 ipa, int level, u64 *top)
{
	u64 out[4];
	u64 ret = rmi_call(RMI_RTT_UNMAP_UNPROTECTED, rd, ipa, (u64)level, 0, 0, out);

	*top = out[0];
	return ret;
}

static inline u64 rmi_mec_set_shared(u64 mecid)
{
	return rmi_call(RMI_MEC_SET_SHARED, mecid, 0, 0, 0, 0, NULL);
}

static inline u64 rmi_mec_set_private(u64 mecid)
{
	return rmi_call(RMI_MEC_SET_PRIVATE, mecid, 0, 0, 0, 0, NULL);
}

#endif /* KVM_REALM_RMI_H */
