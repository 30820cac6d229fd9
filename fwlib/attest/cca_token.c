// SPDX-License-Identifier: GPL-2.0-only
/*
 * CCA token collection encoder, REL0 form (ref §5.1).  Key 44234 sorts
 * before 44241 in RFC 8949 §4.2.1 order, which is also TF-RMM's order.
 */
#include "attest_defs.h"
#include "cbor_enc.h"
#include "cca_token.h"

int cca_token_encode(void *out, size_t cap, size_t *len,
		     const uint8_t *plat, size_t plat_len,
		     const uint8_t *realm, size_t realm_len)
{
	struct cbor_enc e;

	cbor_enc_init(&e, out, cap);
	cbor_put_tag(&e, CCA_TAG_TOKEN_COLLECTION);
	cbor_put_map(&e, 2);
	cbor_put_uint(&e, CCA_KEY_PLAT_TOKEN);
	cbor_put_bstr(&e, plat, plat_len);
	cbor_put_uint(&e, CCA_KEY_REALM_TOKEN);
	cbor_put_bstr(&e, realm, realm_len);
	return cbor_enc_finish(&e, len);
}
