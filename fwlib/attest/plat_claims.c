// SPDX-License-Identifier: GPL-2.0-only
/*
 * Platform token claims encoder (ref §5.6).
 */
#include "plat_claims.h"

int plat_lifecycle_valid(uint64_t v)
{
	return v <= 0x60ff && (v & 0x0f00) == 0;
}

static int valid_sw(const struct plat_sw_component *sw)
{
	return sw->measurement && sw->measurement_len &&
	       sw->signer_id && sw->signer_id_len;
}

static void encode_sw(struct cbor_enc *e, const struct plat_sw_component *sw)
{
	cbor_put_map(e, 2u + !!sw->type + !!sw->version + !!sw->hash_alg);
	if (sw->type) {
		cbor_put_uint(e, SW_COMP_TYPE);
		cbor_put_tstr_z(e, sw->type);
	}
	cbor_put_uint(e, SW_COMP_MEASUREMENT);
	cbor_put_bstr(e, sw->measurement, sw->measurement_len);
	if (sw->version) {
		cbor_put_uint(e, SW_COMP_VERSION);
		cbor_put_tstr_z(e, sw->version);
	}
	cbor_put_uint(e, SW_COMP_SIGNER_ID);
	cbor_put_bstr(e, sw->signer_id, sw->signer_id_len);
	if (sw->hash_alg) {
		cbor_put_uint(e, SW_COMP_HASH_ALG);
		cbor_put_tstr_z(e, sw->hash_alg);
	}
}

int plat_claims_encode(struct cbor_enc *e, const struct plat_claims *c)
{
	size_t i;

	if (!c->challenge || (c->challenge_len != 32 && c->challenge_len != 48 &&
			      c->challenge_len != 64))
		return -1;
	if (!c->impl_id || !c->instance_id ||
	    c->instance_id[0] != PLAT_UEID_TYPE_RAND)
		return -1;
	if (!c->config && c->config_len)
		return -1;
	if (!plat_lifecycle_valid(c->lifecycle) || !c->hash_alg)
		return -1;
	if (!c->sw || c->num_sw == 0)
		return -1;
	for (i = 0; i < c->num_sw; i++)
		if (!valid_sw(&c->sw[i]))
			return -1;

	cbor_put_map(e, 8u + !!c->vsi);
	cbor_put_uint(e, PLAT_CLAIM_CHALLENGE);
	cbor_put_bstr(e, c->challenge, c->challenge_len);
	cbor_put_uint(e, PLAT_CLAIM_INSTANCE_ID);
	cbor_put_bstr(e, c->instance_id, PLAT_INSTANCE_ID_LEN);
	cbor_put_uint(e, PLAT_CLAIM_PROFILE);
	cbor_put_tstr_z(e, c->profile ? c->profile : PLAT_PROFILE_1_0);
	cbor_put_uint(e, PLAT_CLAIM_LIFECYCLE);
	cbor_put_uint(e, c->lifecycle);
	cbor_put_uint(e, PLAT_CLAIM_IMPL_ID);
	cbor_put_bstr(e, c->impl_id, PLAT_IMPL_ID_LEN);
	cbor_put_uint(e, PLAT_CLAIM_SW_COMPONENTS);
	cbor_put_array(e, c->num_sw);
	for (i = 0; i < c->num_sw; i++)
		encode_sw(e, &c->sw[i]);
	if (c->vsi) {
		cbor_put_uint(e, PLAT_CLAIM_VSI);
		cbor_put_tstr_z(e, c->vsi);
	}
	cbor_put_uint(e, PLAT_CLAIM_CONFIG);
	cbor_put_bstr(e, c->config, c->config_len);
	cbor_put_uint(e, PLAT_CLAIM_HASH_ALG);
	cbor_put_tstr_z(e, c->hash_alg);
	return 0;
}
