/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal JWK (RFC 7517/7518 §6.2) reader for an EC public key such as
 * shared/reference/vectors/cpak.json: a flat JSON object with string
 * members "kty": "EC", "crv": "P-256"|"P-384", "x", "y" (base64url, no
 * padding).  Other members with scalar values are ignored; nested objects
 * or arrays, duplicate members, escapes inside the used members and any
 * trailing text are refused.
 */
#ifndef TOKEN_JWK_H
#define TOKEN_JWK_H

#include <stddef.h>
#include <stdint.h>

/* 0 and the SEC1 point 04 || X || Y (*point_len = 65 or 97); -1 and @err. */
int jwk_parse_ec_public(const char *json, size_t len, uint8_t *point,
			size_t cap, size_t *point_len, const char **err);

/* base64url without padding; -1 on a bad character, bad length or non-zero
 * trailing bits; *out_len = decoded bytes. */
int base64url_decode(const char *in, size_t len, uint8_t *out, size_t cap,
		     size_t *out_len);

#endif /* TOKEN_JWK_H */
