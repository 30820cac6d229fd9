// SPDX-License-Identifier: GPL-2.0-only
/*
 * Realm lifecycle: build a realm the way a VMM does, tear it down by closing
 * its fds, and check in debugfs that every delegated granule came back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "realm_util.h"

#define RAM	REALM_TEST_RAM_BASE
#define G	REALM_GRANULE

static int open_dev_or_skip(struct __test_metadata *_metadata)
{
	int dev = realm_dev_open();

	if (dev < 0)
		SKIP(return -1, "no %s", REALM_DEV);
	return dev;
}

/* A NEW realm with RAM, a measured page and @nr_recs RECs; returns the realm fd. */
static int build_realm(struct __test_metadata *_metadata, int dev, int *recs, int nr_recs)
{
	struct kvm_realm_caps caps;
	void *page = aligned_alloc(G, G);
	int realm, i;

	ASSERT_NE(NULL, page);
	memset(page, 0xa5, G);
	ASSERT_EQ(0, realm_get_caps(dev, &caps));
	realm = realm_create(dev);
	ASSERT_LE(0, realm);
	ASSERT_EQ(0, realm_configure_default(realm, &caps));
	ASSERT_EQ(0, realm_init_ripas(realm, RAM, REALM_TEST_RAM_SIZE));
	ASSERT_EQ(0, realm_populate(realm, RAM, G, page, KVM_REALM_POPULATE_MEASURE));
	ASSERT_EQ(0, realm_populate(realm, RAM + G, G, page, 0));
	for (i = 0; i < nr_recs; i++) {
		recs[i] = realm_create_rec(realm, i, RAM, i == 0);
		ASSERT_LE(0, recs[i]);
	}
	free(page);
	return realm;
}

TEST(teardown_returns_every_granule)
{
	struct realm_stats before, during, after;
	int dev = open_dev_or_skip(_metadata);
	int recs[2], realm;

	if (dev < 0)
		return;
	ASSERT_EQ(0, realm_stats_read(&before));
	realm = build_realm(_metadata, dev, recs, 2);
	ASSERT_EQ(0, realm_stats_read(&during));
	/* RD + starting RTTs + 2 DATA + RTTs + 2 RECs and their aux granules */
	EXPECT_GE(during.delegated - before.delegated, 1 + 2 + 2);
	EXPECT_EQ(before.realms + 1, during.realms);
	EXPECT_EQ(before.recs + 2, during.recs);

	/* The REC fds keep the realm alive after its own fd is closed. */
	close(realm);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(during.realms, after.realms);
	close(recs[0]);
	close(recs[1]);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	EXPECT_EQ(before.realms, after.realms);
	EXPECT_EQ(before.recs, after.recs);
	close(dev);
}

TEST(activated_realm_tears_down_too)
{
	struct realm_stats before, after;
	int dev = open_dev_or_skip(_metadata);
	int rec, realm;

	if (dev < 0)
		return;
	ASSERT_EQ(0, realm_stats_read(&before));
	realm = build_realm(_metadata, dev, &rec, 1);
	ASSERT_EQ(0, __realm_ioctl(realm, KVM_REALM_ACTIVATE, NULL));
	close(rec);
	close(realm);
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	close(dev);
}

TEST(module_stays_while_a_realm_exists)
{
	int dev = open_dev_or_skip(_metadata);
	int realm;

	if (dev < 0)
		return;
	realm = realm_create(dev);
	ASSERT_LE(0, realm);
	close(dev);
	/* delete_module(O_NONBLOCK) refuses while the realm fd holds the module. */
	EXPECT_EQ(-1, syscall(__NR_delete_module, "kvm_realm", O_NONBLOCK));
	EXPECT_TRUE(errno == EWOULDBLOCK || errno == EBUSY);
	close(realm);
}

TEST(many_realms_in_sequence)
{
	struct realm_stats before, after;
	int dev = open_dev_or_skip(_metadata);
	int i, rec, realm;

	if (dev < 0)
		return;
	ASSERT_EQ(0, realm_stats_read(&before));
	/* More realms than one VMID generation would allow if VMIDs leaked. */
	for (i = 0; i < 300; i++) {
		realm = build_realm(_metadata, dev, &rec, 1);
		close(rec);
		close(realm);
	}
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	close(dev);
}

TEST_HARNESS_MAIN
