// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pin the layout of the kvm-realm UAPI: every offset and size, and that each
 * ioctl number encodes the size of its argument.  A change here breaks every
 * VMM built against an older header, so it must be deliberate.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/kvm-realm.h>
#include <abi/rmi.h>

struct layout {
	const char *name;
	size_t actual;
	size_t expected;
};

#define OFF(type, field, off) { #type "." #field, offsetof(struct type, field), off }
#define SIZE(type, size) { "sizeof(" #type ")", sizeof(struct type), size }

static const struct layout layouts[] = {
	SIZE(kvm_realm_caps, 144),
	OFF(kvm_realm_caps, rmi_version, 0),
	OFF(kvm_realm_caps, feat_reg0, 24),
	OFF(kvm_realm_caps, ipa_bits_max, 32),
	OFF(kvm_realm_caps, flags, 64),
	OFF(kvm_realm_caps, rec_aux_granules, 76),
	OFF(kvm_realm_caps, reserved, 80),

	SIZE(kvm_realm_create, 32),
	OFF(kvm_realm_create, reserved, 8),

	SIZE(kvm_realm_config, 168),
	OFF(kvm_realm_config, ipa_bits, 4),
	OFF(kvm_realm_config, hash_algo, 8),
	OFF(kvm_realm_config, mec_policy, 28),
	OFF(kvm_realm_config, mecid, 32),
	OFF(kvm_realm_config, num_aux_planes, 36),
	OFF(kvm_realm_config, rpv, 40),
	OFF(kvm_realm_config, reserved, 104),

	SIZE(kvm_realm_range, 40),
	OFF(kvm_realm_range, size, 8),
	OFF(kvm_realm_range, flags, 16),
	OFF(kvm_realm_range, reserved, 24),

	SIZE(kvm_realm_populate, 48),
	OFF(kvm_realm_populate, source_uaddr, 16),
	OFF(kvm_realm_populate, flags, 24),
	OFF(kvm_realm_populate, reserved, 32),

	SIZE(kvm_realm_shared_mem, 48),
	OFF(kvm_realm_shared_mem, uaddr, 16),
	OFF(kvm_realm_shared_mem, flags, 24),

	SIZE(kvm_realm_rec_create, 112),
	OFF(kvm_realm_rec_create, pc, 8),
	OFF(kvm_realm_rec_create, gprs, 16),
	OFF(kvm_realm_rec_create, flags, 80),
	OFF(kvm_realm_rec_create, reserved, 88),

	SIZE(kvm_realm_run, 8192),
	OFF(kvm_realm_run, immediate_exit, 4),
	OFF(kvm_realm_run, rmi_exit_reason, 8),
	OFF(kvm_realm_run, mmio_ipa, 16),
	OFF(kvm_realm_run, mmio_len, 24),
	OFF(kvm_realm_run, mmio_data, 32),
	OFF(kvm_realm_run, rec, 4096),

	SIZE(kvm_realm_psci_complete, 32),
	OFF(kvm_realm_psci_complete, status, 8),
};

static void test_layouts(void **state)
{
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		if (layouts[i].actual == layouts[i].expected)
			continue;
		print_error("%s is %zu, expected %zu\n", layouts[i].name,
			    layouts[i].actual, layouts[i].expected);
		bad++;
	}
	assert_int_equal(bad, 0);
}

/* The second page of the run area is exactly the RmiRecRun granule. */
static void test_run_page_is_rmi_rec_run(void **state)
{
	(void)state;
	assert_int_equal(sizeof(((struct kvm_realm_run *)0)->rec), sizeof(struct rmi_rec_run));
	assert_int_equal(offsetof(struct kvm_realm_run, rec) % 4096, 0);
}

struct ioctl_size {
	const char *name;
	unsigned long nr;
	size_t arg_size;
	unsigned int dir;
};

#define IOC(cmd, type, d) { #cmd, cmd, sizeof(type), d }

static void test_ioctl_numbers(void **state)
{
	static const struct ioctl_size ioctls[] = {
		IOC(KVM_REALM_GET_CAPS, struct kvm_realm_caps, _IOC_READ),
		IOC(KVM_REALM_CREATE, struct kvm_realm_create, _IOC_WRITE),
		IOC(KVM_REALM_CONFIGURE, struct kvm_realm_config, _IOC_READ | _IOC_WRITE),
		IOC(KVM_REALM_INIT_RIPAS, struct kvm_realm_range, _IOC_READ | _IOC_WRITE),
		IOC(KVM_REALM_POPULATE, struct kvm_realm_populate, _IOC_READ | _IOC_WRITE),
		IOC(KVM_REALM_MAP_SHARED, struct kvm_realm_shared_mem, _IOC_READ | _IOC_WRITE),
		IOC(KVM_REALM_UNMAP_SHARED, struct kvm_realm_shared_mem, _IOC_READ | _IOC_WRITE),
		IOC(KVM_REALM_CREATE_REC, struct kvm_realm_rec_create, _IOC_WRITE),
		IOC(KVM_REALM_PSCI_COMPLETE, struct kvm_realm_psci_complete, _IOC_WRITE),
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ioctls) / sizeof(ioctls[0]); i++) {
		if (_IOC_SIZE(ioctls[i].nr) != ioctls[i].arg_size ||
		    _IOC_DIR(ioctls[i].nr) != ioctls[i].dir ||
		    _IOC_TYPE(ioctls[i].nr) != KVM_REALM_IO)
			fail_msg("%s: size %u dir %u type 0x%x", ioctls[i].name,
				 _IOC_SIZE(ioctls[i].nr), _IOC_DIR(ioctls[i].nr),
				 _IOC_TYPE(ioctls[i].nr));
	}
	assert_int_equal(_IOC_SIZE(KVM_REALM_RUN), 0);
	assert_int_equal(_IOC_SIZE(KVM_REALM_ACTIVATE), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_run_page_is_rmi_rec_run),
		cmocka_unit_test(test_ioctl_numbers),
	};

	return cmocka_run_group_tests_name("kvm-realm UAPI layout", tests, NULL, NULL);
}
