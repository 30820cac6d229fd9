// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bounds-checked CBOR decoder; see cbor_dec.h for the guarantees.  All
 * reads go through get_head() and take_bytes(), which compare against
 * d->len - d->pos (never d->pos + n, which could wrap).
 */
#include "cbor_dec.h"

void cbor_dec_init(struct cbor_dec *d, const void *buf, size_t len)
{
	d->buf = buf;
	d->len = buf ? len : 0;
	d->pos = 0;
	d->err = CBOR_OK;
}

static enum cbor_err fail(struct cbor_dec *d, enum cbor_err err)
{
	if (d->err == CBOR_OK)
		d->err = err;
	return d->err;
}

static size_t left(const struct cbor_dec *d)
{
	return d->len - d->pos;
}

int cbor_peek_major(const struct cbor_dec *d)
{
	if (d->err != CBOR_OK || left(d) == 0)
		return -1;
	return d->buf[d->pos] >> 5;
}

enum cbor_err cbor_get_head(struct cbor_dec *d, unsigned int *major, uint64_t *arg)
{
	unsigned int ib, ai, n, i;
	uint64_t v;

	if (d->err != CBOR_OK)
		return d->err;
	if (left(d) < 1)
		return fail(d, CBOR_ERR_TRUNCATED);
	ib = d->buf[d->pos];
	ai = ib & 0x1f;
	if (ai < 24) {
		v = ai;
		n = 0;
	} else if (ai <= 27) {
		n = 1u << (ai - 24);		/* 1, 2, 4 or 8 bytes follow */
		if (left(d) - 1 < n)
			return fail(d, CBOR_ERR_TRUNCATED);
		v = 0;
		for (i = 0; i < n; i++)
			v = (v << 8) | d->buf[d->pos + 1 + i];
	} else {
		/* 28..30 reserved; 31 = indefinite length / break: refused. */
		return fail(d, CBOR_ERR_UNSUPPORTED);
	}
	/* RFC 8949 §3.3: simple values 0..31 in the one-byte form are not
	 * well-formed. */
	if ((ib >> 5) == CBOR_MT_SIMPLE && ai == 24 && v < 32)
		return fail(d, CBOR_ERR_UNSUPPORTED);
	d->pos += 1 + n;
	*major = ib >> 5;
	*arg = v;
	return CBOR_OK;
}

static enum cbor_err get_typed(struct cbor_dec *d, unsigned int want, uint64_t *arg)
{
	unsigned int major;
	size_t save = d->pos;

	if (cbor_get_head(d, &major, arg) != CBOR_OK)
		return d->err;
	if (major != want) {
		d->pos = save;
		return fail(d, CBOR_ERR_TYPE);
	}
	return CBOR_OK;
}

enum cbor_err cbor_get_uint(struct cbor_dec *d, uint64_t *v)
{
	return get_typed(d, CBOR_MT_UINT, v);
}

enum cbor_err cbor_get_int(struct cbor_dec *d, int64_t *v)
{
	unsigned int major;
	uint64_t arg;

	if (cbor_get_head(d, &major, &arg) != CBOR_OK)
		return d->err;
	if (major != CBOR_MT_UINT && major != CBOR_MT_NINT)
		return fail(d, CBOR_ERR_TYPE);
	if (arg > (uint64_t)INT64_MAX)
		return fail(d, CBOR_ERR_RANGE);
	/* Major 1 encodes -1 - arg; with arg <= INT64_MAX this is >= INT64_MIN. */
	*v = (major == CBOR_MT_UINT) ? (int64_t)arg : -1 - (int64_t)arg;
	return CBOR_OK;
}

static enum cbor_err get_string(struct cbor_dec *d, unsigned int want,
				const uint8_t **p, size_t *len)
{
	uint64_t arg;

	if (get_typed(d, want, &arg) != CBOR_OK)
		return d->err;
	if (arg > left(d))
		return fail(d, CBOR_ERR_TRUNCATED);
	*p = d->buf + d->pos;
	*len = (size_t)arg;
	d->pos += (size_t)arg;
	return CBOR_OK;
}

enum cbor_err cbor_get_bstr(struct cbor_dec *d, const uint8_t **p, size_t *len)
{
	return get_string(d, CBOR_MT_BSTR, p, len);
}

enum cbor_err cbor_get_tstr(struct cbor_dec *d, const char **p, size_t *len)
{
	const uint8_t *u;

	if (get_string(d, CBOR_MT_TSTR, &u, len) != CBOR_OK)
		return d->err;
	*p = (const char *)u;
	return CBOR_OK;
}

enum cbor_err cbor_get_array(struct cbor_dec *d, size_t *n)
{
	uint64_t arg;

	if (get_typed(d, CBOR_MT_ARRAY, &arg) != CBOR_OK)
		return d->err;
	if (arg > left(d))	/* every element needs at least one byte */
		return fail(d, CBOR_ERR_TRUNCATED);
	*n = (size_t)arg;
	return CBOR_OK;
}

enum cbor_err cbor_get_map(struct cbor_dec *d, size_t *npairs)
{
	uint64_t arg;

	if (get_typed(d, CBOR_MT_MAP, &arg) != CBOR_OK)
		return d->err;
	if (arg > left(d) / 2)	/* every pair needs at least two bytes */
		return fail(d, CBOR_ERR_TRUNCATED);
	*npairs = (size_t)arg;
	return CBOR_OK;
}

enum cbor_err cbor_get_tag(struct cbor_dec *d, uint64_t *tag)
{
	return get_typed(d, CBOR_MT_TAG, tag);
}

/*
 * Iterative skip: pending[] holds, per open container, how many items are
 * still to be stepped over.  Containers and tags push a level; the depth
 * limit bounds the stack and so the work per level.
 */
enum cbor_err cbor_skip(struct cbor_dec *d, const uint8_t **p, size_t *len)
{
	size_t pending[CBOR_MAX_DEPTH];
	size_t start = d->pos;
	unsigned int sp = 0, major;
	uint64_t arg, push;

	if (d->err != CBOR_OK)
		return d->err;
	pending[0] = 1;
	for (;;) {
		while (pending[sp] == 0) {
			if (sp == 0)
				goto done;
			sp--;
		}
		pending[sp]--;
		if (cbor_get_head(d, &major, &arg) != CBOR_OK)
			return d->err;
		push = 0;
		switch (major) {
		case CBOR_MT_BSTR:
		case CBOR_MT_TSTR:
			if (arg > left(d))
				return fail(d, CBOR_ERR_TRUNCATED);
			d->pos += (size_t)arg;
			continue;
		case CBOR_MT_ARRAY:
			if (arg > left(d))
				return fail(d, CBOR_ERR_TRUNCATED);
			push = arg;
			break;
		case CBOR_MT_MAP:
			if (arg > left(d) / 2)
				return fail(d, CBOR_ERR_TRUNCATED);
			push = arg * 2;	/* no overflow: arg <= SIZE_MAX / 2 */
			break;
		case CBOR_MT_TAG:
			push = 1;
			break;
		default:		/* uint, nint, simple/float: head only */
			continue;
		}
		if (push == 0)
			continue;
		if (sp + 1 >= CBOR_MAX_DEPTH)
			return fail(d, CBOR_ERR_DEPTH);
		pending[++sp] = (size_t)push;
	}
done:
	if (p)
		*p = d->buf + start;
	if (len)
		*len = d->pos - start;
	return CBOR_OK;
}

enum cbor_err cbor_dec_finish(struct cbor_dec *d)
{
	if (d->err == CBOR_OK && left(d) != 0)
		return fail(d, CBOR_ERR_TRAILING);
	return d->err;
}

const char *cbor_strerror(enum cbor_err err)
{
	switch (err) {
	case CBOR_OK:			return "ok";
	case CBOR_ERR_TRUNCATED:	return "truncated CBOR";
	case CBOR_ERR_TYPE:		return "unexpected CBOR type";
	case CBOR_ERR_UNSUPPORTED:	return "unsupported or malformed CBOR head";
	case CBOR_ERR_DEPTH:		return "CBOR nesting too deep";
	case CBOR_ERR_RANGE:		return "CBOR integer out of range";
	case CBOR_ERR_TRAILING:		return "trailing bytes after CBOR item";
	}
	return "unknown CBOR error";
}
