// SPDX-License-Identifier: GPL-2.0-only
/*
 * A VMM that dies must not strand granules: kill a process in the middle of
 * a long populate and check that the granule count returns to where it was.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "realm_util.h"

#define RAM	REALM_TEST_RAM_BASE
#define BIG	(64UL << 20)

/* Child: build a realm and populate BIG bytes, telling the parent when it starts. */
static void populate_forever(int ready_fd)
{
	struct kvm_realm_caps caps;
	void *src = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int dev = realm_dev_open();
	int realm;

	if (src == MAP_FAILED || dev < 0 || realm_get_caps(dev, &caps))
		_exit(2);
	realm = realm_create(dev);
	if (realm < 0 || realm_configure_default(realm, &caps) ||
	    realm_init_ripas(realm, RAM, BIG))
		_exit(3);
	if (write(ready_fd, "x", 1) != 1)
		_exit(4);
	for (;;)
		realm_populate(realm, RAM, BIG, src, KVM_REALM_POPULATE_MEASURE);
}

TEST(killed_mid_populate_returns_granules)
{
	struct realm_stats before, during, after;
	int pipefd[2], status, dev;
	char c;
	pid_t pid;

	dev = realm_dev_open();
	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	close(dev);
	ASSERT_EQ(0, realm_stats_read(&before));
	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		populate_forever(pipefd[1]);
	ASSERT_EQ(1, read(pipefd[0], &c, 1));
	usleep(200 * 1000);
	ASSERT_EQ(0, realm_stats_read(&during));
	EXPECT_GT(during.delegated, before.delegated);
	ASSERT_EQ(0, kill(pid, SIGKILL));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	EXPECT_EQ(before.leaked, after.leaked);
	EXPECT_EQ(before.realms, after.realms);
}

TEST_HARNESS_MAIN
