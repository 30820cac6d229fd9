// SPDX-License-Identifier: GPL-2.0-only
/* Command-line parsing of run/measure: every option, every error line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "vmm/config.h"
#include "vmm/layout.h"
#include "vmm/util.h"

/* Parse, expect success, leave the config to the caller. */
#define PARSE_OK(cfg, ...) do {						\
	char m_[VMM_ERR_LEN];						\
	int r_ = parse((cfg), ARGV(__VA_ARGS__), m_, sizeof(m_));	\
	if (r_)								\
		fail_msg("unexpected error %d: %s", r_, m_);		\
} while (0)

/* Parse, expect exactly @want as the one error line. */
static void expect_err(const char **argv, const char *want)
{
	struct vmm_config cfg;
	char msg[VMM_ERR_LEN];

	assert_true(parse(&cfg, argv, msg, sizeof(msg)) < 0);
	assert_string_equal(msg, want);
	assert_null(strchr(msg, '\n'));
	vmm_config__exit(&cfg);
}

static bool was_set(const struct vmm_config *cfg, const char *name)
{
	const struct vmm_option *o = vmm_option__find(name);

	assert_non_null(o);
	return cfg->cli_set & (1ULL << (o - vmm_options));
}

static void test_defaults(void **state)
{
	static const uint8_t zero[KVM_REALM_RPV_SIZE];
	struct vmm_config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, (const char *[]){ "run", NULL }, NULL, 0), 0);
	assert_null(cfg.kernel_path);
	assert_null(cfg.initrd_path);
	assert_null(cfg.cmdline);
	assert_null(cfg.disk_path);
	assert_null(cfg.config_path);
	assert_null(cfg.report_path);
	assert_int_equal(cfg.ram_size, 256 * SZ_1M);
	assert_int_equal(cfg.nr_cpus, 1);
	assert_int_equal(cfg.ipa_bits, 40);
	assert_int_equal(cfg.hash_algo, KVM_REALM_MEASURE_SHA256);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_SHARED);
	assert_memory_equal(cfg.rpv, zero, sizeof(zero));
	assert_false(cfg.dry_run);
	assert_false(cfg.help);
	assert_int_equal(cfg.cli_set, 0);
	vmm_config__exit(&cfg);
}

static void test_every_long_option(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--kernel", "K", "--initrd", "I", "--cmdline", "root=/dev/vda ro",
		 "--mem", "512M", "--cpus", "4", "--mec", "7", "--measurement-algo", "sha512",
		 "--rpv", "0102", "--ipa-bits", "48", "--disk", "D", "--report", "R.json",
		 "--dry-run");
	assert_string_equal(cfg.kernel_path, "K");
	assert_string_equal(cfg.initrd_path, "I");
	assert_string_equal(cfg.cmdline, "root=/dev/vda ro");
	assert_int_equal(cfg.ram_size, 512 * SZ_1M);
	assert_int_equal(cfg.nr_cpus, 4);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE);
	assert_int_equal(cfg.mecid, 7);
	assert_int_equal(cfg.hash_algo, KVM_REALM_MEASURE_SHA512);
	assert_int_equal(cfg.rpv[0], 1);
	assert_int_equal(cfg.rpv[1], 2);
	assert_int_equal(cfg.rpv[2], 0);
	assert_int_equal(cfg.ipa_bits, 48);
	assert_string_equal(cfg.disk_path, "D");
	assert_string_equal(cfg.report_path, "R.json");
	assert_true(cfg.dry_run);
	assert_true(was_set(&cfg, "kernel") && was_set(&cfg, "mec") && was_set(&cfg, "dry-run"));
	assert_false(was_set(&cfg, "config"));
	vmm_config__exit(&cfg);
}

static void test_short_and_equals_forms(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "-k", "K", "-i", "I", "-p", "quiet", "-m", "1G", "-c", "2", "-d", "D",
		 "--mec=65535", "--rpv=AbCd", "--ipa-bits=33", "--measurement-algo=sha256");
	assert_string_equal(cfg.kernel_path, "K");
	assert_string_equal(cfg.initrd_path, "I");
	assert_string_equal(cfg.cmdline, "quiet");
	assert_int_equal(cfg.ram_size, SZ_1G);
	assert_int_equal(cfg.nr_cpus, 2);
	assert_string_equal(cfg.disk_path, "D");
	assert_int_equal(cfg.mecid, 65535);
	assert_int_equal(cfg.rpv[0], 0xab);
	assert_int_equal(cfg.rpv[1], 0xcd);
	assert_int_equal(cfg.ipa_bits, 33);
	vmm_config__exit(&cfg);

	/* An empty --cmdline is a choice, not an error; "=" may be in values. */
	PARSE_OK(&cfg, "--cmdline=", "--kernel=a=b");
	assert_string_equal(cfg.cmdline, "");
	assert_string_equal(cfg.kernel_path, "a=b");
	vmm_config__exit(&cfg);
}

static void test_last_one_wins(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--kernel", "A", "-k", "B", "--mem", "2M", "--mem", "4M",
		 "--mec", "3", "--mec");
	assert_string_equal(cfg.kernel_path, "B");
	assert_int_equal(cfg.ram_size, 4 * SZ_1M);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE_AUTO);
	assert_int_equal(cfg.mecid, 0);
	vmm_config__exit(&cfg);
}

static void test_sizes(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--mem", "4096K");
	assert_int_equal(cfg.ram_size, 4 * SZ_1M);
	vmm_config__exit(&cfg);
	PARSE_OK(&cfg, "--mem", "6m");
	assert_int_equal(cfg.ram_size, 6 * SZ_1M);
	vmm_config__exit(&cfg);
	PARSE_OK(&cfg, "--mem", "2g");
	assert_int_equal(cfg.ram_size, 2 * SZ_1G);
	vmm_config__exit(&cfg);

	expect_err(ARGV("--mem", "3X"), "--mem 3X: not a size (use a number with K, M or G)");
	expect_err(ARGV("--mem", "512"), "--mem 512: not a size (use a number with K, M or G)");
	expect_err(ARGV("--mem", "M"), "--mem M: not a size (use a number with K, M or G)");
	expect_err(ARGV("--mem", "-2M"), "--mem -2M: not a size (use a number with K, M or G)");
	expect_err(ARGV("--mem", "2MB"), "--mem 2MB: not a size (use a number with K, M or G)");
	expect_err(ARGV("--mem", ""), "--mem '': not a size (use a number with K, M or G)");
	expect_err(ARGV("-m", "3M"), "--mem 3M: not a multiple of 2 MiB");
	expect_err(ARGV("--mem", "0G"), "--mem 0G: not a multiple of 2 MiB");
	expect_err(ARGV("--mem", "1K"), "--mem 1K: not a multiple of 2 MiB");
	expect_err(ARGV("--mem", "99999999999G"), "--mem 99999999999G: too large");
	expect_err(ARGV("--mem", "99999999999999999999G"), "--mem 99999999999999999999G: too large");
}

static void test_cpus(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--cpus", "64");
	assert_int_equal(cfg.nr_cpus, 64);
	vmm_config__exit(&cfg);
	expect_err(ARGV("--cpus", "0"), "--cpus 0: not a CPU count in 1..64");
	expect_err(ARGV("--cpus", "65"), "--cpus 65: not a CPU count in 1..64");
	expect_err(ARGV("-c", "two"), "--cpus two: not a CPU count in 1..64");
	expect_err(ARGV("--cpus", "1x"), "--cpus 1x: not a CPU count in 1..64");
	expect_err(ARGV("--cpus", "+1"), "--cpus +1: not a CPU count in 1..64");
}

static void test_mec(void **state)
{
	struct vmm_config cfg;

	(void)state;
	/* --mec alone, followed by another option: the module picks. */
	PARSE_OK(&cfg, "--mec", "--dry-run");
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE_AUTO);
	assert_true(cfg.dry_run);
	vmm_config__exit(&cfg);
	PARSE_OK(&cfg, "--mec", "0");
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE);
	assert_int_equal(cfg.mecid, 0);
	vmm_config__exit(&cfg);
	expect_err(ARGV("--mec", "65536"), "--mec 65536: not a MECID in 0..65535");
	expect_err(ARGV("--mec=x"), "--mec x: not a MECID in 0..65535");
	expect_err(ARGV("--mec", "0x10"), "--mec 0x10: not a MECID in 0..65535");
}

static void test_measurement_algo(void **state)
{
	(void)state;
	expect_err(ARGV("--measurement-algo", "sha384"),
		   "--measurement-algo sha384: not a measurement algorithm (use sha256 or sha512)");
	expect_err(ARGV("--measurement-algo", "SHA256"),
		   "--measurement-algo SHA256: not a measurement algorithm (use sha256 or sha512)");
}

static void test_rpv(void **state)
{
	char hex[2 * KVM_REALM_RPV_SIZE + 3];
	struct vmm_config cfg;
	unsigned int i;

	(void)state;
	for (i = 0; i < KVM_REALM_RPV_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", i + 1);
	PARSE_OK(&cfg, "--rpv", hex);
	for (i = 0; i < KVM_REALM_RPV_SIZE; i++)
		assert_int_equal(cfg.rpv[i], i + 1);
	vmm_config__exit(&cfg);

	expect_err(ARGV("--rpv", "abc"), "--rpv abc: needs an even, non-zero number of hex digits");
	expect_err(ARGV("--rpv", "0x"), "--rpv 0x: needs an even, non-zero number of hex digits");
	expect_err(ARGV("--rpv", "zz"), "--rpv zz: not hex (use up to 128 hex digits)");
	expect_err(ARGV("--rpv", "0x0x"), "--rpv 0x0x: not hex (use up to 128 hex digits)");
	strcat(hex, "00");
	{
		char want[VMM_ERR_LEN];

		snprintf(want, sizeof(want), "--rpv %s: longer than 64 bytes", hex);
		expect_err(ARGV("--rpv", hex), want);
	}
}

static void test_sve(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--kernel", "K");
	assert_int_equal(cfg.sve_vq, 0);
	PARSE_OK(&cfg, "--sve", "16");
	assert_int_equal(cfg.sve_vq, 16);
	expect_err(ARGV("--sve", "0"), "--sve 0: not an SVE vector length in quadwords, 1..16");
	expect_err(ARGV("--sve", "17"), "--sve 17: not an SVE vector length in quadwords, 1..16");
}

static void test_ipa_bits(void **state)
{
	struct vmm_config cfg;

	(void)state;
	PARSE_OK(&cfg, "--ipa-bits", "32");
	assert_int_equal(cfg.ipa_bits, 32);
	vmm_config__exit(&cfg);
	expect_err(ARGV("--ipa-bits", "31"), "--ipa-bits 31: not an IPA width in 32..48");
	expect_err(ARGV("--ipa-bits", "52"), "--ipa-bits 52: not an IPA width in 32..48");
	expect_err(ARGV("--ipa-bits", ""), "--ipa-bits '': not an IPA width in 32..48");
}

static void test_paths(void **state)
{
	(void)state;
	expect_err(ARGV("--kernel", ""), "--kernel '': empty");
	expect_err(ARGV("--initrd="), "--initrd '': empty");
	expect_err(ARGV("-d", ""), "--disk '': empty");
	expect_err(ARGV("--report", ""), "--report '': empty");
	expect_err(ARGV("--config", ""), "--config '': empty");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	expect_err(ARGV("--frobnicate"), "unknown option '--frobnicate'; see 'realm-vmm run --help'");
	expect_err(ARGV("--frob=1"), "unknown option '--frob=1'; see 'realm-vmm run --help'");
	expect_err(ARGV("-x"), "unknown option '-x'; see 'realm-vmm run --help'");
	expect_err(ARGV("-kK"), "unknown option '-kK'; see 'realm-vmm run --help'");
	expect_err(ARGV("--"), "unknown option '--'; see 'realm-vmm run --help'");
	expect_err(ARGV("Image"), "unexpected argument 'Image'; see 'realm-vmm run --help'");
	expect_err(ARGV("-"), "unexpected argument '-'; see 'realm-vmm run --help'");
	expect_err(ARGV("--kernel"), "--kernel needs a value (FILE)");
	expect_err(ARGV("-m"), "--mem needs a value (SIZE)");
	expect_err(ARGV("--dry-run=yes"), "--dry-run takes no value");
	expect_err(ARGV("--help=1"), "--help takes no value");
}

static void test_measure_names_itself(void **state)
{
	struct vmm_config cfg;
	struct vmm_err err;
	const char *argv[] = { "measure", "--bogus", NULL };

	(void)state;
	vmm_config__init(&cfg, VMM_CMD_MEASURE);
	assert_int_equal(vmm_config__parse(&cfg, 2, (char **)argv, &err), -EINVAL);
	assert_string_equal(err.msg, "unknown option '--bogus'; see 'realm-vmm measure --help'");
	vmm_config__exit(&cfg);
}

static void test_help_stops(void **state)
{
	struct vmm_config cfg;

	(void)state;
	/* Whatever follows --help is not looked at: the user asked for help. */
	PARSE_OK(&cfg, "--help", "--mem", "3X");
	assert_true(cfg.help);
	vmm_config__exit(&cfg);
	PARSE_OK(&cfg, "-h");
	assert_true(cfg.help);
	vmm_config__exit(&cfg);
}

static void test_usage_lists_every_option(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	unsigned int i;

	(void)state;
	assert_non_null(f);
	vmm_config__usage(f, VMM_CMD_RUN);
	fclose(f);
	for (i = 0; i < vmm_option_count; i++) {
		char needle[40];

		snprintf(needle, sizeof(needle), "--%s", vmm_options[i].name);
		assert_non_null(strstr(text, needle));
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_long_option),
		cmocka_unit_test(test_short_and_equals_forms),
		cmocka_unit_test(test_last_one_wins),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_cpus),
		cmocka_unit_test(test_mec),
		cmocka_unit_test(test_measurement_algo),
		cmocka_unit_test(test_rpv),
		cmocka_unit_test(test_ipa_bits),
		cmocka_unit_test(test_sve),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_measure_names_itself),
		cmocka_unit_test(test_help_stops),
		cmocka_unit_test(test_usage_lists_every_option),
	};

	return cmocka_run_group_tests_name("vmm options", tests, NULL, NULL);
}
