// SPDX-License-Identifier: GPL-2.0-only
/* The arm64 Image header and vmm_boot__prepare(): files, sizes, bootargs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "vmm/boot.h"
#include "vmm/config.h"
#include "vmm/image.h"
#include "vmm/util.h"

static void make_header(unsigned char *h, uint64_t text_offset, uint64_t image_size,
			uint64_t flags)
{
	int i;

	memset(h, 0, ARM64_IMAGE_HEADER_SIZE);
	for (i = 0; i < 8; i++) {
		h[8 + i] = (unsigned char)(text_offset >> (8 * i));
		h[16 + i] = (unsigned char)(image_size >> (8 * i));
		h[24 + i] = (unsigned char)(flags >> (8 * i));
	}
	memcpy(h + 56, "ARM\x64", 4);
}

static void expect_parse_err(const unsigned char *h, size_t len, uint64_t file_size,
			     const char *want)
{
	struct arm64_image_info info;
	struct vmm_err err;

	assert_int_equal(arm64_image__parse(h, len, file_size, &info, &err), -EINVAL);
	assert_string_equal(err.msg, want);
}

static void test_image_header(void **state)
{
	unsigned char h[ARM64_IMAGE_HEADER_SIZE];
	struct arm64_image_info info;

	(void)state;
	make_header(h, 0x80000, 0x3240000, 0xa);
	assert_int_equal(arm64_image__parse(h, sizeof(h), 0x313ffc0, &info, NULL), 0);
	assert_int_equal(info.text_offset, 0x80000);
	assert_int_equal(info.image_size, 0x3240000);
	assert_int_equal(info.flags, 0xa);
	assert_int_equal(info.file_size, 0x313ffc0);

	expect_parse_err(h, 63, 63, "not an arm64 Image (no \"ARM\\x64\" magic at offset 56)");
	h[59] = 0;
	expect_parse_err(h, sizeof(h), 4096, "not an arm64 Image (no \"ARM\\x64\" magic at offset 56)");
	make_header(h, 0, 0x3240000, 0xb);
	expect_parse_err(h, sizeof(h), 4096, "a big-endian Image; realms run little-endian kernels");
	make_header(h, 0x80000, 0, 0);
	expect_parse_err(h, sizeof(h), 4096, "the Image header has no image_size (kernel older than 3.17)");
	make_header(h, 0, 4096, 0xa);
	expect_parse_err(h, sizeof(h), 8192, "image_size 4096 in the header is smaller than the file (8192 bytes)");
	make_header(h, 0x200000, SZ_1M, 0xa);
	expect_parse_err(h, sizeof(h), 4096, "text_offset 0x200000 in the header is not a page offset below 2 MiB");
	make_header(h, 0x10, SZ_1M, 0xa);
	expect_parse_err(h, sizeof(h), 4096, "text_offset 0x10 in the header is not a page offset below 2 MiB");
}

/* Parse ARGV(...) and prepare; returns the error line (or "") in @msg. */
static int prepare(const char **argv, struct vmm_boot *boot, char *msg)
{
	struct vmm_config cfg;
	struct vmm_err err = { "" };
	int ret;

	ret = parse(&cfg, argv, err.msg, sizeof(err.msg));
	if (!ret)
		ret = vmm_boot__prepare(&cfg, boot, &err);
	strcpy(msg, err.msg);
	vmm_config__exit(&cfg);
	return ret;
}

static void test_prepare_ok(void **state)
{
	const char *k = tmp_image("Image", 0, 8 * SZ_1M, 5 * SZ_1M);
	const char *i = tmp_file("initrd", NULL, 12345);
	const char *d = tmp_file("disk", NULL, SZ_1M);
	char msg[VMM_ERR_LEN];
	struct vmm_boot boot;

	(void)state;
	assert_int_equal(prepare(ARGV("-k", k, "-i", i, "-d", d, "-p", "quiet"), &boot, msg), 0);
	assert_int_equal(boot.kernel.image_size, 8 * SZ_1M);
	assert_int_equal(boot.kernel.file_size, 5 * SZ_1M);
	assert_int_equal(boot.initrd_size, 12345);
	assert_int_equal(boot.disk_size, SZ_1M);
	assert_int_equal(boot.layout.initrd_size, 12345);
	assert_string_equal(boot.bootargs, "console=ttyAMA0 earlycon=pl011,mmio,0x8001000000 swiotlb=8192 quiet");
}

static void expect_prepare_err(const char **argv, const char *want)
{
	char msg[VMM_ERR_LEN];
	struct vmm_boot boot;

	assert_true(prepare(argv, &boot, msg) < 0);
	assert_string_equal(msg, want);
}

static void test_prepare_errors(void **state)
{
	const char *k = tmp_image("Image", 0, 8 * SZ_1M, 5 * SZ_1M);
	const char *empty = tmp_file("empty", NULL, 0);
	const char *junk = tmp_text("junk", "this is not a kernel, but it is long enough to have a header at all");
	char want[VMM_ERR_LEN];

	(void)state;
	expect_prepare_err(ARGV("--mem", "512M"), "--kernel is required (the arm64 Image to boot)");
	expect_prepare_err(ARGV("-k", "/nonexistent/Image"),
			   "--kernel /nonexistent/Image: No such file or directory");
	snprintf(want, sizeof(want), "--kernel %s: not a regular file", tmp_dir());
	expect_prepare_err(ARGV("-k", tmp_dir()), want);
	snprintf(want, sizeof(want), "--kernel %s: not an arm64 Image (no \"ARM\\x64\" magic at offset 56)", junk);
	expect_prepare_err(ARGV("-k", junk), want);
	snprintf(want, sizeof(want), "--kernel %s: not an arm64 Image (no \"ARM\\x64\" magic at offset 56)", empty);
	expect_prepare_err(ARGV("-k", empty), want);

	expect_prepare_err(ARGV("-k", k, "-i", "/nonexistent/initrd"),
			   "--initrd /nonexistent/initrd: No such file or directory");
	snprintf(want, sizeof(want), "--initrd %s: empty file", empty);
	expect_prepare_err(ARGV("-k", k, "-i", empty), want);
	snprintf(want, sizeof(want), "--initrd %s: not a regular file", tmp_dir());
	expect_prepare_err(ARGV("-k", k, "-i", tmp_dir()), want);
	expect_prepare_err(ARGV("-k", k, "-d", "/nonexistent/disk"),
			   "--disk /nonexistent/disk: No such file or directory");

	expect_prepare_err(ARGV("-k", k, "--mem", "8M"),
			   "--mem 8 MiB: too small for the kernel (8388608 bytes) and the DTB block (2 MiB); needs at least 10 MiB");
	expect_prepare_err(ARGV("-k", k, "--ipa-bits", "32"),
			   "--ipa-bits 32: the protected half ends at 0x80000000, where RAM starts; use --ipa-bits 33 or more");
	expect_prepare_err(ARGV("-k", k, "--ipa-bits", "33", "--mem", "4G"),
			   "--mem 4 GiB: RAM at 0x80000000 would pass the end of the protected half of a 33-bit IPA space (0x100000000); at most 2 GiB, or raise --ipa-bits");
}

static void test_cmdline_limit(void **state)
{
	const char *k = tmp_image("Image", 0, 8 * SZ_1M, 5 * SZ_1M);
	const size_t fixed = strlen("console=ttyAMA0 earlycon=pl011,mmio,0x8001000000 swiotlb=8192 ");
	char *line = malloc(VMM_BOOTARGS_MAX + 1);
	char msg[VMM_ERR_LEN];
	struct vmm_boot boot;
	size_t n = VMM_BOOTARGS_MAX - 1 - fixed;

	(void)state;
	assert_non_null(line);
	memset(line, 'x', n);
	line[n] = '\0';
	assert_int_equal(prepare(ARGV("-k", k, "-p", line), &boot, msg), 0);
	assert_int_equal(strlen(boot.bootargs), VMM_BOOTARGS_MAX - 1);
	line[n] = 'x';
	line[n + 1] = '\0';
	assert_int_equal(prepare(ARGV("-k", k, "-p", line), &boot, msg), -E2BIG);
	assert_string_equal(msg, "--cmdline: 2048 bytes with the VMM's console options; the arm64 kernel takes at most 2047");
	free(line);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_image_header),
		cmocka_unit_test(test_prepare_ok),
		cmocka_unit_test(test_prepare_errors),
		cmocka_unit_test(test_cmdline_limit),
	};

	return cmocka_run_group_tests_name("vmm boot", tests, group_setup, group_teardown);
}
