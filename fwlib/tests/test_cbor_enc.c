// SPDX-License-Identifier: GPL-2.0-only
/*
 * CBOR encoder: shortest-form heads (RFC 8949 §4.2.1), every major type,
 * and output-buffer overflow that never writes past the capacity.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cbor_enc.h"

static void expect_bytes(struct cbor_enc *e, const uint8_t *want, size_t n)
{
	size_t len;

	assert_int_equal(cbor_enc_finish(e, &len), 0);
	assert_int_equal(len, n);
	assert_memory_equal(e->buf, want, n);
}

#define EXPECT(call, ...)						\
	do {								\
		static const uint8_t w_[] = { __VA_ARGS__ };		\
		uint8_t b_[16];						\
		struct cbor_enc e_;					\
		cbor_enc_init(&e_, b_, sizeof(b_));			\
		call;							\
		expect_bytes(&e_, w_, sizeof(w_));			\
	} while (0)

static void test_uint_shortest(void **state)
{
	(void)state;
	EXPECT(cbor_put_uint(&e_, 0), 0x00);
	EXPECT(cbor_put_uint(&e_, 23), 0x17);
	EXPECT(cbor_put_uint(&e_, 24), 0x18, 0x18);
	EXPECT(cbor_put_uint(&e_, 255), 0x18, 0xff);
	EXPECT(cbor_put_uint(&e_, 256), 0x19, 0x01, 0x00);
	EXPECT(cbor_put_uint(&e_, 65535), 0x19, 0xff, 0xff);
	EXPECT(cbor_put_uint(&e_, 65536), 0x1a, 0x00, 0x01, 0x00, 0x00);
	EXPECT(cbor_put_uint(&e_, 0xffffffffu), 0x1a, 0xff, 0xff, 0xff, 0xff);
	EXPECT(cbor_put_uint(&e_, 0x100000000ull), 0x1b, 0, 0, 0, 1, 0, 0, 0, 0);
	EXPECT(cbor_put_uint(&e_, UINT64_MAX), 0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
	/* Claim keys of ref §5.3 */
	EXPECT(cbor_put_uint(&e_, 44237), 0x19, 0xac, 0xcd);
}

static void test_nint(void **state)
{
	(void)state;
	EXPECT(cbor_put_int(&e_, -1), 0x20);
	EXPECT(cbor_put_int(&e_, -24), 0x37);
	EXPECT(cbor_put_int(&e_, -25), 0x38, 0x18);
	EXPECT(cbor_put_int(&e_, -35), 0x38, 0x22);	/* ES384, ref §5.2 */
	EXPECT(cbor_put_int(&e_, -256), 0x38, 0xff);
	EXPECT(cbor_put_int(&e_, -257), 0x39, 0x01, 0x00);
	EXPECT(cbor_put_int(&e_, INT64_MIN), 0x3b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
	EXPECT(cbor_put_int(&e_, 10), 0x0a);
}

static void test_strings_containers_tags(void **state)
{
	(void)state;
	EXPECT(cbor_put_bstr(&e_, NULL, 0), 0x40);
	EXPECT(cbor_put_bstr(&e_, "\x01\x02", 2), 0x42, 0x01, 0x02);
	EXPECT(cbor_put_tstr_z(&e_, "sha-256"), 0x67, 's', 'h', 'a', '-', '2', '5', '6');
	EXPECT(cbor_put_array(&e_, 4), 0x84);
	EXPECT(cbor_put_map(&e_, 0), 0xa0);
	EXPECT(cbor_put_map(&e_, 24), 0xb8, 0x18);
	EXPECT(cbor_put_tag(&e_, 18), 0xd2);
	EXPECT(cbor_put_tag(&e_, 399), 0xd9, 0x01, 0x8f);
	EXPECT(cbor_put_tag(&e_, 907), 0xd9, 0x03, 0x8b);
	EXPECT(cbor_put_simple(&e_, CBOR_SIMPLE_TRUE), 0xf5);
	EXPECT(cbor_put_simple(&e_, CBOR_SIMPLE_NULL), 0xf6);
}

static void test_long_string_head(void **state)
{
	static uint8_t src[300], buf[400];
	struct cbor_enc e;
	size_t len;

	(void)state;
	memset(src, 0x5a, sizeof(src));
	cbor_enc_init(&e, buf, sizeof(buf));
	cbor_put_bstr(&e, src, 24);
	cbor_put_bstr(&e, src, 256);
	assert_int_equal(cbor_enc_finish(&e, &len), 0);
	assert_int_equal(len, 2 + 24 + 3 + 256);
	assert_int_equal(buf[0], 0x58);
	assert_int_equal(buf[1], 24);
	assert_int_equal(buf[26], 0x59);
	assert_int_equal(buf[27], 0x01);
	assert_int_equal(buf[28], 0x00);
}

/* Encode a fixed item sequence into every capacity 0..need and check that
 * bytes past the capacity stay untouched and the needed size is reported. */
static void encode_sample(struct cbor_enc *e)
{
	cbor_put_tag(e, 399);
	cbor_put_map(e, 2);
	cbor_put_uint(e, 44234);
	cbor_put_bstr(e, "platform-token-bytes", 20);
	cbor_put_uint(e, 44241);
	cbor_put_tstr_z(e, "realm");
	cbor_put_int(e, -35);
}

static void test_overflow_never_writes_out_of_bounds(void **state)
{
	uint8_t ref[64], buf[64 + 16];
	struct cbor_enc e;
	size_t need, cap, len;

	(void)state;
	cbor_enc_init(&e, ref, sizeof(ref));
	encode_sample(&e);
	assert_int_equal(cbor_enc_finish(&e, &need), 0);

	for (cap = 0; cap <= need; cap++) {
		memset(buf, 0xee, sizeof(buf));
		cbor_enc_init(&e, buf, cap);
		encode_sample(&e);
		if (cap < need) {
			assert_int_equal(cbor_enc_finish(&e, &len), -1);
			assert_int_equal(len, need);	/* size needed still known */
		} else {
			assert_int_equal(cbor_enc_finish(&e, &len), 0);
			assert_memory_equal(buf, ref, need);
		}
		for (size_t i = cap; i < sizeof(buf); i++)
			assert_int_equal(buf[i], 0xee);
	}
}

static void test_measure_mode(void **state)
{
	struct cbor_enc e;
	size_t len;

	(void)state;
	cbor_enc_init(&e, NULL, 0);
	encode_sample(&e);
	assert_int_equal(cbor_enc_finish(&e, &len), -1);
	assert_int_equal(len, 3 + 1 + 3 + 21 + 3 + 6 + 2);
	assert_int_equal(cbor_head_size(23), 1);
	assert_int_equal(cbor_head_size(24), 2);
	assert_int_equal(cbor_head_size(0x10000), 5);
	assert_int_equal(cbor_head_size(0x100000000ull), 9);
}

static void test_bad_simple_refused(void **state)
{
	uint8_t b[4];
	struct cbor_enc e;

	(void)state;
	cbor_enc_init(&e, b, sizeof(b));
	cbor_put_simple(&e, 24);
	assert_int_equal(cbor_enc_finish(&e, NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uint_shortest),
		cmocka_unit_test(test_nint),
		cmocka_unit_test(test_strings_containers_tags),
		cmocka_unit_test(test_long_string_head),
		cmocka_unit_test(test_overflow_never_writes_out_of_bounds),
		cmocka_unit_test(test_measure_mode),
		cmocka_unit_test(test_bad_simple_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
