// SPDX-License-Identifier: GPL-2.0-only
/* --config FILE.json: keys, types, errors, override order, round trip. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "helpers.h"
#include "vmm/config-json.h"
#include "vmm/config.h"
#include "vmm/util.h"

static int load(struct vmm_config *cfg, const char *json, const char **argv_tail,
		char *msg, size_t len)
{
	const char *path = tmp_text("cfg.json", json);
	const char *argv[32] = { "run", "--config", path };
	int n = 3;

	while (argv_tail && *argv_tail)
		argv[n++] = *argv_tail++;
	argv[n] = NULL;
	return parse(cfg, argv, msg, len);
}

static void expect_err(const char *json, const char *want_after_path)
{
	char msg[VMM_ERR_LEN], want[VMM_ERR_LEN];
	struct vmm_config cfg;

	assert_true(load(&cfg, json, NULL, msg, sizeof(msg)) < 0);
	snprintf(want, sizeof(want), "--config %s/cfg.json: %s", tmp_dir(), want_after_path);
	assert_string_equal(msg, want);
	vmm_config__exit(&cfg);
}

static void test_every_key(void **state)
{
	struct vmm_config cfg;
	char msg[VMM_ERR_LEN];

	(void)state;
	assert_int_equal(load(&cfg,
		"{ \"kernel\": \"K\", \"initrd\": \"I\", \"cmdline\": \"quiet\",\n"
		"  \"mem\": \"1G\", \"cpus\": 3, \"mec\": 9, \"measurement-algo\": \"sha512\",\n"
		"  \"rpv\": \"ff01\", \"ipa-bits\": 44, \"disk\": \"D\", \"report\": \"R\" }\n",
		NULL, msg, sizeof(msg)), 0);
	assert_string_equal(cfg.kernel_path, "K");
	assert_string_equal(cfg.initrd_path, "I");
	assert_string_equal(cfg.cmdline, "quiet");
	assert_int_equal(cfg.ram_size, SZ_1G);
	assert_int_equal(cfg.nr_cpus, 3);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE);
	assert_int_equal(cfg.mecid, 9);
	assert_int_equal(cfg.hash_algo, KVM_REALM_MEASURE_SHA512);
	assert_int_equal(cfg.rpv[0], 0xff);
	assert_int_equal(cfg.rpv[1], 0x01);
	assert_int_equal(cfg.ipa_bits, 44);
	assert_string_equal(cfg.disk_path, "D");
	assert_string_equal(cfg.report_path, "R");
	/* Nothing in the file counts as "given on the command line". */
	assert_int_equal(cfg.cli_set, 1ULL << (vmm_option__find("config") - vmm_options));
	vmm_config__exit(&cfg);
}

static void test_mec_spellings(void **state)
{
	struct vmm_config cfg;

	(void)state;
	assert_int_equal(load(&cfg, "{\"mec\": true}", NULL, NULL, 0), 0);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE_AUTO);
	vmm_config__exit(&cfg);
	assert_int_equal(load(&cfg, "{\"mec\": false}", NULL, NULL, 0), 0);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_SHARED);
	vmm_config__exit(&cfg);
	assert_int_equal(load(&cfg, "{\"mec\": \"12\"}", NULL, NULL, 0), 0);
	assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE);
	assert_int_equal(cfg.mecid, 12);
	vmm_config__exit(&cfg);
}

/* Command line > file > defaults, wherever --config sits on the line. */
static void test_override_order(void **state)
{
	static const char *json =
		"{\"mem\": \"1G\", \"cpus\": 8, \"kernel\": \"file-K\", \"mec\": 5}";
	const char *tail_after[] = { "--mem", "512M", "--kernel", "cli-K", NULL };
	struct vmm_config cfg;
	char msg[VMM_ERR_LEN];

	(void)state;
	assert_int_equal(load(&cfg, json, tail_after, msg, sizeof(msg)), 0);
	assert_int_equal(cfg.ram_size, 512 * SZ_1M);	/* command line */
	assert_string_equal(cfg.kernel_path, "cli-K");	/* command line */
	assert_int_equal(cfg.nr_cpus, 8);		/* file */
	assert_int_equal(cfg.mecid, 5);			/* file */
	assert_int_equal(cfg.ipa_bits, 40);		/* default */
	vmm_config__exit(&cfg);

	{
		const char *path = tmp_text("cfg2.json", json);
		const char *argv[] = { "run", "--mem", "512M", "--config", path, "--mec", NULL };

		assert_int_equal(parse(&cfg, argv, msg, sizeof(msg)), 0);
		assert_int_equal(cfg.ram_size, 512 * SZ_1M);
		assert_string_equal(cfg.kernel_path, "file-K");
		assert_int_equal(cfg.mec_policy, KVM_REALM_MEC_PRIVATE_AUTO);
		vmm_config__exit(&cfg);
	}

	/* An overridden key is not looked at, like an earlier repeated option. */
	{
		const char *tail[] = { "--mem", "2M", NULL };

		assert_int_equal(load(&cfg, "{\"mem\": \"3X\"}", tail, msg, sizeof(msg)), 0);
		assert_int_equal(cfg.ram_size, 2 * SZ_1M);
		vmm_config__exit(&cfg);
	}
}

static void test_value_errors(void **state)
{
	(void)state;
	expect_err("{\"mem\": \"3X\"}", "\"mem\": \"3X\": not a size (use a number with K, M or G)");
	expect_err("{\"mem\": 268435456}", "\"mem\": 268435456: not a size (use a number with K, M or G)");
	expect_err("{\"cpus\": 0}", "\"cpus\": 0: not a CPU count in 1..64");
	expect_err("{\"cpus\": -1}", "\"cpus\": -1: not a CPU count in 1..64");
	expect_err("{\"mec\": 70000}", "\"mec\": 70000: not a MECID in 0..65535");
	expect_err("{\"rpv\": \"xyz\"}", "\"rpv\": \"xyz\": not hex (use up to 128 hex digits)");
	expect_err("{\"measurement-algo\": \"md5\"}",
		   "\"measurement-algo\": \"md5\": not a measurement algorithm (use sha256 or sha512)");
	expect_err("{\"ipa-bits\": 60}", "\"ipa-bits\": 60: not an IPA width in 32..48");
	expect_err("{\"kernel\": \"\"}", "\"kernel\": \"\": empty");
}

static void test_type_errors(void **state)
{
	(void)state;
	expect_err("{\"cpus\": [1]}", "\"cpus\": expects a string or a number");
	expect_err("{\"cpus\": 1.5}", "\"cpus\": expects a string or a number");
	expect_err("{\"kernel\": true}", "\"kernel\": expects a string or a number");
	expect_err("{\"kernel\": null}", "\"kernel\": expects a string or a number");
	expect_err("{\"mec\": null}", "\"mec\": expects true, false or a number");
	expect_err("{\"mec\": {}}", "\"mec\": expects true, false or a number");
}

static void test_key_errors(void **state)
{
	(void)state;
	expect_err("{\"memory\": \"1G\"}", "unknown key \"memory\"");
	expect_err("{\"config\": \"other.json\"}", "unknown key \"config\"");
	expect_err("{\"dry-run\": true}", "unknown key \"dry-run\"");
	expect_err("{\"help\": true}", "unknown key \"help\"");
}

static void test_file_errors(void **state)
{
	char msg[VMM_ERR_LEN], want[VMM_ERR_LEN];
	struct vmm_config cfg;

	(void)state;
	expect_err("[1, 2]", "not a JSON object");
	expect_err("\"mem\"", "not a JSON object");
	expect_err("", "not JSON: unexpected end of file");
	expect_err("{\"mem\": \"1G\"", "not JSON: unexpected end of file");
	expect_err("{} {}", "not JSON: trailing data at byte 3");

	/* json-c's own words differ between versions; only our part is fixed. */
	assert_true(load(&cfg, "{\"mem\" \"1G\"}", NULL, msg, sizeof(msg)) < 0);
	snprintf(want, sizeof(want), "--config %s/cfg.json: not JSON: ", tmp_dir());
	assert_memory_equal(msg, want, strlen(want));
	assert_null(strchr(msg, '\n'));
	vmm_config__exit(&cfg);

	assert_true(parse(&cfg, ARGV("--config", "/nonexistent/x.json"), msg, sizeof(msg)) < 0);
	assert_string_equal(msg, "--config /nonexistent/x.json: No such file or directory");
	vmm_config__exit(&cfg);

	assert_true(parse(&cfg, ARGV("--config", tmp_dir()), msg, sizeof(msg)) < 0);
	snprintf(want, sizeof(want), "--config %s: not a regular file", tmp_dir());
	assert_string_equal(msg, want);
	vmm_config__exit(&cfg);
}

/* --dry-run prints a "config" object that --config reads back unchanged. */
static void test_round_trip(void **state)
{
	const char *tail[] = { "--kernel", "K", "--initrd", "I", "--cmdline", "a \"quoted\" b",
			       "--mem", "3G", "--cpus", "5", "--mec", "--measurement-algo", "sha512",
			       "--rpv", "0123456789abcdef", "--ipa-bits", "36", "--disk", "D",
			       "--report", "R", NULL };
	struct vmm_config a, b;
	struct json_object *o;
	const char *path;

	(void)state;
	assert_int_equal(load(&a, "{}", tail, NULL, 0), 0);
	o = vmm_config__to_json(&a);
	assert_non_null(o);
	path = tmp_text("round.json", json_object_to_json_string(o));
	json_object_put(o);

	assert_int_equal(parse(&b, ARGV("--config", path), NULL, 0), 0);
	assert_string_equal(a.kernel_path, b.kernel_path);
	assert_string_equal(a.initrd_path, b.initrd_path);
	assert_string_equal(a.cmdline, b.cmdline);
	assert_string_equal(a.disk_path, b.disk_path);
	assert_string_equal(a.report_path, b.report_path);
	assert_int_equal(a.ram_size, b.ram_size);
	assert_int_equal(a.nr_cpus, b.nr_cpus);
	assert_int_equal(a.ipa_bits, b.ipa_bits);
	assert_int_equal(a.hash_algo, b.hash_algo);
	assert_int_equal(a.mec_policy, b.mec_policy);
	assert_int_equal(a.mecid, b.mecid);
	assert_memory_equal(a.rpv, b.rpv, sizeof(a.rpv));
	vmm_config__exit(&a);
	vmm_config__exit(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_mec_spellings),
		cmocka_unit_test(test_override_order),
		cmocka_unit_test(test_value_errors),
		cmocka_unit_test(test_type_errors),
		cmocka_unit_test(test_key_errors),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests_name("vmm config json", tests, group_setup, group_teardown);
}
