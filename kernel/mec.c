// SPDX-License-Identifier: GPL-2.0-only
/*
 * MECIDs (RMM 1.1, FEAT_MEC): which memory encryption context a realm uses.
 *
 * Realms with the SHARED policy all use one MECID, which the module marks
 * shared in the RMM (RMI_MEC_SET_SHARED) while at least one such realm
 * exists.  A PRIVATE MECID belongs to one realm; the RMM refuses to reuse it
 * until its destruction has been followed by an EL3 MEC refresh, which the
 * RMM requests itself.  The module only keeps track of what it handed out.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include <uapi/linux/kvm-realm.h>

#include "kvm-realm.h"

/* The MECID that SHARED realms use; 0 is the first the host may name. */
#define MEC_SHARED_ID	0

static DEFINE_MUTEX(mec_lock);
static unsigned long *mec_private;	/* bitmap of private MECIDs in use */
static unsigned int mec_shared_users;

static int mec_bitmap_get(void)
{
	if (mec_private)
		return 0;
	mec_private = bitmap_zalloc(realm_rmi.max_mecid + 1, GFP_KERNEL);
	return mec_private ? 0 : -ENOMEM;
}

static int mec_reserve_shared(u32 *mecid)
{
	u64 ret;

	if (mec_shared_users == 0 && rmi_has_1_1(&realm_rmi)) {
		ret = rmi_mec_set_shared(MEC_SHARED_ID);
		if (ret != RMI_SUCCESS) {
			pr_warn("RMI_MEC_SET_SHARED(%u) failed: %s\n", MEC_SHARED_ID,
				rmi_status_name(ret));
			return -EIO;
		}
	}
	mec_shared_users++;
	*mecid = MEC_SHARED_ID;
	return 0;
}

static int mec_reserve_private(u32 policy, u32 *mecid)
{
	unsigned long id;
	int ret;

	if (!rmi_has_1_1(&realm_rmi) || !realm_rmi.max_mecid)
		return -EOPNOTSUPP;
	ret = mec_bitmap_get();
	if (ret)
		return ret;

	if (policy == KVM_REALM_MEC_PRIVATE_AUTO) {
		/* Never hand out the shared MECID as a private one. */
		id = find_next_zero_bit(mec_private, realm_rmi.max_mecid + 1,
					MEC_SHARED_ID + 1);
		if (id > realm_rmi.max_mecid)
			return -ENOSPC;
	} else {
		id = *mecid;
		if (id > realm_rmi.max_mecid)
			return -ERANGE;
		if (id == MEC_SHARED_ID || test_bit(id, mec_private))
			return -EEXIST;
	}
	__set_bit(id, mec_private);
	*mecid = id;
	return 0;
}

int mec_reserve(u32 policy, u32 *mecid)
{
	int ret;

	mutex_lock(&mec_lock);
	if (policy == KVM_REALM_MEC_SHARED)
		ret = mec_reserve_shared(mecid);
	else
		ret = mec_reserve_private(policy, mecid);
	mutex_unlock(&mec_lock);
	return ret;
}

void mec_release(u32 policy, u32 mecid)
{
	u64 ret;

	mutex_lock(&mec_lock);
	if (policy != KVM_REALM_MEC_SHARED) {
		__clear_bit(mecid, mec_private);
	} else if (!WARN_ON(mec_shared_users == 0) && --mec_shared_users == 0 &&
		   rmi_has_1_1(&realm_rmi)) {
		ret = rmi_mec_set_private(MEC_SHARED_ID);
		if (ret != RMI_SUCCESS)
			pr_warn("RMI_MEC_SET_PRIVATE(%u) failed: %s\n", MEC_SHARED_ID,
				rmi_status_name(ret));
	}
	mutex_unlock(&mec_lock);
}

unsigned int mec_in_use(void)
{
	unsigned int n;

	mutex_lock(&mec_lock);
	n = mec_private ? bitmap_weight(mec_private, realm_rmi.max_mecid + 1) : 0;
	n += mec_shared_users ? 1 : 0;
	mutex_unlock(&mec_lock);
	return n;
}

void mec_exit(void)
{
	bitmap_free(mec_private);
	mec_private = NULL;
}
