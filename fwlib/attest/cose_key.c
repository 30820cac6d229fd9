// SPDX-License-Identifier: GPL-2.0-only
/*
 * COSE_Key EC2 encode/decode; layout in cose_key.h (ref §5.4).
 */
#include <string.h>

#include "attest_defs.h"
#include "cbor_dec.h"
#include "cbor_enc.h"
#include "cose_key.h"

static int crv_from_coord_len(size_t coord_len)
{
	switch (coord_len) {
	case 32: return COSE_CRV_P256;
	case 48: return COSE_CRV_P384;
	default: return -1;
	}
}

int cose_key_encode_ec2(void *out, size_t cap, size_t *len,
			const uint8_t *point, size_t point_len)
{
	struct cbor_enc e;
	size_t clen;
	int crv;

	if (!point || point_len < 1 || point[0] != 0x04 || (point_len - 1) % 2)
		return -1;
	clen = (point_len - 1) / 2;
	crv = crv_from_coord_len(clen);
	if (crv < 0)
		return -1;

	cbor_enc_init(&e, out, cap);
	cbor_put_map(&e, 4);
	cbor_put_int(&e, COSE_KEY_KTY);
	cbor_put_int(&e, COSE_KTY_EC2);
	cbor_put_int(&e, COSE_KEY_CRV);
	cbor_put_int(&e, crv);
	cbor_put_int(&e, COSE_KEY_X);
	cbor_put_bstr(&e, point + 1, clen);
	cbor_put_int(&e, COSE_KEY_Y);
	cbor_put_bstr(&e, point + 1 + clen, clen);
	return cbor_enc_finish(&e, len);
}

int cose_key_decode_ec2(const uint8_t *buf, size_t len, struct cose_ec2_key *key)
{
	struct cbor_dec d;
	size_t n, i, xl = 0, yl = 0;
	int64_t label, v;
	unsigned int seen = 0;
	int kty = -1, crv = -1;

	cbor_dec_init(&d, buf, len);
	if (cbor_get_map(&d, &n) != CBOR_OK || n != 4)
		return -1;
	key->x = key->y = NULL;
	for (i = 0; i < n; i++) {
		unsigned int bit;

		if (cbor_get_int(&d, &label) != CBOR_OK)
			return -1;
		switch (label) {
		case COSE_KEY_KTY: bit = 1; break;
		case COSE_KEY_CRV: bit = 2; break;
		case COSE_KEY_X:   bit = 4; break;
		case COSE_KEY_Y:   bit = 8; break;
		default:	   return -1;
		}
		if (seen & bit)
			return -1;		/* duplicate label */
		seen |= bit;
		if (label == COSE_KEY_KTY || label == COSE_KEY_CRV) {
			if (cbor_get_int(&d, &v) != CBOR_OK)
				return -1;
			if (label == COSE_KEY_KTY)
				kty = (v == COSE_KTY_EC2) ? (int)v : -1;
			else
				crv = (v == COSE_CRV_P256 || v == COSE_CRV_P384) ? (int)v : -1;
		} else if (label == COSE_KEY_X) {
			if (cbor_get_bstr(&d, &key->x, &xl) != CBOR_OK)
				return -1;
		} else {
			if (cbor_get_bstr(&d, &key->y, &yl) != CBOR_OK)
				return -1;
		}
	}
	if (cbor_dec_finish(&d) != CBOR_OK || kty != COSE_KTY_EC2 || crv < 0)
		return -1;
	key->crv = crv;
	key->coord_len = (crv == COSE_CRV_P256) ? 32 : 48;
	if (xl != key->coord_len || yl != key->coord_len)
		return -1;
	return 0;
}

size_t cose_key_to_point(const struct cose_ec2_key *key, uint8_t *point, size_t cap)
{
	size_t need = 1 + 2 * key->coord_len;

	if (cap < need || !key->x || !key->y)
		return 0;
	point[0] = 0x04;
	memcpy(point + 1, key->x, key->coord_len);
	memcpy(point + 1 + key->coord_len, key->y, key->coord_len);
	return need;
}
