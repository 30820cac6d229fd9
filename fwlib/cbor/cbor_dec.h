/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bounds-checked CBOR pull decoder for untrusted input (attestation tokens).
 *
 * The caller walks the structure it expects with cbor_get_*(); anything it
 * does not care about is stepped over with cbor_skip().  Properties:
 *   - every head and every string length is checked against the bytes left,
 *     with subtraction only (no pos + len that could wrap);
 *   - array/map counts larger than the bytes left are refused at once, so a
 *     count always fits in size_t and loops over it are bounded by the input;
 *   - cbor_skip() is iterative with an explicit stack of CBOR_MAX_DEPTH
 *     levels (arrays, maps and tags each count a level); deeper input fails;
 *   - indefinite lengths, reserved additional-information values and
 *     malformed simple values are refused (RFC 8949 §3, §3.3);
 *   - errors are sticky: after the first failure every call fails and
 *     returns the same code, so a parser may check once at the end of a
 *     group of calls.
 * Non-shortest heads are accepted (signatures cover the exact bytes, so this
 * is harmless for verification).  Freestanding, no allocation, no libc.
 */
#ifndef FWLIB_CBOR_DEC_H
#define FWLIB_CBOR_DEC_H

#include <stddef.h>
#include <stdint.h>

#include "cbor_enc.h"	/* CBOR_MT_* */

#define CBOR_MAX_DEPTH	16

enum cbor_err {
	CBOR_OK = 0,
	CBOR_ERR_TRUNCATED,	/* input ends inside an item */
	CBOR_ERR_TYPE,		/* item is not of the requested type */
	CBOR_ERR_UNSUPPORTED,	/* indefinite length, reserved or malformed head */
	CBOR_ERR_DEPTH,		/* nesting deeper than CBOR_MAX_DEPTH */
	CBOR_ERR_RANGE,		/* value does not fit the requested C type */
	CBOR_ERR_TRAILING,	/* bytes left after the top-level item */
};

struct cbor_dec {
	const uint8_t *buf;
	size_t len;
	size_t pos;
	enum cbor_err err;
};

void cbor_dec_init(struct cbor_dec *d, const void *buf, size_t len);

/* Major type of the next item, or -1 at the end of input or after an error. */
int cbor_peek_major(const struct cbor_dec *d);

/* Next head: major type and argument (length, count, value or tag). */
enum cbor_err cbor_get_head(struct cbor_dec *d, unsigned int *major, uint64_t *arg);
enum cbor_err cbor_get_uint(struct cbor_dec *d, uint64_t *v);
/* Major type 0 or 1, within int64_t. */
enum cbor_err cbor_get_int(struct cbor_dec *d, int64_t *v);
/* Byte / text string: *p points into the input, *len bytes. */
enum cbor_err cbor_get_bstr(struct cbor_dec *d, const uint8_t **p, size_t *len);
enum cbor_err cbor_get_tstr(struct cbor_dec *d, const char **p, size_t *len);
/* Array / map heads; *n <= bytes left (pairs: 2 * *n <= bytes left). */
enum cbor_err cbor_get_array(struct cbor_dec *d, size_t *n);
enum cbor_err cbor_get_map(struct cbor_dec *d, size_t *npairs);
enum cbor_err cbor_get_tag(struct cbor_dec *d, uint64_t *tag);
/* Step over one complete item; p and len (may be NULL) get its encoded bytes. */
enum cbor_err cbor_skip(struct cbor_dec *d, const uint8_t **p, size_t *len);
/* CBOR_OK if no error and every byte was consumed. */
enum cbor_err cbor_dec_finish(struct cbor_dec *d);

const char *cbor_strerror(enum cbor_err err);

#endif /* FWLIB_CBOR_DEC_H */
