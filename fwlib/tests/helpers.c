// SPDX-License-Identifier: GPL-2.0-only
/* Host test helpers: vectors, TEST keys, TEST token builder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bearssl_rand.h>

#include "attest_defs.h"
#include "cbor_enc.h"
#include "cca_token.h"
#include "cose_key.h"
#include "cose_sign1.h"
#include "helpers.h"
#include "plat_claims.h"
#include "realm_claims.h"

#ifndef TEST_TMP_DIR
#define TEST_TMP_DIR "/tmp"
#endif

uint8_t *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

uint8_t *read_vector(const char *name, size_t *len)
{
	char path[512];
	uint8_t *b;

	snprintf(path, sizeof(path), "%s/vectors/%s", REFERENCE_DIR, name);
	b = read_whole(path, len);
	if (!b) {
		fprintf(stderr, "cannot read reference vector %s\n", path);
		abort();
	}
	return b;
}

const char *tmp_path(const char *name)
{
	static char path[4][512];
	static unsigned int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", TEST_TMP_DIR, name);
	return p;
}

void test_key_from_seed(struct test_key *k, const char *seed)
{
	br_hmac_drbg_context drbg;

	br_hmac_drbg_init(&drbg, &br_sha256_vtable, seed, strlen(seed));
	if (!br_ec_keygen(&drbg.vtable, &br_ec_prime_i31, &k->sk, k->priv,
			  BR_EC_secp384r1) ||
	    !br_ec_compute_pub(&br_ec_prime_i31, &k->pk, k->pub, &k->sk))
		abort();
}

static void b64url(FILE *f, const uint8_t *p, size_t n)
{
	static const char a[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	uint32_t acc = 0;
	unsigned int bits = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		acc = (acc << 8) | p[i];
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			fputc(a[(acc >> bits) & 63], f);
		}
	}
	if (bits)
		fputc(a[(acc << (6 - bits)) & 63], f);
}

void write_test_jwk(const char *path, const struct test_key *k)
{
	FILE *f = fopen(path, "w");

	if (!f)
		abort();
	fprintf(f, "{\n  \"crv\": \"P-384\",\n  \"kty\": \"EC\",\n  \"x\": \"");
	b64url(f, k->pk.q + 1, 48);
	fprintf(f, "\",\n  \"y\": \"");
	b64url(f, k->pk.q + 49, 48);
	fprintf(f, "\"\n}\n");
	fclose(f);
}

size_t build_test_token(uint8_t *out, size_t cap, const struct test_key *rak,
			const struct test_key *cpak, const struct test_token_opts *o)
{
	uint8_t chal[64], rpv[64], rim[64], rem[4][64], rak_key[COSE_KEY_P384_LEN];
	uint8_t binder[32], impl[32], inst[33], meas[32], signer[32], cfg[4] = { 0xcf, 0xcf, 0xcf, 0xcf };
	static uint8_t claims[4096], plat[4096], realm[4096];
	struct plat_sw_component sw[2];
	struct plat_claims pc;
	struct realm_claims rc;
	struct cbor_enc e;
	size_t rak_len, clen, plen, rlen, len;
	unsigned int i;

	for (i = 0; i < 64; i++) {
		chal[i] = (uint8_t)i;
		rpv[i] = (uint8_t)(0xa0 + i);
		rim[i] = 0x11;
		rem[0][i] = 0x20; rem[1][i] = 0x21; rem[2][i] = 0x22; rem[3][i] = 0x23;
	}
	if (cose_key_encode_ec2(rak_key, sizeof(rak_key), &rak_len, rak->pk.q, rak->pk.qlen))
		abort();

	memset(&rc, 0, sizeof(rc));
	rc.challenge = chal;
	rc.rpv = rpv;
	rc.rak = rak_key;
	rc.rak_len = rak_len;
	rc.meas_len = o && o->meas_len ? o->meas_len : 32;
	rc.meas_hash_alg = rc.meas_len == 32 ? ATTEST_HASH_SHA256 : ATTEST_HASH_SHA512;
	rc.rak_hash_alg = ATTEST_HASH_SHA256;
	rc.rim = rim;
	for (i = 0; i < 4; i++)
		rc.rem[i] = rem[i];
	cbor_enc_init(&e, claims, sizeof(claims));
	if (realm_claims_encode(&e, &rc) || cbor_enc_finish(&e, &clen))
		abort();
	if (cose_sign1_es384_sign(realm, sizeof(realm), &rlen, claims, clen, &rak->sk))
		abort();

	/* Platform: challenge = SHA-256(claim 44237 bytes), ref §5.5. */
	realm_rak_binding_sha256(rak_key, rak_len, binder);
	if (o && o->bad_binding)
		binder[0] ^= 1;
	memset(impl, 0x7e, sizeof(impl));
	memset(inst, 0x55, sizeof(inst));
	inst[0] = PLAT_UEID_TYPE_RAND;
	memset(meas, 0x42, sizeof(meas));
	memset(signer, 0x53, sizeof(signer));
	sw[0] = (struct plat_sw_component){ "TEST_BL31", meas, 32, "0.1", signer, 32, "sha-256" };
	sw[1] = (struct plat_sw_component){ "TEST_RMM", meas, 32, NULL, signer, 32, NULL };
	memset(&pc, 0, sizeof(pc));
	pc.challenge = binder;
	pc.challenge_len = 32;
	pc.impl_id = impl;
	pc.instance_id = inst;
	pc.config = cfg;
	pc.config_len = sizeof(cfg);
	pc.lifecycle = 0x3000;
	pc.sw = sw;
	pc.num_sw = 2;
	pc.vsi = "https://verifier.test.invalid/";
	pc.hash_alg = ATTEST_HASH_SHA256;
	cbor_enc_init(&e, claims, sizeof(claims));
	if (plat_claims_encode(&e, &pc) || cbor_enc_finish(&e, &clen))
		abort();
	if (cose_sign1_es384_sign(plat, sizeof(plat), &plen, claims, clen, &cpak->sk))
		abort();

	if (cca_token_encode(out, cap, &len, plat, plen, realm, rlen))
		abort();
	return len;
}
