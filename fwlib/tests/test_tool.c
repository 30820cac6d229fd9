// SPDX-License-Identifier: GPL-2.0-only
/*
 * The cca-token-verify binary: exit codes, its one-line failure messages,
 * and its text and JSON reports on the golden token (ref §9: RIM
 * 311314ab...) and on a token built with TEST keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "helpers.h"

#ifndef TOOL_PATH
#error TOOL_PATH must name the cca-token-verify binary
#endif

#define GOLDEN		REFERENCE_DIR "/vectors/cca-token-ffm.cbor"
#define CPAK		REFERENCE_DIR "/vectors/cpak.json"
#define GOLDEN_RIM	"311314ab73620350cf758834ae5c65d9e8c2dc7febe6e7d9654bbe864e300d49"

static char out[65536], err[4096];

/* Run the tool with @args; stdout/stderr captured into out/err. */
static int run(const char *args)
{
	char cmd[2048];
	uint8_t *b;
	size_t n;
	int st;

	snprintf(cmd, sizeof(cmd), "%s %s >%s 2>%s", TOOL_PATH, args,
		 tmp_path("tool.out"), tmp_path("tool.err"));
	st = system(cmd);
	assert_true(st != -1 && WIFEXITED(st));
	out[0] = err[0] = 0;
	b = read_whole(tmp_path("tool.out"), &n);
	if (b) {
		snprintf(out, sizeof(out), "%s", (char *)b);
		free(b);
	}
	b = read_whole(tmp_path("tool.err"), &n);
	if (b) {
		snprintf(err, sizeof(err), "%s", (char *)b);
		free(b);
	}
	return WEXITSTATUS(st);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("\"%s\" not found in:\n%s", needle, hay);
}

/* Exactly one line on stderr, naming the failed check. */
static void assert_one_line_failure(const char *check)
{
	char want[256];

	snprintf(want, sizeof(want), "cca-token-verify: FAIL: %s", check);
	assert_contains(err, want);
	assert_non_null(strchr(err, '\n'));
	assert_string_equal(strchr(err, '\n'), "\n");
	assert_string_equal(out, "");
}

static void test_golden_text(void **state)
{
	(void)state;
	assert_int_equal(run(GOLDEN " --cpak " CPAK), 0);
	assert_contains(out, "all checks passed");
	assert_contains(out, "platform signature           OK (ES384, CPAK)");
	assert_contains(out, "RIM                          " GOLDEN_RIM);
	assert_contains(out, "profile                      tag:arm.com,2023:realm#1.0.0");
	assert_contains(out, "[8] RMM sha-256:a1fb50e6");
	assert_contains(out, "lifecycle                    0x3003");
	assert_string_equal(err, "");
	/* Without a CPAK the report says the platform signature was not checked. */
	assert_int_equal(run(GOLDEN), 0);
	assert_contains(out, "platform signature           NOT CHECKED (no --cpak)");
}

static void test_golden_json(void **state)
{
	char cmd[1024];

	(void)state;
	assert_int_equal(run(GOLDEN " --cpak " CPAK " --json --expect-rim " GOLDEN_RIM), 0);
	assert_contains(out, "\"rim\": \"" GOLDEN_RIM "\"");
	assert_contains(out, "\"platform_signature\": \"ok\"");
	assert_contains(out, "\"measurement_hash_algorithm\": \"sha-256\"");
	assert_contains(out, "\"type\": \"SOC_FW_CONFIG\"");
	/* Well-formed JSON, if python3 is there to say so. */
	snprintf(cmd, sizeof(cmd),
		 "command -v python3 >/dev/null || exit 0; python3 -c 'import json,sys; "
		 "d=json.load(open(sys.argv[1])); assert d[\"realm\"][\"rim\"].startswith(\"311314ab\"); "
		 "assert len(d[\"platform\"][\"sw_components\"]) == 13' %s", tmp_path("tool.out"));
	assert_int_equal(system(cmd), 0);
}

static void test_expectations_and_usage(void **state)
{
	(void)state;
	assert_int_equal(run(GOLDEN " --expect-rim 001314ab73620350cf758834ae5c65d9e8c2dc7febe6e7d9654bbe864e300d49"), 1);
	assert_one_line_failure("RIM:");
	assert_int_equal(run(GOLDEN " --challenge 00"), 1);
	assert_one_line_failure("challenge:");
	assert_int_equal(run(GOLDEN " --cpak " REFERENCE_DIR "/vectors/iak256.json"), 1);
	assert_one_line_failure("platform signature:");
	assert_int_equal(run(""), 2);
	assert_int_equal(run(GOLDEN " --bogus"), 2);
	assert_int_equal(run(GOLDEN " --challenge xyz"), 2);
	assert_int_equal(run("/nonexistent.cbor"), 2);
	assert_int_equal(run(GOLDEN " --cpak " GOLDEN), 2);	/* not JSON */
	assert_int_equal(run(REFERENCE_DIR "/vectors/tfrmm-host-plat.cose"), 1);
	assert_one_line_failure("collection:");
}

/* Flip one byte of the golden token at @off and expect @check to fail. */
static void flipped(size_t off, const char *extra, const char *check)
{
	char args[1024];
	uint8_t *tok;
	size_t len;
	FILE *f;

	tok = read_vector("cca-token-ffm.cbor", &len);
	tok[off] ^= 0x01;
	f = fopen(tmp_path("flipped.cbor"), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(tok, 1, len, f), len);
	fclose(f);
	free(tok);
	snprintf(args, sizeof(args), "%s %s", tmp_path("flipped.cbor"), extra);
	assert_int_equal(run(args), 1);
	assert_one_line_failure(check);
}

static void test_flipped_bytes(void **state)
{
	(void)state;
	flipped(0x5f0, "--cpak " CPAK, "platform signature: does not verify");
	flipped(2124 - 5, "--cpak " CPAK, "realm signature: does not verify");
	flipped(0x73e + 3, "--cpak " CPAK, "realm signature: does not verify");	/* RIM */
	flipped(0x41 + 5, "", "binding: platform challenge");
	flipped(0x41 + 5, "--cpak " CPAK, "platform signature: does not verify");
}

static void test_built_token(void **state)
{
	static uint8_t tok[8192];
	struct test_key test_rak, test_cpak;
	struct test_token_opts o = { 0 };
	char args[1024];
	size_t len;
	FILE *f;

	(void)state;
	test_key_from_seed(&test_rak, TEST_RAK_SEED);
	test_key_from_seed(&test_cpak, TEST_CPAK_SEED);
	write_test_jwk(tmp_path("test-cpak.json"), &test_cpak);

	len = build_test_token(tok, sizeof(tok), &test_rak, &test_cpak, &o);
	f = fopen(tmp_path("test-token.cbor"), "wb");
	assert_int_equal(fwrite(tok, 1, len, f), len);
	fclose(f);
	snprintf(args, sizeof(args), "%s --cpak %s --expect-rim %s --challenge "
		 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
		 "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
		 tmp_path("test-token.cbor"), tmp_path("test-cpak.json"),
		 "1111111111111111111111111111111111111111111111111111111111111111");
	assert_int_equal(run(args), 0);
	assert_contains(out, "[0] TEST_BL31 sha-256:4242");
	/* The golden CPAK did not sign the TEST platform token. */
	snprintf(args, sizeof(args), "%s --cpak " CPAK, tmp_path("test-token.cbor"));
	assert_int_equal(run(args), 1);
	assert_one_line_failure("platform signature:");

	o.bad_binding = true;
	len = build_test_token(tok, sizeof(tok), &test_rak, &test_cpak, &o);
	f = fopen(tmp_path("test-token.cbor"), "wb");
	assert_int_equal(fwrite(tok, 1, len, f), len);
	fclose(f);
	snprintf(args, sizeof(args), "%s --cpak %s", tmp_path("test-token.cbor"),
		 tmp_path("test-cpak.json"));
	assert_int_equal(run(args), 1);
	assert_one_line_failure("binding: platform challenge (claim 10) != sha-256(realm claim 44237)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_text),
		cmocka_unit_test(test_golden_json),
		cmocka_unit_test(test_expectations_and_usage),
		cmocka_unit_test(test_flipped_bytes),
		cmocka_unit_test(test_built_token),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
