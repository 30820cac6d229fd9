// SPDX-License-Identifier: GPL-2.0-only
/*
 * Structural decoding of a CCA token (ref §5.1, §5.3, §5.6): the tag-399
 * (or 907) collection and the two claims maps.  Only CBOR types are checked
 * here, plus duplicate keys; sizes and values are checked by token_check.c
 * after the signatures (ref §8.3 step 5).  Unknown claim keys are skipped,
 * as veraison's verifiers do (ref §8.2).
 */
#include <stdio.h>
#include <string.h>

#include "attest_defs.h"
#include "cbor_dec.h"
#include "token.h"
#include "token_claims.h"

/* One collection entry: bstr (399) or [263, bstr] (907, ref §5.1). */
static int get_entry(struct cbor_dec *d, uint64_t tag, struct bytes *b)
{
	uint64_t fmt;
	size_t n;

	if (tag == CCA_TAG_CMW_COLLECTION) {
		if (cbor_get_array(d, &n) != CBOR_OK || n != 2 ||
		    cbor_get_uint(d, &fmt) != CBOR_OK || fmt != CCA_CMW_CONTENT_FORMAT)
			return -1;
	}
	return cbor_get_bstr(d, &b->p, &b->len) == CBOR_OK ? 0 : -1;
}

int token_parse_collection(const uint8_t *buf, size_t len, struct cca_token *t,
			   char *msg, size_t msgsz)
{
	struct cbor_dec d;
	size_t n, i;
	uint64_t key;

	cbor_dec_init(&d, buf, len);
	if (cbor_get_tag(&d, &t->tag) != CBOR_OK ||
	    (t->tag != CCA_TAG_TOKEN_COLLECTION && t->tag != CCA_TAG_CMW_COLLECTION))
		return token_fail(msg, msgsz, "collection: not a tag 399 (or 907) CCA token");
	if (cbor_get_map(&d, &n) != CBOR_OK || n != 2)
		return token_fail(msg, msgsz, "collection: expected a map of exactly 2 entries");
	t->plat_raw.p = t->realm_raw.p = NULL;
	for (i = 0; i < n; i++) {
		struct bytes *b;

		if (cbor_get_uint(&d, &key) != CBOR_OK)
			return token_fail(msg, msgsz, "collection: bad key (%s)", cbor_strerror(d.err));
		if (key == CCA_KEY_PLAT_TOKEN)
			b = &t->plat_raw;
		else if (key == CCA_KEY_REALM_TOKEN)
			b = &t->realm_raw;
		else
			return token_fail(msg, msgsz, "collection: unexpected key %llu",
				     (unsigned long long)key);
		if (b->p)
			return token_fail(msg, msgsz, "collection: duplicate key %llu",
				     (unsigned long long)key);
		if (get_entry(&d, t->tag, b) != 0)
			return token_fail(msg, msgsz, "collection: entry %llu is not a %s",
				     (unsigned long long)key,
				     t->tag == CCA_TAG_TOKEN_COLLECTION ? "byte string" :
				     "[263, byte string]");
	}
	if (cbor_dec_finish(&d) != CBOR_OK)
		return token_fail(msg, msgsz, "collection: %s", cbor_strerror(d.err));
	return 0;
}

/* Claim value getters: on a type error report the claim key. */
#define GET_BSTR(field, key, name)						\
	do {									\
		if (cbor_get_bstr(&d, &(field).p, &(field).len) != CBOR_OK)	\
			return token_fail(msg, msgsz, "%s claim %d (%s): not a byte string", \
				     who, key, name);				\
	} while (0)
#define GET_TSTR(field, key, name)						\
	do {									\
		if (cbor_get_tstr(&d, &(field).p, &(field).len) != CBOR_OK)	\
			return token_fail(msg, msgsz, "%s claim %d (%s): not a text string", \
				     who, key, name);				\
	} while (0)

static int claim_bit(unsigned int *present, unsigned int bit, const char *who,
		     int64_t key, char *msg, size_t msgsz)
{
	if (*present & bit)
		return token_fail(msg, msgsz, "%s claims: duplicate key %lld", who, (long long)key);
	*present |= bit;
	return 0;
}

int token_parse_realm_claims(const uint8_t *buf, size_t len, struct realm_info *r,
			     char *msg, size_t msgsz)
{
	static const char who[] = "realm";
	struct cbor_dec d;
	size_t n, i, j;
	int64_t key;

	memset(r, 0, sizeof(*r));
	cbor_dec_init(&d, buf, len);
	if (cbor_get_map(&d, &n) != CBOR_OK)
		return token_fail(msg, msgsz, "realm claims: payload is not a CBOR map");
	for (i = 0; i < n; i++) {
		unsigned int bit = 0;

		if (cbor_get_int(&d, &key) != CBOR_OK)
			return token_fail(msg, msgsz, "realm claims: non-integer key (%s)",
				     cbor_strerror(d.err));
		switch (key) {
		case REALM_CLAIM_CHALLENGE:	bit = REALM_HAVE_CHALLENGE; break;
		case REALM_CLAIM_PROFILE:	bit = REALM_HAVE_PROFILE; break;
		case REALM_CLAIM_RPV:		bit = REALM_HAVE_RPV; break;
		case REALM_CLAIM_MEAS_HASH_ALG:	bit = REALM_HAVE_MEAS_ALG; break;
		case REALM_CLAIM_PUB_KEY:	bit = REALM_HAVE_RAK; break;
		case REALM_CLAIM_RIM:		bit = REALM_HAVE_RIM; break;
		case REALM_CLAIM_REMS:		bit = REALM_HAVE_REMS; break;
		case REALM_CLAIM_PUB_KEY_HASH_ALG: bit = REALM_HAVE_RAK_ALG; break;
		default:
			if (cbor_skip(&d, NULL, NULL) != CBOR_OK)
				return token_fail(msg, msgsz, "realm claims: %s", cbor_strerror(d.err));
			continue;
		}
		if (claim_bit(&r->present, bit, who, key, msg, msgsz))
			return -1;
		switch (key) {
		case REALM_CLAIM_CHALLENGE:	GET_BSTR(r->challenge, 10, "challenge"); break;
		case REALM_CLAIM_PROFILE:	GET_TSTR(r->profile, 265, "profile"); break;
		case REALM_CLAIM_RPV:		GET_BSTR(r->rpv, 44235, "personalization value"); break;
		case REALM_CLAIM_MEAS_HASH_ALG:	GET_TSTR(r->meas_alg, 44236, "measurement hash algorithm"); break;
		case REALM_CLAIM_PUB_KEY:	GET_BSTR(r->rak, 44237, "public key"); break;
		case REALM_CLAIM_RIM:		GET_BSTR(r->rim, 44238, "RIM"); break;
		case REALM_CLAIM_PUB_KEY_HASH_ALG: GET_TSTR(r->rak_alg, 44240, "public key hash algorithm"); break;
		case REALM_CLAIM_REMS:
			if (cbor_get_array(&d, &r->num_rems) != CBOR_OK)
				return token_fail(msg, msgsz, "realm claim 44239 (REMs): not an array");
			if (r->num_rems != REALM_NUM_REMS)
				return token_fail(msg, msgsz, "realm claim 44239 (REMs): %zu entries, expected 4",
					     r->num_rems);
			for (j = 0; j < r->num_rems; j++)
				GET_BSTR(r->rem[j], 44239, "REMs");
			break;
		}
	}
	if (cbor_dec_finish(&d) != CBOR_OK)
		return token_fail(msg, msgsz, "realm claims: %s", cbor_strerror(d.err));
	return 0;
}

static int parse_sw_component(struct cbor_dec *dp, struct sw_comp_info *sw,
			      size_t idx, char *msg, size_t msgsz)
{
	struct cbor_dec d = *dp;	/* copied back at the end */
	char who[48];
	size_t n, i;
	int64_t key;

	snprintf(who, sizeof(who), "platform sw component %zu", idx);
	memset(sw, 0, sizeof(*sw));
	if (cbor_get_map(&d, &n) != CBOR_OK)
		return token_fail(msg, msgsz, "%s: not a map", who);
	for (i = 0; i < n; i++) {
		unsigned int bit;

		if (cbor_get_int(&d, &key) != CBOR_OK)
			return token_fail(msg, msgsz, "%s: non-integer key", who);
		switch (key) {
		case SW_COMP_TYPE:	  bit = SW_HAVE_TYPE; break;
		case SW_COMP_MEASUREMENT: bit = SW_HAVE_MEASUREMENT; break;
		case SW_COMP_VERSION:	  bit = SW_HAVE_VERSION; break;
		case SW_COMP_SIGNER_ID:	  bit = SW_HAVE_SIGNER_ID; break;
		case SW_COMP_HASH_ALG:	  bit = SW_HAVE_HASH_ALG; break;
		default:
			if (cbor_skip(&d, NULL, NULL) != CBOR_OK)
				return token_fail(msg, msgsz, "%s: %s", who, cbor_strerror(d.err));
			continue;
		}
		if (claim_bit(&sw->present, bit, who, key, msg, msgsz))
			return -1;
		switch (key) {
		case SW_COMP_TYPE:	  GET_TSTR(sw->type, 1, "type"); break;
		case SW_COMP_MEASUREMENT: GET_BSTR(sw->measurement, 2, "measurement"); break;
		case SW_COMP_VERSION:	  GET_TSTR(sw->version, 4, "version"); break;
		case SW_COMP_SIGNER_ID:	  GET_BSTR(sw->signer_id, 5, "signer id"); break;
		case SW_COMP_HASH_ALG:	  GET_TSTR(sw->hash_alg, 6, "hash algorithm"); break;
		}
	}
	*dp = d;
	return 0;
}

int token_parse_plat_claims(const uint8_t *buf, size_t len, struct plat_info *p,
			    char *msg, size_t msgsz)
{
	static const char who[] = "platform";
	struct cbor_dec d;
	size_t n, i, j;
	int64_t key;

	memset(p, 0, sizeof(*p));
	cbor_dec_init(&d, buf, len);
	if (cbor_get_map(&d, &n) != CBOR_OK)
		return token_fail(msg, msgsz, "platform claims: payload is not a CBOR map");
	for (i = 0; i < n; i++) {
		unsigned int bit = 0;

		if (cbor_get_int(&d, &key) != CBOR_OK)
			return token_fail(msg, msgsz, "platform claims: non-integer key (%s)",
				     cbor_strerror(d.err));
		switch (key) {
		case PLAT_CLAIM_CHALLENGE:	bit = PLAT_HAVE_CHALLENGE; break;
		case PLAT_CLAIM_INSTANCE_ID:	bit = PLAT_HAVE_INSTANCE_ID; break;
		case PLAT_CLAIM_PROFILE:	bit = PLAT_HAVE_PROFILE; break;
		case PLAT_CLAIM_LIFECYCLE:	bit = PLAT_HAVE_LIFECYCLE; break;
		case PLAT_CLAIM_IMPL_ID:	bit = PLAT_HAVE_IMPL_ID; break;
		case PLAT_CLAIM_SW_COMPONENTS:	bit = PLAT_HAVE_SW; break;
		case PLAT_CLAIM_VSI:		bit = PLAT_HAVE_VSI; break;
		case PLAT_CLAIM_CONFIG:		bit = PLAT_HAVE_CONFIG; break;
		case PLAT_CLAIM_HASH_ALG:	bit = PLAT_HAVE_HASH_ALG; break;
		default:
			if (cbor_skip(&d, NULL, NULL) != CBOR_OK)
				return token_fail(msg, msgsz, "platform claims: %s", cbor_strerror(d.err));
			continue;
		}
		if (claim_bit(&p->present, bit, who, key, msg, msgsz))
			return -1;
		switch (key) {
		case PLAT_CLAIM_CHALLENGE:   GET_BSTR(p->challenge, 10, "challenge"); break;
		case PLAT_CLAIM_INSTANCE_ID: GET_BSTR(p->instance_id, 256, "instance id"); break;
		case PLAT_CLAIM_PROFILE:     GET_TSTR(p->profile, 265, "profile"); break;
		case PLAT_CLAIM_IMPL_ID:     GET_BSTR(p->impl_id, 2396, "implementation id"); break;
		case PLAT_CLAIM_VSI:	     GET_TSTR(p->vsi, 2400, "verification service"); break;
		case PLAT_CLAIM_CONFIG:	     GET_BSTR(p->config, 2401, "platform config"); break;
		case PLAT_CLAIM_HASH_ALG:    GET_TSTR(p->hash_alg, 2402, "hash algorithm"); break;
		case PLAT_CLAIM_LIFECYCLE:
			if (cbor_get_uint(&d, &p->lifecycle) != CBOR_OK)
				return token_fail(msg, msgsz, "platform claim 2395 (lifecycle): not an unsigned integer");
			break;
		case PLAT_CLAIM_SW_COMPONENTS:
			if (cbor_get_array(&d, &p->num_sw) != CBOR_OK)
				return token_fail(msg, msgsz, "platform claim 2399 (sw components): not an array");
			if (p->num_sw > TOKEN_MAX_SW)
				return token_fail(msg, msgsz, "platform claim 2399 (sw components): %zu entries, at most %d supported",
					     p->num_sw, TOKEN_MAX_SW);
			for (j = 0; j < p->num_sw; j++)
				if (parse_sw_component(&d, &p->sw[j], j, msg, msgsz))
					return -1;
			break;
		}
	}
	if (cbor_dec_finish(&d) != CBOR_OK)
		return token_fail(msg, msgsz, "platform claims: %s", cbor_strerror(d.err));
	return 0;
}
