// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host build of realm-vmm, run as a user would: exit status, exactly
 * one line on stderr for every bad input, --dry-run JSON on stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-c/json.h>

#include "helpers.h"
#include "vmm/util.h"

#ifndef REALM_VMM_HOST_BIN
#error "REALM_VMM_HOST_BIN: the Makefile passes the host realm-vmm's path"
#endif

struct result {
	int status;		/* exit status, or -1 if it did not exit */
	char out[16384];
	char err[4096];
};

static void drain(int fd, char *buf, size_t len)
{
	size_t n = 0;
	ssize_t r;

	while (n + 1 < len && (r = read(fd, buf + n, len - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fd);
}

/* Run realm-vmm with ARGV-style @argv (argv[0] is the command). */
static void run(const char **argv, struct result *res)
{
	const char *full[40] = { REALM_VMM_HOST_BIN };
	int out[2], err[2], n = 1, st;
	pid_t pid;

	while (*argv)
		full[n++] = *argv++;
	full[n] = NULL;
	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(err), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		execv(full[0], (char **)full);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	/* Outputs are far below a pipe's capacity: read after the exit is fine. */
	assert_int_equal(waitpid(pid, &st, 0), pid);
	drain(out[0], res->out, sizeof(res->out));
	drain(err[0], res->err, sizeof(res->err));
	res->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void expect_one_line(const struct result *res, int status, const char *want)
{
	char line[VMM_ERR_LEN + 32];

	assert_int_equal(res->status, status);
	snprintf(line, sizeof(line), "realm-vmm: %s\n", want);
	assert_string_equal(res->err, line);
	assert_string_equal(res->out, "");
}

static const char *kernel(void)
{
	return tmp_image("Image", 0, 8 * SZ_1M, 5 * SZ_1M);
}

static void test_bad_input_is_one_line(void **state)
{
	struct result res;

	(void)state;
	run(ARGV(NULL), &res);
	expect_one_line(&res, 1, "--kernel is required (the arm64 Image to boot)");
	run(ARGV("--kernel", kernel(), "--mem", "3X"), &res);
	expect_one_line(&res, 1, "--mem 3X: not a size (use a number with K, M or G)");
	run(ARGV("--kernel", "/nonexistent/Image"), &res);
	expect_one_line(&res, 1, "--kernel /nonexistent/Image: No such file or directory");
	run(ARGV("--config", "/nonexistent/c.json", "--dry-run"), &res);
	expect_one_line(&res, 1, "--config /nonexistent/c.json: No such file or directory");
	run(ARGV("-k", kernel(), "--mem", "4M", "--dry-run"), &res);
	expect_one_line(&res, 1, "--mem 4 MiB: too small for the kernel (8388608 bytes) and the DTB block (2 MiB); needs at least 10 MiB");
}

/* Many bad inputs: never a crash, always status 1 and one line. */
static void test_no_crash(void **state)
{
	static const char *const bad[][4] = {
		{ "--cpus", "999" }, { "--mec", "-1" }, { "--rpv", "g" }, { "--ipa-bits" },
		{ "--measurement-algo", "" }, { "--mem", "18446744073709551616G" },
		{ "--dry-run=x" }, { "extra" }, { "-" }, { "--initrd", "/" }, { "--disk", "/nonexistent" },
		{ "--cmdline" }, { "--mem=" }, { "--config", "/" },
	};
	const char *k = kernel();
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		const char *argv[8] = { "run", "-k", k, bad[i][0], bad[i][1], bad[i][2], NULL };
		struct result res;
		char *nl;

		run(argv, &res);
		if (res.status != 1)
			fail_msg("%s %s: status %d", bad[i][0], bad[i][1] ? bad[i][1] : "", res.status);
		nl = strchr(res.err, '\n');
		assert_non_null(nl);
		assert_string_equal(nl + 1, "");
		assert_memory_equal(res.err, "realm-vmm: ", 11);
		assert_string_equal(res.out, "");
	}
}

/* Without the module (as on this build host), run says so in one line. */
static void test_run_without_module(void **state)
{
	struct result res;

	(void)state;
	if (access("/dev/kvm-realm", F_OK) == 0)
		skip();
	run(ARGV("-k", kernel()), &res);
	expect_one_line(&res, 1, "/dev/kvm-realm: No such file or directory (is kvm-realm.ko loaded, and does the platform have an RMM?)");
}

/* measure prints one line: the algorithm and the RIM; the same options give the same RIM. */
static void test_measure_prints_the_rim(void **state)
{
	struct result res;
	char first[256];

	(void)state;
	run((const char *[]){ "measure", "-k", kernel(), NULL }, &res);
	assert_int_equal(res.status, 0);
	assert_string_equal(res.err, "");
	assert_int_equal(strlen(res.out), strlen("sha256 ") + 64 + 1);
	assert_memory_equal(res.out, "sha256 ", 7);
	snprintf(first, sizeof(first), "%s", res.out);
	run((const char *[]){ "measure", "-k", kernel(), NULL }, &res);
	assert_string_equal(res.out, first);
	run((const char *[]){ "measure", "-k", kernel(), "--measurement-algo", "sha512", NULL }, &res);
	assert_int_equal(res.status, 0);
	assert_int_equal(strlen(res.out), strlen("sha512 ") + 128 + 1);
	run((const char *[]){ "measure", "-k", kernel(), "--rpv", "01", NULL }, &res);
	assert_int_equal(res.status, 0);
	/* The RPV is not part of the RIM (it is reported beside it in the token). */
	assert_string_equal(res.out, first);
	run((const char *[]){ "measure", "-k", kernel(), "--mem", "512M", NULL }, &res);
	assert_int_equal(res.status, 0);
	assert_string_not_equal(res.out, first);
}

static struct json_object *get(struct json_object *o, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.'))) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - path), path);
		if (!json_object_object_get_ex(o, key, &o))
			fail_msg("no %s", key);
		path = dot + 1;
	}
	if (!json_object_object_get_ex(o, path, &o))
		fail_msg("no %s", path);
	return o;
}

static const char *get_str(struct json_object *o, const char *path)
{
	return json_object_get_string(get(o, path));
}

static void test_dry_run(void **state)
{
	const char *k = kernel();
	struct json_object *o;
	struct result res;

	(void)state;
	run(ARGV("-k", k, "-c", "2", "-p", "quiet", "--mec", "--rpv", "ab", "--dry-run"), &res);
	assert_int_equal(res.status, 0);
	assert_string_equal(res.err, "");
	o = json_tokener_parse(res.out);
	assert_non_null(o);
	assert_string_equal(get_str(o, "command"), "run");
	assert_string_equal(get_str(o, "config.kernel"), k);
	assert_string_equal(get_str(o, "config.mem"), "256M");
	assert_int_equal(json_object_get_int(get(o, "config.cpus")), 2);
	assert_true(json_object_get_boolean(get(o, "config.mec")));
	assert_memory_equal(get_str(o, "config.rpv"), "ab00", 4);
	assert_int_equal(strlen(get_str(o, "config.rpv")), 128);
	assert_string_equal(get_str(o, "bootargs"),
			    "console=ttyAMA0 earlycon=pl011,mmio,0x8001000000 swiotlb=8192 quiet");
	assert_string_equal(get_str(o, "layout.unprotected-bit"), "0x8000000000");
	assert_string_equal(get_str(o, "layout.kernel.base"), "0x80000000");
	assert_string_equal(get_str(o, "layout.dtb.base"), "0x8fe00000");
	assert_string_equal(get_str(o, "layout.gicr.base"), "0x3ffb0000");
	json_object_put(o);

	run((const char *[]){ "measure", "-k", k, "--dry-run", NULL }, &res);
	assert_int_equal(res.status, 0);
	o = json_tokener_parse(res.out);
	assert_non_null(o);
	assert_string_equal(get_str(o, "command"), "measure");
	json_object_put(o);
}

/* --dry-run's "config" fed back through --config: the same dump. */
static void test_dry_run_round_trip(void **state)
{
	const char *initrd = tmp_file("initrd", NULL, 4096);
	struct json_object *o, *cfg;
	struct result a, b;
	const char *path;

	(void)state;
	run(ARGV("-k", kernel(), "-i", initrd, "-m", "1G", "-c", "3", "--mec", "42",
		 "--measurement-algo", "sha512", "--ipa-bits", "44", "-p", "a b", "--dry-run"), &a);
	assert_int_equal(a.status, 0);
	o = json_tokener_parse(a.out);
	assert_non_null(o);
	cfg = get(o, "config");
	path = tmp_text("from-dry-run.json", json_object_to_json_string(cfg));
	json_object_put(o);
	run(ARGV("--config", path, "--dry-run"), &b);
	assert_int_equal(b.status, 0);
	assert_string_equal(a.out, b.out);
}

static void test_help(void **state)
{
	struct result res;

	(void)state;
	run(ARGV("--help"), &res);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.out, "usage: realm-vmm run --kernel FILE"));
	assert_non_null(strstr(res.out, "--dry-run"));
	assert_string_equal(res.err, "");
	run((const char *[]){ "help", NULL }, &res);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.out, "  run "));
	assert_non_null(strstr(res.out, "  measure "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_input_is_one_line),
		cmocka_unit_test(test_no_crash),
		cmocka_unit_test(test_run_without_module),
		cmocka_unit_test(test_measure_prints_the_rim),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_dry_run_round_trip),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests_name("vmm cli", tests, group_setup, group_teardown);
}
