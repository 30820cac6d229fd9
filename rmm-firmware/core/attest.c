/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Realm attestation: the boot-time RAK and RSI_ATTESTATION_TOKEN_INIT /
 * _CONTINUE (the design is described in <rmm/attest.h>).
 *
 * Locks.  Token generation needs none of the granule locks beyond short
 * leaf sections: the RD lock to snapshot the measurements at INIT, the
 * leaf RTT lock while the realm's buffer is mapped for one copy.  Signing
 * holds no lock at all.  The only lock held for long is el3_lock, which
 * serialises use of the RMM-EL3 shared buffer (one for all CPUs, and EL3
 * keeps one pending platform token) across a whole platform-token
 * sequence; only other RECs fetching a platform token wait for it.
 */
#include <string.h>
#include <plat-lock.h>
#include <abi/rmm-el3.h>
#include <abi/rsi.h>
#include <rmm/attest.h>
#include <rmm/granule.h>
#include <rmm/plat.h>
#include <rmm/realm.h>
#include <rmm/rec.h>

#include <bearssl_ec.h>
#include "attest_defs.h"
#include "cbor_enc.h"
#include "cose_key.h"
#include "cose_sign1.h"
#include "realm_claims.h"

static struct {
	bool ready;
	uint8_t scalar[ATTEST_RAK_SCALAR_SIZE];
	br_ec_private_key sk;
	uint8_t point[ATTEST_RAK_POINT_SIZE];
	uint8_t cose_key[ATTEST_RAK_COSE_KEY_SIZE];
	size_t cose_key_len;
	uint8_t binding[ATTEST_RAK_BINDING_SIZE];
} rak;

static rmm_spinlock_t el3_lock;

/* ------------------------------------------------------------------ RAK */

/* 0 < x < n, big-endian, of the curve's size (BearSSL does not check this). */
static bool scalar_valid(const uint8_t *x, size_t len)
{
	size_t olen;
	const uint8_t *n = br_ec_prime_i31.order(BR_EC_secp384r1, &olen);
	uint8_t any = 0;

	if (len != olen)
		return false;
	for (size_t i = 0; i < len; i++)
		any |= x[i];
	if (any == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (x[i] != n[i])
			return x[i] < n[i];
	return false;				/* x == n */
}

int attest_init(void)
{
	uint8_t kbuf[BR_EC_KBUF_PUB_MAX_SIZE];
	br_ec_public_key pk;
	size_t len = 0;
	int ret;

	memset(&rak, 0, sizeof(rak));
	rmm_spin_lock(&el3_lock);
	ret = plat_el3_get_realm_key(rak.scalar, sizeof(rak.scalar), &len);
	rmm_spin_unlock(&el3_lock);
	if (ret != E_RMM_OK)
		goto fail;
	ret = E_RMM_INVAL;
	if (len != ATTEST_RAK_SCALAR_SIZE || !scalar_valid(rak.scalar, len))
		goto fail;
	rak.sk.curve = BR_EC_secp384r1;
	rak.sk.x = rak.scalar;
	rak.sk.xlen = len;
	if (br_ec_compute_pub(&br_ec_prime_i31, &pk, kbuf, &rak.sk) != ATTEST_RAK_POINT_SIZE)
		goto fail;
	memcpy(rak.point, pk.q, ATTEST_RAK_POINT_SIZE);
	if (cose_key_encode_ec2(rak.cose_key, sizeof(rak.cose_key), &rak.cose_key_len,
				rak.point, sizeof(rak.point)) != 0 ||
	    rak.cose_key_len != ATTEST_RAK_COSE_KEY_SIZE)
		goto fail;
	/* Claim 44240 is "sha-256": the platform challenge (ref §5.5). */
	realm_rak_binding_sha256(rak.cose_key, rak.cose_key_len, rak.binding);
	rak.ready = true;
	return E_RMM_OK;
fail:
	memset(&rak, 0, sizeof(rak));
	return ret;
}

bool attest_ready(void)
{
	return rak.ready;
}

const uint8_t *attest_rak_cose_key(size_t *len)
{
	*len = rak.cose_key_len;
	return rak.ready ? rak.cose_key : NULL;
}

const uint8_t *attest_rak_binding(void)
{
	return rak.ready ? rak.binding : NULL;
}

/* ------------------------------------------------------------------ helpers */

static void ret1(struct rec *rec, uint64_t x0)
{
	rec->gprs[0] = x0;
	rec->pc += 4;
}

static struct attest_aux *aux_main_map(const struct rec *rec)
{
	return plat_granule_map(rec->aux[ATTEST_AUX_MAIN]);
}

static void attest_abort(struct rec *rec)
{
	memset(&rec->attest, 0, sizeof(rec->attest));
}

/* ------------------------------------------------------------------ INIT */

void rsi_attest_token_init(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	struct granule *g_rd;
	struct attest_aux *aux;
	struct rd *rd;

	/* Abandon whatever was in progress; nothing of it is kept. */
	attest_abort(rec);
	aux = aux_main_map(rec);
	memcpy(aux->challenge, &rec->gprs[1], ATTEST_CHALLENGE_SIZE);
	g_rd = granule_from_pa(c->rd_pa);
	granule_lock(g_rd);
	rd = rd_map(g_rd);
	memcpy(aux->meas, rd->measurements, sizeof(aux->meas));
	rd_unmap(rd);
	granule_unlock(g_rd);
	plat_granule_unmap(aux);

	rec->attest.state = ATTEST_SIGN;
	rec->gprs[1] = ATTEST_TOKEN_MAX_SIZE;
	ret1(rec, RSI_SUCCESS);
}

/* ------------------------------------------------------------------ steps */

/* SIGN: the realm token, ES384 with the RAK. */
static bool step_sign(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	struct attest_aux *aux = aux_main_map(rec);
	unsigned int algo = c->hash_algo;
	struct realm_claims rc;
	struct cbor_enc e;
	size_t plen, len;
	struct rd *rd;
	bool ok = false;

	memset(&rc, 0, sizeof(rc));
	rc.challenge = aux->challenge;
	/* The RPV is immutable: no RD lock (as RSI_REALM_CONFIG). */
	rd = plat_granule_map(c->rd_pa);
	rc.rpv = rd->rpv;
	rc.rak = rak.cose_key;
	rc.rak_len = rak.cose_key_len;
	rc.meas_hash_alg = algo == RMI_HASH_SHA_512 ? ATTEST_HASH_SHA512 : ATTEST_HASH_SHA256;
	rc.rak_hash_alg = ATTEST_HASH_SHA256;
	rc.meas_len = measure_hash_size(algo);
	rc.rim = aux->meas[MEASURE_RIM_SLOT];
	for (unsigned int i = 0; i < REALM_NUM_REMS; i++)
		rc.rem[i] = aux->meas[MEASURE_RIM_SLOT + 1 + i];

	cbor_enc_init(&e, aux->payload, sizeof(aux->payload));
	if (realm_claims_encode(&e, &rc) == 0 && cbor_enc_finish(&e, &plen) == 0 &&
	    cose_sign1_es384_sign(aux->realm, sizeof(aux->realm), &len, aux->payload, plen,
				  &rak.sk) == COSE_OK) {
		rec->attest.realm_len = (uint16_t)len;
		ok = true;
	}
	plat_granule_unmap(rd);
	plat_granule_unmap(aux);
	return ok;
}

/* One EL3 call, retried while EL3 answers E_RMM_AGAIN. */
static int el3_plat_token_call(size_t c_size, uint8_t *dst, size_t cap, size_t *hunk,
			       size_t *remaining)
{
	int ret = E_RMM_AGAIN;

	for (unsigned int i = 0; i < ATTEST_EL3_AGAIN_MAX && ret == E_RMM_AGAIN; i++)
		ret = plat_el3_get_plat_token(rak.binding, c_size, dst, cap, hunk, remaining);
	return ret;
}

/* Fetch the whole platform token into @buf; its length or 0 on failure. */
static size_t plat_token_fetch(uint8_t *buf, size_t cap)
{
	size_t off = 0, hunk = 0, remaining = 0;
	bool first = true;
	int ret;

	rmm_spin_lock(&el3_lock);
	do {
		if (off == cap)
			break;				/* larger than we accept */
		ret = el3_plat_token_call(first ? sizeof(rak.binding) : 0, buf + off,
					  cap - off, &hunk, &remaining);
		if (ret != E_RMM_OK || hunk > cap - off || (hunk == 0 && remaining != 0))
			break;
		off += hunk;
		first = false;
	} while (remaining != 0);
	rmm_spin_unlock(&el3_lock);
	return remaining == 0 && !first ? off : 0;
}

/* tag(399) map(2) 44234 bstr-head(plat) and 44241 bstr-head(realm), ref §5.1. */
static bool frame_collection(struct rec *rec, struct attest_aux *aux)
{
	struct cbor_enc e;
	size_t n0, n1;

	cbor_enc_init(&e, aux->hdr[0], sizeof(aux->hdr[0]));
	cbor_put_tag(&e, CCA_TAG_TOKEN_COLLECTION);
	cbor_put_map(&e, 2);
	cbor_put_uint(&e, CCA_KEY_PLAT_TOKEN);
	cbor_put_head(&e, CBOR_MT_BSTR, rec->attest.plat_len);
	if (cbor_enc_finish(&e, &n0) != 0)
		return false;
	cbor_enc_init(&e, aux->hdr[1], sizeof(aux->hdr[1]));
	cbor_put_uint(&e, CCA_KEY_REALM_TOKEN);
	cbor_put_head(&e, CBOR_MT_BSTR, rec->attest.realm_len);
	if (cbor_enc_finish(&e, &n1) != 0)
		return false;
	rec->attest.hdr_len[0] = (uint16_t)n0;
	rec->attest.hdr_len[1] = (uint16_t)n1;
	rec->attest.total = (uint32_t)(n0 + rec->attest.plat_len + n1 + rec->attest.realm_len);
	return true;
}

/* PLAT: the platform token bound to the RAK, then the collection framing. */
static bool step_plat(struct rec *rec)
{
	uint8_t *plat = plat_granule_map(rec->aux[ATTEST_AUX_PLAT]);
	struct attest_aux *aux;
	size_t len;
	bool ok;

	len = plat_token_fetch(plat, ATTEST_PLAT_TOKEN_MAX);
	plat_granule_unmap(plat);
	if (len == 0)
		return false;
	rec->attest.plat_len = (uint16_t)len;
	aux = aux_main_map(rec);
	ok = frame_collection(rec, aux);
	plat_granule_unmap(aux);
	return ok;
}

/* Copy [from, from + n) of the collection, segment by segment, to @dst. */
static void token_read(const struct rec *rec, uint8_t *dst, size_t from, size_t n)
{
	struct attest_aux *aux = aux_main_map(rec);
	uint8_t *plat = plat_granule_map(rec->aux[ATTEST_AUX_PLAT]);
	const struct { const uint8_t *p; size_t len; } seg[] = {
		{ aux->hdr[0], rec->attest.hdr_len[0] },
		{ plat, rec->attest.plat_len },
		{ aux->hdr[1], rec->attest.hdr_len[1] },
		{ aux->realm, rec->attest.realm_len },
	};

	for (unsigned int i = 0; i < sizeof(seg) / sizeof(seg[0]) && n != 0; i++) {
		size_t k;

		if (from >= seg[i].len) {
			from -= seg[i].len;
			continue;
		}
		k = seg[i].len - from < n ? seg[i].len - from : n;
		memcpy(dst, seg[i].p + from, k);
		dst += k;
		n -= k;
		from = 0;
	}
	plat_granule_unmap(plat);
	plat_granule_unmap(aux);
}

/* ------------------------------------------------------------------ CONTINUE */

/*
 * x1 granule IPA, x2 offset, x3 size -> x1 bytes written.  Failure
 * conditions (DEN0137): addr_align, addr_bound, addr_ripas (RIPAS EMPTY /
 * DESTROYED), offset_bound, size_overflow, size_bound (INPUT); then state
 * (STATE).  A buffer that is RIPAS RAM without a DATA granule
 * is reported to the host as a stage-2 abort and the call re-runs.
 */
enum rec_action rsi_attest_token_continue(struct rec_ctx *c)
{
	struct rec *rec = c->rec;
	uint64_t ipa = rec->gprs[1], offset = rec->gprs[2], size = rec->gprs[3];
	struct realm_mem m;
	size_t n;

	/*
	 * All INPUT: their relative order is not observable.  The offset and
	 * size are checked before the mapping so that a call bound to fail
	 * does not make the host fault a page in first.
	 */
	if (!pa_is_granule_aligned(ipa) || !s2tt_ipa_is_protected(&c->s2, ipa) ||
	    offset >= GRANULE_SIZE || offset + size < offset || offset + size > GRANULE_SIZE) {
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	}
	switch (realm_mem_map(&c->s2, ipa, &m)) {
	case REALM_MEM_UNASSIGNED_RAM:
		return rec_exit_protected_abort(c, ipa);
	case REALM_MEM_NOT_RAM:
		ret1(rec, RSI_ERROR_INPUT);
		return REC_RESUME;
	case REALM_MEM_OK:
		realm_mem_unmap(&m);
		break;
	}
	rec->gprs[1] = 0;
	switch (rec->attest.state) {
	case ATTEST_SIGN:
		if (!rak.ready || !step_sign(c))
			goto failed;
		rec->attest.state = ATTEST_PLAT;
		ret1(rec, RSI_INCOMPLETE);		/* one signature per call */
		return REC_RESUME;
	case ATTEST_PLAT:
		if (!step_plat(rec))
			goto failed;
		rec->attest.state = ATTEST_COPY;
		break;					/* copying is cheap: go on */
	case ATTEST_COPY:
		break;
	default:
		ret1(rec, RSI_ERROR_STATE);
		return REC_RESUME;
	}

	/* The host may have taken the page away since the check above. */
	if (realm_mem_map(&c->s2, ipa, &m) != REALM_MEM_OK) {
		ret1(rec, RSI_INCOMPLETE);		/* x1 = 0: the realm asks again */
		return REC_RESUME;
	}
	n = rec->attest.total - rec->attest.copied;
	if (n > size)
		n = (size_t)size;
	token_read(rec, (uint8_t *)m.page + offset, rec->attest.copied, n);
	realm_mem_unmap(&m);
	rec->attest.copied += (uint32_t)n;
	rec->gprs[1] = n;
	if (rec->attest.copied < rec->attest.total) {
		ret1(rec, RSI_INCOMPLETE);
		return REC_RESUME;
	}
	attest_abort(rec);				/* done: state NONE */
	ret1(rec, RSI_SUCCESS);
	return REC_RESUME;

failed:
	attest_abort(rec);
	ret1(rec, RSI_ERROR_UNKNOWN);
	return REC_RESUME;
}
