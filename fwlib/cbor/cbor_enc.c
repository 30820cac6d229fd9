// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deterministic CBOR encoder; see cbor_enc.h for the contract.  Every byte
 * goes through put_bytes(), the single place that checks the bounds.
 */
#include <string.h>

#include "cbor_enc.h"

void cbor_enc_init(struct cbor_enc *e, void *buf, size_t cap)
{
	e->buf = buf;
	e->cap = buf ? cap : 0;
	e->pos = 0;
	e->overflow = false;
}

static void put_bytes(struct cbor_enc *e, const void *p, size_t len)
{
	/* Keep counting after an overflow so the caller learns the size needed;
	 * saturate instead of wrapping (cannot happen with real buffers). */
	if (e->overflow || len > e->cap - e->pos) {
		e->overflow = true;
		e->pos = (len > SIZE_MAX - e->pos) ? SIZE_MAX : e->pos + len;
		return;
	}
	if (len)
		memcpy(e->buf + e->pos, p, len);
	e->pos += len;
}

size_t cbor_head_size(uint64_t arg)
{
	if (arg < 24)
		return 1;
	if (arg <= 0xff)
		return 2;
	if (arg <= 0xffff)
		return 3;
	if (arg <= 0xffffffffu)
		return 5;
	return 9;
}

/* RFC 8949 §3 / §4.2.1: argument in the initial byte if < 24, else the
 * shortest of 1/2/4/8 following big-endian bytes (ai 24..27). */
void cbor_put_head(struct cbor_enc *e, unsigned int major, uint64_t arg)
{
	uint8_t h[9];
	size_t n = cbor_head_size(arg);
	size_t i;

	if (n == 1) {
		h[0] = (uint8_t)((major << 5) | (unsigned int)arg);
	} else {
		static const uint8_t ai[] = { 0, 24, 25, 0, 26, 0, 0, 0, 27 };

		h[0] = (uint8_t)((major << 5) | ai[n - 1]);
		for (i = 1; i < n; i++)
			h[i] = (uint8_t)(arg >> (8 * (n - 1 - i)));
	}
	put_bytes(e, h, n);
}

void cbor_put_uint(struct cbor_enc *e, uint64_t v)
{
	cbor_put_head(e, CBOR_MT_UINT, v);
}

void cbor_put_int(struct cbor_enc *e, int64_t v)
{
	if (v >= 0)
		cbor_put_head(e, CBOR_MT_UINT, (uint64_t)v);
	else	/* -1 - v without signed overflow, valid for INT64_MIN too */
		cbor_put_head(e, CBOR_MT_NINT, ~(uint64_t)v);
}

void cbor_put_bstr(struct cbor_enc *e, const void *p, size_t len)
{
	cbor_put_head(e, CBOR_MT_BSTR, len);
	put_bytes(e, p, len);
}

void cbor_put_tstr(struct cbor_enc *e, const char *s, size_t len)
{
	cbor_put_head(e, CBOR_MT_TSTR, len);
	put_bytes(e, s, len);
}

void cbor_put_tstr_z(struct cbor_enc *e, const char *s)
{
	cbor_put_tstr(e, s, strlen(s));
}

void cbor_put_array(struct cbor_enc *e, uint64_t n)
{
	cbor_put_head(e, CBOR_MT_ARRAY, n);
}

void cbor_put_map(struct cbor_enc *e, uint64_t npairs)
{
	cbor_put_head(e, CBOR_MT_MAP, npairs);
}

void cbor_put_tag(struct cbor_enc *e, uint64_t tag)
{
	cbor_put_head(e, CBOR_MT_TAG, tag);
}

/* Only the one-byte simple values (0..23; false/true/null) are emitted. */
void cbor_put_simple(struct cbor_enc *e, unsigned int v)
{
	if (v >= 24) {
		e->overflow = true;	/* refuse: not a value we encode */
		return;
	}
	cbor_put_head(e, CBOR_MT_SIMPLE, v);
}

void cbor_put_raw(struct cbor_enc *e, const void *p, size_t len)
{
	put_bytes(e, p, len);
}

int cbor_enc_finish(const struct cbor_enc *e, size_t *len)
{
	if (len)
		*len = e->pos;
	return e->overflow ? -1 : 0;
}
