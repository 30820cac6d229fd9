// SPDX-License-Identifier: GPL-2.0-only
/*
 * The to-be-signed bytes of a COSE_Sign1, RFC 9052 §4.4 (ref §5.2):
 *   84 6A "Signature1" bstr(protected) 40 bstr-head(payload) payload
 * Fed to the hash in pieces so that the (possibly large) payload is never
 * copied.
 */
#include "cbor_enc.h"
#include "cose_sign1.h"

void cose_sign1_tbs_hash(const br_hash_class *hc, const uint8_t *protected_hdr,
			 size_t protected_len, const uint8_t *payload,
			 size_t payload_len, uint8_t *out)
{
	br_hash_compat_context ctx;
	uint8_t hdr[32];	/* 1 + 11 + 9 + 1 + 9 = 31 bytes at most */
	struct cbor_enc e;
	size_t n;

	cbor_enc_init(&e, hdr, sizeof(hdr));
	cbor_put_array(&e, 4);
	cbor_put_tstr_z(&e, "Signature1");
	cbor_put_head(&e, CBOR_MT_BSTR, protected_len);
	cbor_enc_finish(&e, &n);	/* cannot overflow: sized above */

	hc->init(&ctx.vtable);
	hc->update(&ctx.vtable, hdr, n);
	hc->update(&ctx.vtable, protected_hdr, protected_len);

	cbor_enc_init(&e, hdr, sizeof(hdr));
	cbor_put_bstr(&e, NULL, 0);		/* external_aad = h'' */
	cbor_put_head(&e, CBOR_MT_BSTR, payload_len);
	cbor_enc_finish(&e, &n);
	hc->update(&ctx.vtable, hdr, n);
	hc->update(&ctx.vtable, payload, payload_len);
	hc->out(&ctx.vtable, out);
}
