// SPDX-License-Identifier: GPL-2.0-only
/*
 * MEC policies end to end: kvm-realm.ko's MECID bookkeeping on top of the
 * RMM's (RMI 1.1 MEC_SET_SHARED / MEC_SET_PRIVATE, RealmParams.mecid) and
 * the monitor's RMM_MEC_REFRESH.  Every test needs an RMM that reports
 * MEC (KVM_REALM_CAP_MEC); no realm ever runs here.
 *
 * Fixed private MECIDs are taken from the top of the range so that they
 * never collide with what PRIVATE_AUTO hands out (from 1 upwards).
 */
#include <errno.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "realm_util.h"

FIXTURE(mec) {
	int dev;
	struct kvm_realm_caps caps;
};

FIXTURE_SETUP(mec)
{
	self->dev = realm_dev_open();
	if (self->dev < 0)
		SKIP(return, "%s: %s (is kvm-realm.ko loaded?)", REALM_DEV, strerror(-self->dev));
	ASSERT_EQ(0, realm_get_caps(self->dev, &self->caps));
	if (!(self->caps.flags & KVM_REALM_CAP_MEC)) {
		close(self->dev);
		self->dev = -1;
		SKIP(return, "the RMM has no MEC");
	}
	ASSERT_GE(self->caps.mecid_max, 3U);
}

FIXTURE_TEARDOWN(mec)
{
	if (self->dev >= 0)
		close(self->dev);
}

/* A new realm configured with @policy / @mecid: its fd, or -errno. */
static int realm_with_mec(int dev, const struct kvm_realm_caps *caps, __u32 policy,
			  __u32 *mecid)
{
	struct kvm_realm_config cfg;
	int realm = realm_create(dev);
	int ret;

	if (realm < 0)
		return realm;
	realm_config_default(caps, &cfg);
	cfg.mec_policy = policy;
	cfg.mecid = policy == KVM_REALM_MEC_PRIVATE ? *mecid : 0;
	ret = __realm_ioctl(realm, KVM_REALM_CONFIGURE, &cfg);
	if (ret) {
		close(realm);
		return ret;
	}
	*mecid = cfg.mecid;
	return realm;
}

/* debugfs "mecids": MECIDs the module has in use; -1 if unreadable. */
static long mecids_in_use(void)
{
	struct realm_stats s;

	return realm_stats_read(&s) ? -1 : s.mecids;
}

TEST_F(mec, private_mecid_is_not_shared)
{
	__u32 id = self->caps.mecid_max, id2 = id;
	int a, b;

	a = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE, &id);
	ASSERT_LE(0, a);
	EXPECT_EQ(self->caps.mecid_max, id);
	b = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE, &id2);
	EXPECT_EQ(-EEXIST, b);
	if (b >= 0)
		close(b);
	close(a);
}

TEST_F(mec, private_auto_picks_distinct_mecids)
{
	__u32 id_a = 0, id_b = 0;
	int a, b;

	a = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE_AUTO, &id_a);
	ASSERT_LE(0, a);
	b = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE_AUTO, &id_b);
	ASSERT_LE(0, b);
	EXPECT_NE(id_a, id_b);
	/* Never the shared MECID 0, never beyond the RMM's maximum. */
	EXPECT_NE(0U, id_a);
	EXPECT_NE(0U, id_b);
	EXPECT_GE(self->caps.mecid_max, id_a);
	EXPECT_GE(self->caps.mecid_max, id_b);
	close(b);
	close(a);
}

/* Destroy releases the MECID in the RMM (and EL3 refreshes it): reusable. */
TEST_F(mec, mecid_reusable_after_destroy)
{
	__u32 id = self->caps.mecid_max - 1;
	int i, r;

	for (i = 0; i < 3; i++) {
		r = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE, &id);
		ASSERT_LE(0, r);
		EXPECT_EQ(self->caps.mecid_max - 1, id);
		close(r);
	}
}

TEST_F(mec, shared_realms_coexist)
{
	__u32 id_a = 0, id_b = 0, id_p = self->caps.mecid_max - 2;
	int a, b, p;

	a = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_a);
	ASSERT_LE(0, a);
	b = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_b);
	ASSERT_LE(0, b);
	EXPECT_EQ(id_a, id_b);
	/* A private realm next to them. */
	p = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE, &id_p);
	ASSERT_LE(0, p);
	EXPECT_NE(id_a, id_p);
	close(a);
	/* The shared MECID stays usable while a member is left. */
	a = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_a);
	ASSERT_LE(0, a);
	close(p);
	close(b);
	close(a);
	/* ... and again once all members have gone (SET_PRIVATE, SET_SHARED). */
	a = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_a);
	ASSERT_LE(0, a);
	close(a);
}

TEST_F(mec, debugfs_counts_mecids)
{
	__u32 id_s = 0, id_s2 = 0, id_p = self->caps.mecid_max - 3, id_auto = 0;
	long base = mecids_in_use();
	int s, s2, p, q;

	ASSERT_LE(0, base);
	s = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_s);
	ASSERT_LE(0, s);
	EXPECT_EQ(base + 1, mecids_in_use());
	/* The shared MECID counts once however many realms use it. */
	s2 = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_SHARED, &id_s2);
	ASSERT_LE(0, s2);
	EXPECT_EQ(base + 1, mecids_in_use());
	p = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE, &id_p);
	ASSERT_LE(0, p);
	q = realm_with_mec(self->dev, &self->caps, KVM_REALM_MEC_PRIVATE_AUTO, &id_auto);
	ASSERT_LE(0, q);
	EXPECT_EQ(base + 3, mecids_in_use());
	close(q);
	close(p);
	EXPECT_EQ(base + 1, mecids_in_use());
	close(s2);
	close(s);
	EXPECT_EQ(base, mecids_in_use());
}

TEST_HARNESS_MAIN
