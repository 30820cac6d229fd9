// SPDX-License-Identifier: GPL-2.0-only
/*
 * CBOR decoder on untrusted input: round trips with the encoder, and
 * refusal of truncated, malformed, over-long and over-nested input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cbor_dec.h"
#include "cbor_enc.h"
#include "helpers.h"

static void test_int_round_trip(void **state)
{
	static const int64_t vals[] = { 0, 1, 23, 24, 255, 256, 65535, 65536,
		4294967295ll, 4294967296ll, INT64_MAX, -1, -24, -25, -35, -256, -257,
		-65537, INT64_MIN };
	uint8_t buf[16];
	struct cbor_enc e;
	struct cbor_dec d;
	int64_t v;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		cbor_enc_init(&e, buf, sizeof(buf));
		cbor_put_int(&e, vals[i]);
		assert_int_equal(cbor_enc_finish(&e, &len), 0);
		assert_int_equal(len, cbor_head_size(vals[i] < 0 ? ~(uint64_t)vals[i] : (uint64_t)vals[i]));
		cbor_dec_init(&d, buf, len);
		assert_int_equal(cbor_get_int(&d, &v), CBOR_OK);
		assert_true(v == vals[i]);
		assert_int_equal(cbor_dec_finish(&d), CBOR_OK);
	}
}

static void test_uint64_max_and_int_range(void **state)
{
	static const uint8_t u64max[] = { 0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t nint_big[] = { 0x3b, 0x80, 0, 0, 0, 0, 0, 0, 0 };
	struct cbor_dec d;
	uint64_t u;
	int64_t v;

	(void)state;
	cbor_dec_init(&d, u64max, sizeof(u64max));
	assert_int_equal(cbor_get_uint(&d, &u), CBOR_OK);
	assert_true(u == UINT64_MAX);
	cbor_dec_init(&d, u64max, sizeof(u64max));
	assert_int_equal(cbor_get_int(&d, &v), CBOR_ERR_RANGE);
	cbor_dec_init(&d, nint_big, sizeof(nint_big));	/* -2^63 - 1 */
	assert_int_equal(cbor_get_int(&d, &v), CBOR_ERR_RANGE);
}

static void encode_nested(struct cbor_enc *e)
{
	cbor_put_tag(e, 18);
	cbor_put_array(e, 4);
	cbor_put_bstr(e, "\xa1\x01\x38\x22", 4);
	cbor_put_map(e, 1);
	cbor_put_int(e, 4);
	cbor_put_array(e, 2);
	cbor_put_simple(e, CBOR_SIMPLE_TRUE);
	cbor_put_tstr_z(e, "x");
	cbor_put_bstr(e, "payload", 7);
	cbor_put_bstr(e, "sig", 3);
}

static void test_structure_round_trip(void **state)
{
	uint8_t buf[64];
	struct cbor_enc e;
	struct cbor_dec d;
	const uint8_t *p, *raw;
	const char *s;
	size_t len, n, rawlen;
	uint64_t tag;
	int64_t k;

	(void)state;
	cbor_enc_init(&e, buf, sizeof(buf));
	encode_nested(&e);
	assert_int_equal(cbor_enc_finish(&e, &len), 0);

	cbor_dec_init(&d, buf, len);
	assert_int_equal(cbor_get_tag(&d, &tag), CBOR_OK);
	assert_int_equal(tag, 18);
	assert_int_equal(cbor_get_array(&d, &n), CBOR_OK);
	assert_int_equal(n, 4);
	assert_int_equal(cbor_get_bstr(&d, &p, &n), CBOR_OK);
	assert_int_equal(n, 4);
	assert_int_equal(cbor_peek_major(&d), CBOR_MT_MAP);
	assert_int_equal(cbor_get_map(&d, &n), CBOR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(cbor_get_int(&d, &k), CBOR_OK);
	assert_int_equal(k, 4);
	assert_int_equal(cbor_skip(&d, &raw, &rawlen), CBOR_OK);
	assert_int_equal(rawlen, 4);			/* 82 f5 61 78 */
	assert_int_equal(raw[0], 0x82);
	assert_int_equal(cbor_get_bstr(&d, &p, &n), CBOR_OK);
	assert_memory_equal(p, "payload", 7);
	assert_int_equal(cbor_get_tstr(&d, &s, &n), CBOR_ERR_TYPE);	/* it is a bstr */
	assert_int_equal(cbor_get_bstr(&d, &p, &n), CBOR_ERR_TYPE);	/* sticky */

	cbor_dec_init(&d, buf, len);
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_OK);
	assert_int_equal(cbor_dec_finish(&d), CBOR_OK);
}

/* Every strict prefix of a valid item must be refused, by skip and by the
 * typed getters alike. */
static void test_truncation_refused(void **state)
{
	uint8_t buf[64];
	struct cbor_enc e;
	struct cbor_dec d;
	size_t len, cut;

	(void)state;
	cbor_enc_init(&e, buf, sizeof(buf));
	encode_nested(&e);
	assert_int_equal(cbor_enc_finish(&e, &len), 0);
	for (cut = 0; cut < len; cut++) {
		uint8_t *copy = malloc(cut ? cut : 1);	/* exact size: ASan sees overreads */

		memcpy(copy, buf, cut);
		cbor_dec_init(&d, copy, cut);
		assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_ERR_TRUNCATED);
		free(copy);
	}
}

static void test_malformed_heads_refused(void **state)
{
	static const uint8_t indef_bstr[] = { 0x5f, 0x41, 0x00, 0xff };
	static const uint8_t indef_array[] = { 0x9f, 0x01, 0xff };
	static const uint8_t reserved[] = { 0x1c };
	static const uint8_t brk[] = { 0xff };
	static const uint8_t bad_simple[] = { 0xf8, 0x10 };	/* §3.3: < 32 in 2 bytes */
	static const uint8_t huge_bstr[] = { 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf0, 0x00 };
	static const uint8_t huge_array[] = { 0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t huge_map[] = { 0xbb, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x01 };
	static const uint8_t trailing[] = { 0x01, 0x02 };
	struct cbor_dec d;
	const uint8_t *p;
	size_t n;

	(void)state;
#define REFUSE(buf, err)						\
	do {								\
		cbor_dec_init(&d, buf, sizeof(buf));			\
		assert_int_equal(cbor_skip(&d, NULL, NULL), err);	\
	} while (0)
	REFUSE(indef_bstr, CBOR_ERR_UNSUPPORTED);
	REFUSE(indef_array, CBOR_ERR_UNSUPPORTED);
	REFUSE(reserved, CBOR_ERR_UNSUPPORTED);
	REFUSE(brk, CBOR_ERR_UNSUPPORTED);
	REFUSE(bad_simple, CBOR_ERR_UNSUPPORTED);
	REFUSE(huge_bstr, CBOR_ERR_TRUNCATED);
	REFUSE(huge_array, CBOR_ERR_TRUNCATED);
	REFUSE(huge_map, CBOR_ERR_TRUNCATED);
	cbor_dec_init(&d, huge_bstr, sizeof(huge_bstr));
	assert_int_equal(cbor_get_bstr(&d, &p, &n), CBOR_ERR_TRUNCATED);
	cbor_dec_init(&d, huge_array, sizeof(huge_array));
	assert_int_equal(cbor_get_array(&d, &n), CBOR_ERR_TRUNCATED);
	cbor_dec_init(&d, huge_map, sizeof(huge_map));
	assert_int_equal(cbor_get_map(&d, &n), CBOR_ERR_TRUNCATED);
	cbor_dec_init(&d, trailing, sizeof(trailing));
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_OK);
	assert_int_equal(cbor_dec_finish(&d), CBOR_ERR_TRAILING);
	cbor_dec_init(&d, NULL, 0);
	assert_int_equal(cbor_peek_major(&d), -1);
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_ERR_TRUNCATED);
}

static void test_nesting_limit(void **state)
{
	uint8_t buf[256];
	struct cbor_dec d;
	size_t depth, i;

	(void)state;
	/* depth levels of [ ... [ 0 ] ... ]: depth 15 fits, 16 does not. */
	for (depth = 1; depth <= 40; depth++) {
		for (i = 0; i < depth; i++)
			buf[i] = 0x81;
		buf[depth] = 0x00;
		cbor_dec_init(&d, buf, depth + 1);
		assert_int_equal(cbor_skip(&d, NULL, NULL),
				 depth < CBOR_MAX_DEPTH ? CBOR_OK : CBOR_ERR_DEPTH);
	}
	/* Tag chains count as nesting too. */
	memset(buf, 0xc1, 100);
	buf[100] = 0x00;
	cbor_dec_init(&d, buf, 101);
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_ERR_DEPTH);
	/* Wide but shallow is fine: 200 elements. */
	buf[0] = 0x98;
	buf[1] = 200;
	memset(buf + 2, 0x01, 200);
	cbor_dec_init(&d, buf, 202);
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_OK);
	assert_int_equal(cbor_dec_finish(&d), CBOR_OK);
}

/* The golden token is well-formed from end to end (ref §9). */
static void test_skip_golden_token(void **state)
{
	struct cbor_dec d;
	uint8_t *tok;
	size_t len;

	(void)state;
	tok = read_vector("cca-token-ffm.cbor", &len);
	assert_int_equal(len, 2124);
	cbor_dec_init(&d, tok, len);
	assert_int_equal(cbor_skip(&d, NULL, NULL), CBOR_OK);
	assert_int_equal(cbor_dec_finish(&d), CBOR_OK);
	free(tok);
}

/* Pseudo-random mutations of the golden token never crash the decoder
 * (ASan/UBSan catch any out-of-bounds access). */
static void test_mutations_do_not_crash(void **state)
{
	uint8_t *tok, *m;
	struct cbor_dec d;
	uint32_t x = 12345;
	size_t len, i;

	(void)state;
	tok = read_vector("cca-token-ffm.cbor", &len);
	m = malloc(len);
	for (i = 0; i < 5000; i++) {
		memcpy(m, tok, len);
		x = x * 1103515245u + 12345u;
		m[(x >> 8) % 64] = (uint8_t)(x >> 16);	/* heads live near the front */
		x = x * 1103515245u + 12345u;
		cbor_dec_init(&d, m, (x >> 4) % (len + 1));
		(void)cbor_skip(&d, NULL, NULL);
	}
	free(m);
	free(tok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_int_round_trip),
		cmocka_unit_test(test_uint64_max_and_int_range),
		cmocka_unit_test(test_structure_round_trip),
		cmocka_unit_test(test_truncation_refused),
		cmocka_unit_test(test_malformed_heads_refused),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_skip_golden_token),
		cmocka_unit_test(test_mutations_do_not_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
