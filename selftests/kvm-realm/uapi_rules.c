// SPDX-License-Identifier: GPL-2.0-only
/*
 * One test per rule of the kvm-realm UAPI (Documentation/virt/kvm-realm/api.rst):
 * reserved fields and unknown flags, ranges, states and ordering.
 * Every test only needs an RMM; no realm ever runs here.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "realm_util.h"

#define RAM	REALM_TEST_RAM_BASE
#define G	REALM_GRANULE

FIXTURE(realm) {
	int dev;
	int realm;
	struct kvm_realm_caps caps;
};

FIXTURE_SETUP(realm)
{
	self->dev = realm_dev_open();
	if (self->dev < 0)
		SKIP(return, "%s: %s (is kvm-realm.ko loaded?)", REALM_DEV, strerror(-self->dev));
	ASSERT_EQ(0, realm_get_caps(self->dev, &self->caps));
	self->realm = realm_create(self->dev);
	ASSERT_LE(0, self->realm);
}

FIXTURE_TEARDOWN(realm)
{
	if (self->dev >= 0) {
		close(self->realm);
		close(self->dev);
	}
}

/* Like FIXTURE(realm), already configured with the defaults (state NEW). */
FIXTURE(realm_new) {
	int dev;
	int realm;
	struct kvm_realm_caps caps;
	void *page;
};

FIXTURE_SETUP(realm_new)
{
	self->dev = realm_dev_open();
	if (self->dev < 0)
		SKIP(return, "%s: %s (is kvm-realm.ko loaded?)", REALM_DEV, strerror(-self->dev));
	ASSERT_EQ(0, realm_get_caps(self->dev, &self->caps));
	self->realm = realm_create(self->dev);
	ASSERT_LE(0, self->realm);
	ASSERT_EQ(0, realm_configure_default(self->realm, &self->caps));
	self->page = aligned_alloc(G, G);
	ASSERT_NE(NULL, self->page);
	memset(self->page, 0x5a, G);
}

FIXTURE_TEARDOWN(realm_new)
{
	if (self->dev >= 0) {
		free(self->page);
		close(self->realm);
		close(self->dev);
	}
}

/* ---- system fd */

TEST(api_version_is_1)
{
	int dev = realm_dev_open();

	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	EXPECT_EQ(KVM_REALM_API_VERSION, ioctl(dev, KVM_REALM_GET_API_VERSION, 0));
	close(dev);
}

TEST(caps_are_consistent)
{
	struct kvm_realm_caps caps;
	int dev = realm_dev_open();
	unsigned int i;

	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	ASSERT_EQ(0, realm_get_caps(dev, &caps));
	EXPECT_GE(caps.rmi_version, 0x10000ULL);
	EXPECT_LE(caps.rmi_lower, caps.rmi_version);
	EXPECT_GE(caps.rmi_higher, caps.rmi_version);
	EXPECT_GE(caps.ipa_bits_max, 32U);
	EXPECT_NE(0U, caps.hash_algos);
	EXPECT_GE(caps.num_bps, 2U);
	EXPECT_GE(caps.num_wps, 2U);
	EXPECT_GE(caps.max_recs, 1U);
	for (i = 0; i < sizeof(caps.reserved) / sizeof(caps.reserved[0]); i++)
		EXPECT_EQ(0ULL, caps.reserved[i]);
	close(dev);
}

TEST(create_rejects_flags_and_reserved)
{
	struct kvm_realm_create args = { .flags = 1 };
	int dev = realm_dev_open();

	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	EXPECT_EQ(-EINVAL, __realm_ioctl(dev, KVM_REALM_CREATE, &args));
	args.flags = 0;
	args.reserved0 = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(dev, KVM_REALM_CREATE, &args));
	args.reserved0 = 0;
	args.reserved[2] = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(dev, KVM_REALM_CREATE, &args));
	close(dev);
}

TEST(unknown_ioctl_is_enotty)
{
	int dev = realm_dev_open();

	if (dev < 0)
		SKIP(return, "no %s", REALM_DEV);
	EXPECT_EQ(-ENOTTY, __realm_ioctl(dev, _IO(KVM_REALM_IO, 0x7f), NULL));
	close(dev);
}

/* ---- CONFIGURE */

TEST_F(realm, configure_rejects_unknown_flags)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.flags = 1U << 31;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_reserved)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.reserved[7] = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_ipa_bits_out_of_range)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.ipa_bits = 31;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	cfg.ipa_bits = self->caps.ipa_bits_max + 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_unknown_hash)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.hash_algo = 2;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_sve_vq_without_flag)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.sve_vq = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

/* SVE as the caps offer it: VQ 1 .. sve_vq_max, nothing else (EINVAL). */
TEST_F(realm, configure_sve_within_caps)
{
	struct kvm_realm_config cfg;

	if (!self->caps.sve_vq_max)
		SKIP(return, "the RMM offers realms no SVE");
	realm_config_default(&self->caps, &cfg);
	cfg.flags |= KVM_REALM_CONFIG_SVE;
	cfg.sve_vq = 0;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	cfg.sve_vq = self->caps.sve_vq_max + 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	cfg.sve_vq = self->caps.sve_vq_max;
	EXPECT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_pmu_ctrs_without_flag)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.pmu_num_ctrs = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_one_breakpoint)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.num_bps = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	cfg.num_bps = self->caps.num_bps + 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_rejects_mecid_with_shared_policy)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.mecid = 5;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	cfg.mecid = 0;
	cfg.mec_policy = 3;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_planes_not_supported)
{
	struct kvm_realm_config cfg;

	realm_config_default(&self->caps, &cfg);
	cfg.num_aux_planes = 1;
	EXPECT_EQ(-EOPNOTSUPP, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_private_mecid_needs_mec)
{
	struct kvm_realm_config cfg;

	if (self->caps.flags & KVM_REALM_CAP_MEC)
		SKIP(return, "the RMM supports MEC");
	realm_config_default(&self->caps, &cfg);
	cfg.mec_policy = KVM_REALM_MEC_PRIVATE_AUTO;
	EXPECT_EQ(-EOPNOTSUPP, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_private_mecid_out_of_range)
{
	struct kvm_realm_config cfg;

	if (!(self->caps.flags & KVM_REALM_CAP_MEC))
		SKIP(return, "the RMM has no MEC");
	realm_config_default(&self->caps, &cfg);
	cfg.mec_policy = KVM_REALM_MEC_PRIVATE;
	cfg.mecid = self->caps.mecid_max + 1;
	EXPECT_EQ(-ERANGE, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
}

TEST_F(realm, configure_twice_is_ebusy)
{
	ASSERT_EQ(0, realm_configure_default(self->realm, &self->caps));
	EXPECT_EQ(-EBUSY, realm_configure_default(self->realm, &self->caps));
}

TEST_F(realm, failed_configure_changes_nothing)
{
	struct realm_stats before, after;
	struct kvm_realm_config cfg;

	ASSERT_EQ(0, realm_stats_read(&before));
	realm_config_default(&self->caps, &cfg);
	cfg.hash_algo = 7;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CONFIGURE, &cfg));
	ASSERT_EQ(0, realm_stats_read(&after));
	EXPECT_EQ(before.delegated, after.delegated);
	/* ... and the realm can still be configured. */
	EXPECT_EQ(0, realm_configure_default(self->realm, &self->caps));
}

TEST_F(realm, commands_before_configure_are_ebusy)
{
	struct kvm_realm_range r = { .base = RAM, .size = G };

	EXPECT_EQ(-EBUSY, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	EXPECT_EQ(-EBUSY, __realm_ioctl(self->realm, KVM_REALM_ACTIVATE, NULL));
	EXPECT_EQ(-EBUSY, realm_create_rec(self->realm, 0, RAM, true));
}

/* ---- INIT_RIPAS */

TEST_F(realm_new, init_ripas_rejects_flags_and_reserved)
{
	struct kvm_realm_range r = { .base = RAM, .size = G, .flags = 1 };

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	r.flags = 0;
	r.reserved[1] = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
}

TEST_F(realm_new, init_ripas_rejects_bad_ranges)
{
	struct kvm_realm_range r = { .base = RAM + 1, .size = G };

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	r.base = RAM;
	r.size = 0;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	r.size = G + 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	/* The unprotected half is not realm RAM. */
	r.base = REALM_UNPROTECTED(0);
	r.size = G;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	/* Crossing into the unprotected half. */
	r.base = REALM_UNPROTECTED(0) - G;
	r.size = 2 * G;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
}

TEST_F(realm_new, init_ripas_reports_progress)
{
	struct kvm_realm_range r = { .base = RAM, .size = REALM_TEST_RAM_SIZE };

	ASSERT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_INIT_RIPAS, &r));
	EXPECT_EQ((__u64)(RAM + REALM_TEST_RAM_SIZE), r.base);
	EXPECT_EQ(0ULL, r.size);
}

/* ---- POPULATE */

TEST_F(realm_new, populate_rejects_flags_and_reserved)
{
	struct kvm_realm_populate p = {
		.base = RAM, .size = G, .source_uaddr = (uintptr_t)self->page, .flags = 2,
	};

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_POPULATE, &p));
	p.flags = 0;
	p.reserved0 = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_POPULATE, &p));
}

TEST_F(realm_new, populate_rejects_unaligned_source)
{
	struct kvm_realm_populate p = {
		.base = RAM, .size = G, .source_uaddr = (uintptr_t)self->page + 8,
	};

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_POPULATE, &p));
}

TEST_F(realm_new, populate_rejects_bad_source)
{
	struct kvm_realm_populate p = { .base = RAM, .size = G, .source_uaddr = G };

	ASSERT_EQ(0, realm_init_ripas(self->realm, RAM, REALM_TEST_RAM_SIZE));
	EXPECT_EQ(-EFAULT, __realm_ioctl(self->realm, KVM_REALM_POPULATE, &p));
	EXPECT_EQ((__u64)RAM, p.base);
}

TEST_F(realm_new, populate_twice_is_eexist)
{
	ASSERT_EQ(0, realm_init_ripas(self->realm, RAM, REALM_TEST_RAM_SIZE));
	ASSERT_EQ(0, realm_populate(self->realm, RAM, G, self->page, KVM_REALM_POPULATE_MEASURE));
	EXPECT_EQ(-EEXIST, realm_populate(self->realm, RAM, G, self->page, 0));
}

TEST_F(realm_new, populate_advances_all_three_fields)
{
	struct kvm_realm_populate p = {
		.base = RAM, .size = G, .source_uaddr = (uintptr_t)self->page,
	};

	ASSERT_EQ(0, realm_init_ripas(self->realm, RAM, REALM_TEST_RAM_SIZE));
	ASSERT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_POPULATE, &p));
	EXPECT_EQ((__u64)(RAM + G), p.base);
	EXPECT_EQ(0ULL, p.size);
	EXPECT_EQ((__u64)(uintptr_t)self->page + G, p.source_uaddr);
}

/* ---- shared memory */

TEST_F(realm_new, map_shared_rejects_protected_ipa)
{
	struct kvm_realm_shared_mem s = {
		.ipa = RAM, .size = G, .uaddr = (uintptr_t)self->page,
	};

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_MAP_SHARED, &s));
	s.ipa = REALM_UNPROTECTED(RAM);
	s.flags = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_MAP_SHARED, &s));
}

TEST_F(realm_new, map_shared_twice_is_eexist_and_unmap_works)
{
	struct kvm_realm_shared_mem s = {
		.ipa = REALM_UNPROTECTED(RAM), .size = G, .uaddr = (uintptr_t)self->page,
	};

	ASSERT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_MAP_SHARED, &s));
	EXPECT_EQ(0ULL, s.size);
	s.ipa = REALM_UNPROTECTED(RAM);
	s.size = G;
	s.uaddr = (uintptr_t)self->page;
	EXPECT_EQ(-EEXIST, __realm_ioctl(self->realm, KVM_REALM_MAP_SHARED, &s));
	s.size = G;
	s.ipa = REALM_UNPROTECTED(RAM);
	EXPECT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_UNMAP_SHARED, &s));
}

/* ---- RECs and activation */

TEST_F(realm_new, rec_create_rejects_flags_and_mpidr)
{
	struct kvm_realm_rec_create args = { .mpidr = 0, .pc = RAM, .flags = 2 };

	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CREATE_REC, &args));
	args.flags = 0;
	args.mpidr = 1ULL << 40;
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CREATE_REC, &args));
	args.mpidr = 0x10;	/* Aff0[7:4] is not part of RmiRecMpidr */
	EXPECT_EQ(-EINVAL, __realm_ioctl(self->realm, KVM_REALM_CREATE_REC, &args));
}

TEST_F(realm_new, recs_are_created_in_index_order)
{
	int rec0, rec1;

	EXPECT_EQ(-EINVAL, realm_create_rec(self->realm, 1, RAM, false));
	rec0 = realm_create_rec(self->realm, 0, RAM, true);
	ASSERT_LE(0, rec0);
	rec1 = realm_create_rec(self->realm, 1, RAM, false);
	ASSERT_LE(0, rec1);
	close(rec1);
	close(rec0);
}

TEST_F(realm_new, run_area_mmap_size_is_exact)
{
	int rec = realm_create_rec(self->realm, 0, RAM, true);
	void *p;

	ASSERT_LE(0, rec);
	p = mmap(NULL, G, PROT_READ | PROT_WRITE, MAP_SHARED, rec, 0);
	EXPECT_EQ(MAP_FAILED, p);
	p = mmap(NULL, sizeof(struct kvm_realm_run), PROT_READ | PROT_WRITE, MAP_SHARED, rec, 0);
	ASSERT_NE(MAP_FAILED, p);
	munmap(p, sizeof(struct kvm_realm_run));
	close(rec);
}

TEST_F(realm_new, run_before_activate_is_ebusy)
{
	int rec = realm_create_rec(self->realm, 0, RAM, true);

	ASSERT_LE(0, rec);
	EXPECT_EQ(-EBUSY, __realm_ioctl(rec, KVM_REALM_RUN, NULL));
	close(rec);
}

TEST_F(realm_new, psci_complete_without_request_is_ebusy)
{
	struct kvm_realm_psci_complete pc = { .target_mpidr = 0 };
	int rec = realm_create_rec(self->realm, 0, RAM, true);

	ASSERT_LE(0, rec);
	EXPECT_EQ(-EBUSY, __realm_ioctl(rec, KVM_REALM_PSCI_COMPLETE, &pc));
	pc.reserved[0] = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(rec, KVM_REALM_PSCI_COMPLETE, &pc));
	pc.reserved[0] = 0;
	pc.status = 1;
	EXPECT_EQ(-EINVAL, __realm_ioctl(rec, KVM_REALM_PSCI_COMPLETE, &pc));
	close(rec);
}

TEST_F(realm_new, activate_once_then_set_up_is_closed)
{
	ASSERT_EQ(0, realm_init_ripas(self->realm, RAM, REALM_TEST_RAM_SIZE));
	ASSERT_EQ(0, __realm_ioctl(self->realm, KVM_REALM_ACTIVATE, NULL));
	EXPECT_EQ(-EBUSY, __realm_ioctl(self->realm, KVM_REALM_ACTIVATE, NULL));
	EXPECT_EQ(-EBUSY, realm_init_ripas(self->realm, RAM, G));
	EXPECT_EQ(-EBUSY, realm_populate(self->realm, RAM, G, self->page, 0));
	EXPECT_EQ(-EBUSY, realm_create_rec(self->realm, 0, RAM, true));
}

TEST_HARNESS_MAIN
