// SPDX-License-Identifier: GPL-2.0-only
/*
 * Several realms built and destroyed at once from several threads; the
 * granule count must come back exactly (and lockdep, where enabled, stays
 * quiet).
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "realm_util.h"

#define RAM		REALM_TEST_RAM_BASE
#define G		REALM_GRANULE
#define NR_THREADS	4
#define ROUNDS		20

struct worker {
	int dev;
	int failures;
};

static void *build_and_destroy(void *arg)
{
	struct worker *w = arg;
	struct kvm_realm_caps caps;
	void *page = aligned_alloc(G, G);
	int i, realm, rec0, rec1;

	if (!page || realm_get_caps(w->dev, &caps)) {
		w->failures++;
		return NULL;
	}
	memset(page, 0x3c, G);
	for (i = 0; i < ROUNDS; i++) {
		realm = realm_create(w->dev);
		if (realm < 0 || realm_configure_default(realm, &caps) ||
		    realm_init_ripas(realm, RAM, REALM_TEST_RAM_SIZE) ||
		    realm_populate(realm, RAM, 4 * G, page, KVM_REALM_POPULATE_MEASURE)) {
			w->failures++;
			if (realm >= 0)
				close(realm);
			continue;
		}
		rec0 = realm_create_rec(realm, 0, RAM, true);
		rec1 = realm_create_rec(realm, 1, RAM, false);
		if (rec0 < 0 || rec1 < 0 || __realm_ioctl(realm, KVM_REALM_ACTIVATE, NULL))
			w->failures++;
		if (rec1 >= 0)
			close(rec1);
		if (rec0 >= 0)
			close(rec0);
		close(realm);
	}
	free(page);
	return NULL;
}

TEST(parallel_realms)
{
	struct worker workers[NR_THREADS] = { 0 };
	pthread_t threads[NR_THREADS];
	struct realm_stats before, after;
	int dev = realm_dev_open();
	int i;

	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_stats_read(&before));
	for (i = 0; i < NR_THREADS; i++) {
		workers[i].dev = dev;
		ASSERT_EQ(0, pthread_create(&threads[i], NULL, build_and_destroy, &workers[i]));
	}
	for (i = 0; i < NR_THREADS; i++) {
		ASSERT_EQ(0, pthread_join(threads[i], NULL));
		EXPECT_EQ(0, workers[i].failures);
	}
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	EXPECT_EQ(before.realms, after.realms);
	close(dev);
}

TEST_HARNESS_MAIN
