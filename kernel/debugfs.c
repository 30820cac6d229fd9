// SPDX-License-Identifier: GPL-2.0-only
/*
 * /sys/kernel/debug/kvm-realm/stats: what the module holds right now.
 * Tests read it before and after to prove that nothing leaks.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "kvm-realm.h"

static struct dentry *realm_debugfs_dir;

static int stats_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "delegated %lld\n", atomic64_read(&realm_stats.delegated));
	seq_printf(m, "leaked %lld\n", atomic64_read(&realm_stats.leaked));
	seq_printf(m, "realms %d\n", atomic_read(&realm_stats.realms));
	seq_printf(m, "recs %d\n", atomic_read(&realm_stats.recs));
	seq_printf(m, "mecids %u\n", mec_in_use());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

void realm_debugfs_init(void)
{
	realm_debugfs_dir = debugfs_create_dir("kvm-realm", NULL);
	debugfs_create_file("stats", 0400, realm_debugfs_dir, NULL, &stats_fops);
}

void realm_debugfs_exit(void)
{
	debugfs_remove_recursive(realm_debugfs_dir);
}
