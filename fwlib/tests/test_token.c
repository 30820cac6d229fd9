// SPDX-License-Identifier: GPL-2.0-only
/*
 * The verifier library (tools/token) on the golden tokens (ref §9), on a
 * token built end to end with TEST keys, and on tampered tokens: each
 * tampering must fail at the check the ref §8.3 checklist assigns to it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "attest_defs.h"
#include "helpers.h"
#include "hex.h"
#include "jwk.h"
#include "token.h"

static struct cca_token t;
static char msg[256];

static size_t cpak_point(uint8_t point[97])
{
	const char *err;
	uint8_t *json;
	size_t len, plen;

	json = read_vector("cpak.json", &len);
	assert_int_equal(jwk_parse_ec_public((char *)json, len, point, 97, &plen, &err), 0);
	free(json);
	return plen;
}

static int verify(const uint8_t *tok, size_t len, const uint8_t *cpak, size_t cpak_len)
{
	struct verify_opts o = { .cpak = cpak, .cpak_len = cpak_len };

	msg[0] = 0;
	return cca_token_verify(tok, len, &o, &t, msg, sizeof(msg));
}

#define assert_fails_with(rc, prefix)						\
	do {									\
		assert_int_equal(rc, -1);					\
		if (strncmp(msg, prefix, strlen(prefix)))			\
			fail_msg("expected \"%s...\", got \"%s\"", prefix, msg);	\
	} while (0)

static void test_golden_ffm_verifies(void **state)
{
	uint8_t cpak[97], rim[32], *tok;
	size_t len, n;

	(void)state;
	n = cpak_point(cpak);
	tok = read_vector("cca-token-ffm.cbor", &len);
	assert_int_equal(verify(tok, len, cpak, n), 0);
	assert_true(t.plat_sig_checked);
	assert_false(t.rak_legacy);
	assert_int_equal(t.tag, 399);
	assert_int_equal(hex_decode("311314ab73620350cf758834ae5c65d9e8c2dc7febe6e7d9654bbe864e300d49",
				    rim, sizeof(rim), &n), 0);
	assert_memory_equal(t.realm.rim.p, rim, 32);
	assert_int_equal(t.plat.num_sw, 13);
	free(tok);
}

static void test_golden_legacy_verifies(void **state)
{
	uint8_t cpak[97], *tok;
	size_t len, n;

	(void)state;
	n = cpak_point(cpak);
	tok = read_vector("cca-token-01.cbor", &len);
	assert_int_equal(verify(tok, len, cpak, n), 0);
	assert_true(t.rak_legacy);
	free(tok);
}

static void test_golden_tampered(void **state)
{
	uint8_t cpak[97], *tok;
	size_t len, n, off;

	(void)state;
	n = cpak_point(cpak);
	tok = read_vector("cca-token-ffm.cbor", &len);
	/* Layout (ref §5.1): platform sig ends at 0x5f5, realm sig at the end. */
	tok[0x5f0] ^= 0x01;
	assert_fails_with(verify(tok, len, cpak, n), "platform signature:");
	tok[0x5f0] ^= 0x01;
	tok[len - 5] ^= 0x01;
	assert_fails_with(verify(tok, len, cpak, n), "realm signature:");
	tok[len - 5] ^= 0x01;
	off = 0x73e;				/* inside the RIM value (realm payload) */
	assert_int_equal(tok[off - 2], 0x58);	/* "58 20" bstr(32) head of 44238 */
	tok[off + 3] ^= 0x80;
	assert_fails_with(verify(tok, len, cpak, n), "realm signature:");
	tok[off + 3] ^= 0x80;
	/* Platform challenge byte: caught by the platform signature with the
	 * CPAK, by the binding without it. */
	tok[0x41 + 5] ^= 0x01;
	assert_fails_with(verify(tok, len, cpak, n), "platform signature:");
	assert_fails_with(verify(tok, len, NULL, 0), "binding:");
	tok[0x41 + 5] ^= 0x01;
	assert_int_equal(verify(tok, len, cpak, n), 0);
	/* Wrong top-level tag. */
	tok[2] = 0x90;
	assert_fails_with(verify(tok, len, cpak, n), "collection:");
	free(tok);
}

/* Every truncation of the golden token is refused (and never overreads:
 * each copy is exactly as long as claimed, under ASan). */
static void test_golden_truncated(void **state)
{
	uint8_t *tok, *cut;
	size_t len, l;

	(void)state;
	tok = read_vector("cca-token-ffm.cbor", &len);
	for (l = 0; l < len; l += (l < 64 || len - l < 200) ? 1 : 37) {
		cut = malloc(l ? l : 1);
		memcpy(cut, tok, l);
		assert_int_equal(verify(cut, l, NULL, 0), -1);
		free(cut);
	}
	free(tok);
}

/* Random byte mutations of the golden token: every one must be refused
 * (no signature can survive them) and none may crash or overread. */
static void test_golden_mutations_refused(void **state)
{
	uint8_t cpak[97], *tok, *m;
	uint32_t x = 0x5eed;
	size_t len, n, i, off;

	(void)state;
	n = cpak_point(cpak);
	tok = read_vector("cca-token-ffm.cbor", &len);
	m = malloc(len);
	for (i = 0; i < 300; i++) {
		memcpy(m, tok, len);
		x = x * 1103515245u + 12345u;
		off = (x >> 4) % len;
		x = x * 1103515245u + 12345u;
		m[off] ^= (uint8_t)((x >> 16) | 1);
		assert_int_equal(verify(m, len, cpak, n), -1);
	}
	free(m);
	free(tok);
}

static void test_built_token_verifies(void **state)
{
	static uint8_t tok[8192];
	struct test_key rak, cpak;
	struct test_token_opts o = { 0 };
	struct verify_opts vo = { 0 };
	uint8_t chal[64], rim[32];
	size_t len, i;

	(void)state;
	test_key_from_seed(&rak, TEST_RAK_SEED);
	test_key_from_seed(&cpak, TEST_CPAK_SEED);
	len = build_test_token(tok, sizeof(tok), &rak, &cpak, &o);
	assert_int_equal(verify(tok, len, cpak.pk.q, cpak.pk.qlen), 0);
	assert_int_equal(t.realm.rak.len, COSE_KEY_P384_LEN);

	/* Expected challenge and RIM (ref §8.3 step 6). */
	for (i = 0; i < 64; i++)
		chal[i] = (uint8_t)i;
	memset(rim, 0x11, sizeof(rim));
	vo.cpak = cpak.pk.q;
	vo.cpak_len = cpak.pk.qlen;
	vo.challenge = chal;
	vo.rim = rim;
	vo.rim_len = sizeof(rim);
	assert_int_equal(cca_token_verify(tok, len, &vo, &t, msg, sizeof(msg)), 0);
	chal[63] ^= 1;
	assert_fails_with(cca_token_verify(tok, len, &vo, &t, msg, sizeof(msg)), "challenge:");
	chal[63] ^= 1;
	rim[0] ^= 1;
	assert_fails_with(cca_token_verify(tok, len, &vo, &t, msg, sizeof(msg)), "RIM:");

	/* Wrong platform key: the golden CPAK did not sign our TEST token. */
	{
		uint8_t golden_cpak[97];
		size_t n = cpak_point(golden_cpak);

		assert_fails_with(verify(tok, len, golden_cpak, n), "platform signature:");
	}

	/* SHA-512 measurements (64-byte RIM/REMs). */
	o.meas_len = 64;
	len = build_test_token(tok, sizeof(tok), &rak, &cpak, &o);
	assert_int_equal(verify(tok, len, cpak.pk.q, cpak.pk.qlen), 0);
	assert_int_equal(t.realm.rim.len, 64);
}

static void test_built_token_bad_binding(void **state)
{
	static uint8_t tok[8192];
	struct test_key rak, cpak;
	struct test_token_opts o = { .bad_binding = true };
	size_t len;

	(void)state;
	test_key_from_seed(&rak, TEST_RAK_SEED);
	test_key_from_seed(&cpak, TEST_CPAK_SEED);
	len = build_test_token(tok, sizeof(tok), &rak, &cpak, &o);
	/* Both signatures are good; only the binding is wrong. */
	assert_fails_with(verify(tok, len, cpak.pk.q, cpak.pk.qlen), "binding:");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_ffm_verifies),
		cmocka_unit_test(test_golden_legacy_verifies),
		cmocka_unit_test(test_golden_tampered),
		cmocka_unit_test(test_golden_truncated),
		cmocka_unit_test(test_golden_mutations_refused),
		cmocka_unit_test(test_built_token_verifies),
		cmocka_unit_test(test_built_token_bad_binding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
