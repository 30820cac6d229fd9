/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Deterministic CBOR encoder (RFC 8949 §4.2.1 "core deterministic"):
 * definite lengths only, shortest-form heads.  Map key order is the
 * caller's job (the attestation encoders emit keys sorted by their encoded
 * bytes).
 *
 * No allocation: items are written into a caller buffer.  The first write
 * that would not fit sets a sticky overflow flag and nothing further is
 * written, so the encoder never writes out of bounds; the position keeps
 * counting, so cbor_enc_len() still reports the size that was needed.
 * A NULL buffer with capacity 0 is a pure "measure" pass.
 *
 * Freestanding: uses only memcpy from <string.h>.
 */
#ifndef FWLIB_CBOR_ENC_H
#define FWLIB_CBOR_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Major types, RFC 8949 §3.1. */
#define CBOR_MT_UINT	0u
#define CBOR_MT_NINT	1u
#define CBOR_MT_BSTR	2u
#define CBOR_MT_TSTR	3u
#define CBOR_MT_ARRAY	4u
#define CBOR_MT_MAP	5u
#define CBOR_MT_TAG	6u
#define CBOR_MT_SIMPLE	7u

/* Simple values, RFC 8949 §3.3. */
#define CBOR_SIMPLE_FALSE	20u
#define CBOR_SIMPLE_TRUE	21u
#define CBOR_SIMPLE_NULL	22u

struct cbor_enc {
	uint8_t *buf;
	size_t cap;
	size_t pos;		/* bytes produced (or needed, after overflow) */
	bool overflow;		/* sticky: something did not fit */
};

void cbor_enc_init(struct cbor_enc *e, void *buf, size_t cap);

/* Head of any major type with argument @arg, shortest form. */
void cbor_put_head(struct cbor_enc *e, unsigned int major, uint64_t arg);
void cbor_put_uint(struct cbor_enc *e, uint64_t v);
/* Any int64_t: negative values become major type 1 with argument -1 - v. */
void cbor_put_int(struct cbor_enc *e, int64_t v);
void cbor_put_bstr(struct cbor_enc *e, const void *p, size_t len);
void cbor_put_tstr(struct cbor_enc *e, const char *s, size_t len);
/* NUL-terminated text string. */
void cbor_put_tstr_z(struct cbor_enc *e, const char *s);
void cbor_put_array(struct cbor_enc *e, uint64_t n);
void cbor_put_map(struct cbor_enc *e, uint64_t npairs);
void cbor_put_tag(struct cbor_enc *e, uint64_t tag);
void cbor_put_simple(struct cbor_enc *e, unsigned int v);
/* Already-encoded bytes (e.g. the content after cbor_put_head(BSTR, n)). */
void cbor_put_raw(struct cbor_enc *e, const void *p, size_t len);

/* 0 if everything fit (*len = bytes written), -1 on overflow (*len = bytes needed). */
int cbor_enc_finish(const struct cbor_enc *e, size_t *len);

static inline size_t cbor_enc_len(const struct cbor_enc *e)
{
	return e->pos;
}

/* Size of a head with argument @arg (1, 2, 3, 5 or 9 bytes). */
size_t cbor_head_size(uint64_t arg);

#endif /* FWLIB_CBOR_ENC_H */
