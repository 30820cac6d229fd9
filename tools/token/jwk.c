// SPDX-License-Identifier: GPL-2.0-only
/*
 * JWK EC public key reader; contract in jwk.h.  A hand-written scanner
 * over a length-bounded buffer: every index is compared with len first.
 */
#include <string.h>

#include "jwk.h"

static int b64url_val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

int base64url_decode(const char *in, size_t len, uint8_t *out, size_t cap,
		     size_t *out_len)
{
	uint32_t acc = 0;
	unsigned int bits = 0;
	size_t i, n = 0;

	if (len % 4 == 1)
		return -1;		/* 6 bits cannot end a byte */
	for (i = 0; i < len; i++) {
		int v = b64url_val(in[i]);

		if (v < 0)
			return -1;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n >= cap)
				return -1;
			out[n++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0)			/* canonical: unused bits are zero */
		return -1;
	*out_len = n;
	return 0;
}

struct scan {
	const char *s;
	size_t len, pos;
};

static void skip_ws(struct scan *sc)
{
	while (sc->pos < sc->len && strchr(" \t\r\n", sc->s[sc->pos]) && sc->s[sc->pos])
		sc->pos++;
}

/* A JSON string; *escaped tells whether it contained a backslash. */
static int scan_string(struct scan *sc, const char **p, size_t *n, int *escaped)
{
	size_t start;

	if (sc->pos >= sc->len || sc->s[sc->pos] != '"')
		return -1;
	start = ++sc->pos;
	*escaped = 0;
	while (sc->pos < sc->len && sc->s[sc->pos] != '"') {
		unsigned char c = (unsigned char)sc->s[sc->pos];

		if (c < 0x20)
			return -1;
		if (c == '\\') {
			*escaped = 1;
			if (++sc->pos >= sc->len)
				return -1;
		}
		sc->pos++;
	}
	if (sc->pos >= sc->len)
		return -1;
	*p = sc->s + start;
	*n = sc->pos - start;
	sc->pos++;
	return 0;
}

/* Numbers, true, false, null: a run of these characters, not checked further. */
static int scan_scalar(struct scan *sc)
{
	size_t start = sc->pos;

	while (sc->pos < sc->len && sc->s[sc->pos] &&
	       strchr("0123456789+-.eEtrufalsn", sc->s[sc->pos]))
		sc->pos++;
	return sc->pos > start ? 0 : -1;
}

static int is(const char *p, size_t n, const char *want)
{
	return n == strlen(want) && memcmp(p, want, n) == 0;
}

enum { M_KTY, M_CRV, M_X, M_Y, M_NUM };

int jwk_parse_ec_public(const char *json, size_t len, uint8_t *point,
			size_t cap, size_t *point_len, const char **err)
{
	static const char *const names[M_NUM] = { "kty", "crv", "x", "y" };
	struct scan sc = { json, len, 0 };
	const char *val[M_NUM] = { 0 };
	size_t vlen[M_NUM] = { 0 }, clen, xl, yl;
	const char *k, *v;
	size_t kn, vn;
	int esc, m;

	skip_ws(&sc);
	if (sc.pos >= len || json[sc.pos++] != '{')
		return *err = "JWK: not a JSON object", -1;
	skip_ws(&sc);
	if (sc.pos < len && json[sc.pos] == '}')
		return *err = "JWK: empty object", -1;
	for (;;) {
		skip_ws(&sc);
		if (scan_string(&sc, &k, &kn, &esc))
			return *err = "JWK: bad member name", -1;
		skip_ws(&sc);
		if (sc.pos >= len || json[sc.pos++] != ':')
			return *err = "JWK: expected ':'", -1;
		skip_ws(&sc);
		if (sc.pos >= len)
			return *err = "JWK: truncated", -1;
		for (m = 0; m < M_NUM; m++)
			if (!esc && is(k, kn, names[m]))
				break;
		if (json[sc.pos] == '"') {
			int vesc;

			if (scan_string(&sc, &v, &vn, &vesc))
				return *err = "JWK: bad string value", -1;
			if (m < M_NUM) {
				if (val[m])
					return *err = "JWK: duplicate member", -1;
				if (vesc)
					return *err = "JWK: escape in a key member", -1;
				val[m] = v;
				vlen[m] = vn;
			}
		} else if (json[sc.pos] == '{' || json[sc.pos] == '[') {
			return *err = "JWK: nested values are not supported", -1;
		} else if (m < M_NUM || scan_scalar(&sc)) {
			return *err = "JWK: bad value", -1;
		}
		skip_ws(&sc);
		if (sc.pos >= len)
			return *err = "JWK: truncated", -1;
		if (json[sc.pos] == ',') {
			sc.pos++;
			continue;
		}
		if (json[sc.pos++] != '}')
			return *err = "JWK: expected ',' or '}'", -1;
		break;
	}
	skip_ws(&sc);
	if (sc.pos != len)
		return *err = "JWK: trailing data after the object", -1;

	for (m = 0; m < M_NUM; m++)
		if (!val[m])
			return *err = "JWK: kty, crv, x and y are required", -1;
	if (!is(val[M_KTY], vlen[M_KTY], "EC"))
		return *err = "JWK: kty is not \"EC\"", -1;
	if (is(val[M_CRV], vlen[M_CRV], "P-256"))
		clen = 32;
	else if (is(val[M_CRV], vlen[M_CRV], "P-384"))
		clen = 48;
	else
		return *err = "JWK: crv is not P-256 or P-384", -1;
	if (cap < 1 + 2 * clen)
		return *err = "JWK: point buffer too small", -1;
	point[0] = 0x04;
	if (base64url_decode(val[M_X], vlen[M_X], point + 1, clen, &xl) || xl != clen ||
	    base64url_decode(val[M_Y], vlen[M_Y], point + 1 + clen, clen, &yl) || yl != clen)
		return *err = "JWK: x or y is not base64url of the curve's coordinate size", -1;
	*point_len = 1 + 2 * clen;
	return 0;
}
