// SPDX-License-Identifier: GPL-2.0-only
/* IPA layout: placement that fits, that does not, alignment, the alias. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "vmm/layout.h"
#include "vmm/util.h"

/* Debian's 7.3 arm64 Image: text_offset 0, image_size 0x3240000. */
#define DEB_IMAGE_SIZE	0x3240000ULL
#define DEB_FILE_SIZE	0x313ffc0ULL

static struct vmm_layout_request req(uint64_t ram, uint64_t initrd)
{
	return (struct vmm_layout_request){
		.ram_size = ram, .ipa_bits = 40, .nr_cpus = 1,
		.kernel_text_offset = 0, .kernel_image_size = DEB_IMAGE_SIZE,
		.kernel_file_size = DEB_FILE_SIZE, .initrd_size = initrd,
	};
}

static int place(struct vmm_layout *l, struct vmm_layout_request r, char *msg)
{
	struct vmm_err err = { "" };
	int ret = vmm_layout__place(l, &r, &err);

	if (msg)
		strcpy(msg, err.msg);
	return ret;
}

static void test_default_256m(void **state)
{
	struct vmm_layout l;

	(void)state;
	assert_int_equal(place(&l, req(256 * SZ_1M, 0), NULL), 0);
	assert_int_equal(l.unprotected_bit, 0x8000000000ULL);
	assert_int_equal(l.ram_base, 0x80000000ULL);
	assert_int_equal(l.ram_size, 0x10000000ULL);
	assert_int_equal(l.kernel_base, 0x80000000ULL);
	assert_int_equal(l.kernel_entry, 0x80000000ULL);
	assert_int_equal(l.kernel_size, DEB_IMAGE_SIZE);
	assert_int_equal(l.kernel_file_size, DEB_FILE_SIZE);
	/* As the Realm VM spec has it for 256 MiB. */
	assert_int_equal(l.dtb_base, 0x8fe00000ULL);
	assert_int_equal(l.dtb_max_size, VMM_DTB_MAX_SIZE);
	assert_int_equal(l.initrd_size, 0);
	assert_int_equal(l.uart_base, 0x01000000ULL);
	assert_int_equal(l.gicd_base, 0x3fff0000ULL);
	assert_int_equal(l.gicr_base, 0x3ffd0000ULL);
	assert_int_equal(l.gicr_size, SZ_128K);
}

static void test_initrd_below_dtb(void **state)
{
	struct vmm_layout l;

	(void)state;
	assert_int_equal(place(&l, req(256 * SZ_1M, 30000000), NULL), 0);
	assert_int_equal(l.initrd_size, 30000000);
	assert_true(IS_ALIGNED(l.initrd_base, SZ_4K));
	assert_true(l.initrd_base + l.initrd_size <= l.dtb_base);
	assert_true(l.dtb_base - (l.initrd_base + l.initrd_size) < SZ_4K);
	assert_int_equal(l.initrd_base, ALIGN_DOWN(0x8fe00000ULL - 30000000, SZ_4K));
	assert_true(l.kernel_entry + l.kernel_size <= l.initrd_base);
}

static void test_text_offset_and_cpus(void **state)
{
	struct vmm_layout_request r = req(128 * SZ_1M, 0);
	struct vmm_layout l;

	(void)state;
	r.kernel_text_offset = 0x80000;
	r.nr_cpus = 64;
	r.ipa_bits = 33;
	assert_int_equal(place(&l, r, NULL), 0);
	assert_int_equal(l.kernel_base, 0x80000000ULL);
	assert_int_equal(l.kernel_entry, 0x80080000ULL);
	assert_int_equal(l.unprotected_bit, 0x100000000ULL);
	assert_int_equal(vmm_layout__alias(&l, l.uart_base), 0x101000000ULL);
	assert_int_equal(l.gicr_base, 0x3fff0000ULL - 64 * SZ_128K);
	assert_true(l.gicr_base >= VMM_VIRTIO_MMIO_BASE + VMM_VIRTIO_MMIO_SIZE);
}

/* The error's "needs at least" is exactly the smallest RAM that fits. */
static void test_minimum_is_exact(void **state)
{
	static const uint64_t initrds[] = { 0, 1, SZ_4K, 30000000, 64 * SZ_1M + 1 };
	char msg[VMM_ERR_LEN], want[VMM_ERR_LEN];
	struct vmm_layout l;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(initrds); i++) {
		uint64_t ram = SZ_2M;

		while (place(&l, req(ram, initrds[i]), msg))
			ram += SZ_2M;
		assert_int_equal(place(&l, req(ram - SZ_2M, initrds[i]), msg), -ENOSPC);
		snprintf(want, sizeof(want), "needs at least %llu MiB",
			 (unsigned long long)(ram >> 20));
		assert_non_null(strstr(msg, want));
	}
}

static void test_too_small_message(void **state)
{
	char msg[VMM_ERR_LEN];
	struct vmm_layout l;

	(void)state;
	assert_int_equal(place(&l, req(32 * SZ_1M, 0), msg), -ENOSPC);
	assert_string_equal(msg, "--mem 32 MiB: too small for the kernel (52690944 bytes) and the DTB block (2 MiB); needs at least 54 MiB");
	assert_int_equal(place(&l, req(64 * SZ_1M, 30000000), msg), -ENOSPC);
	assert_string_equal(msg, "--mem 64 MiB: too small for the kernel (52690944 bytes), the initrd (30000000 bytes) and the DTB block (2 MiB); needs at least 82 MiB");
	/* An initrd larger than all of RAM. */
	assert_int_equal(place(&l, req(64 * SZ_1M, SZ_1G), msg), -ENOSPC);
	assert_non_null(strstr(msg, "needs at least 1078 MiB"));
}

static void test_ram_limits(void **state)
{
	struct vmm_layout_request r = req(510 * SZ_1G, 0);
	char msg[VMM_ERR_LEN];
	struct vmm_layout l;

	(void)state;
	assert_int_equal(place(&l, r, msg), 0);		/* up to the alias */
	assert_int_equal(l.ram_base + l.ram_size, l.unprotected_bit);
	r.ram_size += SZ_2M;
	assert_int_equal(place(&l, r, msg), -ERANGE);
	assert_string_equal(msg, "--mem 522242 MiB: RAM at 0x80000000 would pass the end of the protected half of a 40-bit IPA space (0x8000000000); at most 510 GiB, or raise --ipa-bits");

	r = req(256 * SZ_1M, 0);
	r.ipa_bits = 32;
	assert_int_equal(place(&l, r, msg), -ERANGE);
	assert_string_equal(msg, "--ipa-bits 32: the protected half ends at 0x80000000, where RAM starts; use --ipa-bits 33 or more");

	r = req(3 * SZ_1M, 0);
	assert_int_equal(place(&l, r, msg), -EINVAL);
	assert_string_equal(msg, "--mem 3 MiB: not a multiple of 2 MiB");
	r = req(0, 0);
	assert_int_equal(place(&l, r, msg), -EINVAL);

	r = req(256 * SZ_1M, 0);
	r.nr_cpus = 65;
	assert_int_equal(place(&l, r, msg), -EINVAL);
	assert_string_equal(msg, "--cpus 65: not in 1..64");
	r.nr_cpus = 0;
	assert_int_equal(place(&l, r, msg), -EINVAL);
	r = req(256 * SZ_1M, 0);
	r.ipa_bits = 49;
	assert_int_equal(place(&l, r, msg), -EINVAL);
	assert_string_equal(msg, "--ipa-bits 49: not in 32..48");
	r = req(256 * SZ_1M, 0);
	r.kernel_text_offset = SZ_2M;
	assert_int_equal(place(&l, r, msg), -EINVAL);
}

/* Whatever fits: inside RAM, in order, aligned, no overlaps. */
static void test_sweep_invariants(void **state)
{
	static const uint64_t rams[] = { 54, 64, 128, 256, 1024, 4096 };
	static const uint64_t initrds[] = { 0, 1, 4095, 4096, 20 * SZ_1M + 17 };
	struct vmm_layout l;
	unsigned int i, j;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(rams); i++) {
		for (j = 0; j < ARRAY_SIZE(initrds); j++) {
			uint64_t ram_end, kend;

			if (place(&l, req(rams[i] * SZ_1M, initrds[j]), NULL))
				continue;
			ram_end = l.ram_base + l.ram_size;
			kend = l.kernel_entry + l.kernel_size;
			assert_true(IS_ALIGNED(l.kernel_base, VMM_KERNEL_ALIGN));
			assert_true(IS_ALIGNED(l.dtb_base, VMM_DTB_BLOCK));
			assert_int_equal(l.dtb_base + VMM_DTB_BLOCK, ram_end);
			if (initrds[j]) {
				assert_true(IS_ALIGNED(l.initrd_base, VMM_INITRD_ALIGN));
				assert_true(kend <= l.initrd_base);
				assert_true(l.initrd_base + l.initrd_size <= l.dtb_base);
			} else {
				assert_true(kend <= l.dtb_base);
			}
		}
	}
}

static void test_mmio_alias(void **state)
{
	struct vmm_layout l;
	uint64_t addr = 0;

	(void)state;
	assert_int_equal(place(&l, req(256 * SZ_1M, 0), NULL), 0);
	assert_true(vmm_layout__mmio_addr(&l, 0x8001000000ULL, &addr));
	assert_int_equal(addr, VMM_UART_BASE);
	assert_true(vmm_layout__mmio_addr(&l, 0x8000000000ULL | VMM_VIRTIO_MMIO_SLOT(1) | 0x70, &addr));
	assert_int_equal(addr, VMM_VIRTIO_MMIO_BASE + 0x270);
	assert_true(vmm_layout__mmio_addr(&l, vmm_layout__alias(&l, VMM_GICD_BASE), &addr));
	assert_int_equal(addr, VMM_GICD_BASE);
	/* The protected address itself, or beyond the IPA space: not MMIO. */
	assert_false(vmm_layout__mmio_addr(&l, VMM_UART_BASE, &addr));
	assert_false(vmm_layout__mmio_addr(&l, 0x10001000000ULL, &addr));
}

static void test_mpidr(void **state)
{
	(void)state;
	assert_int_equal(vmm_cpu__mpidr(0), 0);
	assert_int_equal(vmm_cpu__mpidr(15), 0xf);
	assert_int_equal(vmm_cpu__mpidr(16), 0x100);
	assert_int_equal(vmm_cpu__mpidr(63), 0x30f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_256m),
		cmocka_unit_test(test_initrd_below_dtb),
		cmocka_unit_test(test_text_offset_and_cpus),
		cmocka_unit_test(test_minimum_is_exact),
		cmocka_unit_test(test_too_small_message),
		cmocka_unit_test(test_ram_limits),
		cmocka_unit_test(test_sweep_invariants),
		cmocka_unit_test(test_mmio_alias),
		cmocka_unit_test(test_mpidr),
	};

	return cmocka_run_group_tests_name("vmm layout", tests, NULL, NULL);
}
