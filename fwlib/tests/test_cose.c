// SPDX-License-Identifier: GPL-2.0-only
/*
 * COSE building blocks: RFC 6979 determinism of BearSSL's signer, ES384
 * COSE_Sign1 sign/verify, the 107-byte COSE_Key against the golden token's
 * RAK (ref §5.4), claims encoders against the golden token's claims, and the
 * JWK reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "attest_defs.h"
#include "cbor_enc.h"
#include "cose_key.h"
#include "cose_sign1.h"
#include "helpers.h"
#include "hex.h"
#include "jwk.h"
#include "plat_claims.h"
#include "realm_claims.h"
#include "token.h"
#include "token_claims.h"

static void unhex(const char *s, uint8_t *out, size_t n)
{
	size_t len;

	assert_int_equal(hex_decode(s, out, n, &len), 0);
	assert_int_equal(len, n);
}

/* RFC 6979 §A.2.6, P-384 with SHA-384, message "sample": BearSSL's signer
 * must give exactly this r || s, proving its k is the deterministic one. */
static void test_rfc6979_p384_sha384(void **state)
{
	uint8_t x[48], want[96], sig[96], hash[48], pub[BR_EC_KBUF_PUB_MAX_SIZE], ux[48];
	br_sha384_context h;
	br_ec_private_key sk = { BR_EC_secp384r1, x, sizeof(x) };
	br_ec_public_key pk;

	(void)state;
	unhex("6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D8"
	      "96D5724E4C70A825F872C9EA60D2EDF5", x, 48);
	unhex("94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C"
	      "81A648152E44ACF96E36DD1E80FABE46"
	      "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F"
	      "A329C145786E679E7B82C71A38628AC8", want, 96);
	unhex("EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64"
	      "DEF8F0EA9055866064A254515480BC13", ux, 48);
	br_sha384_init(&h);
	br_sha384_update(&h, "sample", 6);
	br_sha384_out(&h, hash);
	assert_int_equal(br_ecdsa_i31_sign_raw(&br_ec_prime_i31, &br_sha384_vtable,
					       hash, &sk, sig), 96);
	assert_memory_equal(sig, want, 96);
	assert_int_equal(br_ec_compute_pub(&br_ec_prime_i31, &pk, pub, &sk), 97);
	assert_memory_equal(pk.q + 1, ux, 48);
}

static void test_sign_verify_round_trip(void **state)
{
	static const uint8_t payload[] = "TEST payload for the TEST RAK";
	uint8_t out[512], out2[512];
	struct test_key rak, other;
	struct cose_sign1 s;
	size_t len, len2;

	(void)state;
	test_key_from_seed(&rak, TEST_RAK_SEED);
	test_key_from_seed(&other, TEST_CPAK_SEED);
	assert_int_equal(cose_sign1_es384_sign(out, sizeof(out), &len, payload,
					       sizeof(payload), &rak.sk), COSE_OK);
	/* Envelope of ref §5.2: D2 84 44 A1 01 38 22 A0 ... 58 60 <96> */
	assert_memory_equal(out, "\xd2\x84\x44\xa1\x01\x38\x22\xa0", 8);
	assert_memory_equal(out + len - 98, "\x58\x60", 2);
	/* Deterministic: same input, same bytes. */
	assert_int_equal(cose_sign1_es384_sign(out2, sizeof(out2), &len2, payload,
					       sizeof(payload), &rak.sk), COSE_OK);
	assert_int_equal(len, len2);
	assert_memory_equal(out, out2, len);

	assert_int_equal(cose_sign1_decode(out, len, &s), COSE_OK);
	assert_int_equal(s.alg, COSE_ALG_ES384);
	assert_int_equal(s.payload_len, sizeof(payload));
	assert_int_equal(cose_sign1_verify(&s, rak.pk.q, rak.pk.qlen), COSE_OK);
	assert_int_equal(cose_sign1_verify(&s, other.pk.q, other.pk.qlen), COSE_ERR_SIG);
	out[len - 1] ^= 1;			/* signature byte */
	assert_int_equal(cose_sign1_verify(&s, rak.pk.q, rak.pk.qlen), COSE_ERR_SIG);
	out[len - 1] ^= 1;
	out[12] ^= 1;				/* payload byte */
	assert_int_equal(cose_sign1_verify(&s, rak.pk.q, rak.pk.qlen), COSE_ERR_SIG);
	out[12] ^= 1;
	s.sig_len = 95;
	assert_int_equal(cose_sign1_verify(&s, rak.pk.q, rak.pk.qlen), COSE_ERR_SIG_LEN);
	s.sig_len = 96;
	s.alg = COSE_ALG_ES256;			/* alg / curve mismatch */
	assert_int_equal(cose_sign1_verify(&s, rak.pk.q, rak.pk.qlen), COSE_ERR_ALG);
	/* Trailing byte after the COSE_Sign1 is refused. */
	assert_int_equal(cose_sign1_decode(out, len + 1, &s), COSE_ERR_FORMAT);
	assert_int_equal(cose_sign1_decode(out + 1, len - 1, &s), COSE_ERR_FORMAT);	/* untagged */
}

static void test_sign_output_overflow(void **state)
{
	static const uint8_t payload[40] = { 1 };
	uint8_t buf[256];
	struct test_key rak;
	size_t need, cap, i, len;

	(void)state;
	test_key_from_seed(&rak, TEST_RAK_SEED);
	assert_int_equal(cose_sign1_es384_sign(buf, sizeof(buf), &need, payload,
					       sizeof(payload), &rak.sk), COSE_OK);
	for (cap = 0; cap < need; cap += 7) {
		memset(buf, 0xee, sizeof(buf));
		assert_int_equal(cose_sign1_es384_sign(buf, cap, &len, payload,
						       sizeof(payload), &rak.sk), COSE_ERR_SPACE);
		for (i = cap; i < sizeof(buf); i++)
			assert_int_equal(buf[i], 0xee);
	}
	/* A P-256 key is refused for ES384. */
	{
		uint8_t x[32] = { [31] = 1 };
		br_ec_private_key sk = { BR_EC_secp256r1, x, sizeof(x) };

		assert_int_equal(cose_sign1_es384_sign(buf, sizeof(buf), &len, payload,
						       sizeof(payload), &sk), COSE_ERR_KEY);
	}
}

/* Parse the golden token far enough to reach both claims maps. */
static void golden(struct cca_token *t, uint8_t **tok)
{
	char msg[256];
	size_t len;

	*tok = read_vector("cca-token-ffm.cbor", &len);
	memset(t, 0, sizeof(*t));
	assert_int_equal(token_parse_collection(*tok, len, t, msg, sizeof(msg)), 0);
	assert_int_equal(cose_sign1_decode(t->realm_raw.p, t->realm_raw.len, &t->realm_cose), 0);
	assert_int_equal(cose_sign1_decode(t->plat_raw.p, t->plat_raw.len, &t->plat_cose), 0);
	assert_int_equal(token_parse_realm_claims(t->realm_cose.payload, t->realm_cose.payload_len,
						  &t->realm, msg, sizeof(msg)), 0);
	assert_int_equal(token_parse_plat_claims(t->plat_cose.payload, t->plat_cose.payload_len,
						 &t->plat, msg, sizeof(msg)), 0);
}

static void test_cose_key_matches_golden_rak(void **state)
{
	static struct cca_token t;
	struct cose_ec2_key key;
	uint8_t point[97], enc[128], *tok;
	size_t len;

	(void)state;
	golden(&t, &tok);
	assert_int_equal(t.realm.rak.len, COSE_KEY_P384_LEN);
	assert_int_equal(cose_key_decode_ec2(t.realm.rak.p, t.realm.rak.len, &key), 0);
	assert_int_equal(key.crv, COSE_CRV_P384);
	assert_int_equal(cose_key_to_point(&key, point, sizeof(point)), 97);
	assert_int_equal(cose_key_encode_ec2(enc, sizeof(enc), &len, point, 97), 0);
	assert_int_equal(len, 107);
	assert_memory_equal(enc, t.realm.rak.p, 107);
	/* Too small an output buffer is refused. */
	assert_int_equal(cose_key_encode_ec2(enc, 106, &len, point, 97), -1);
	/* Malformed keys are refused. */
	memcpy(enc, t.realm.rak.p, 107);
	enc[2] = 0x03;					/* kty 3 (RSA) */
	assert_int_equal(cose_key_decode_ec2(enc, 107, &key), -1);
	memcpy(enc, t.realm.rak.p, 107);
	assert_int_equal(cose_key_decode_ec2(enc, 106, &key), -1);
	free(tok);
}

/* Our encoders, fed with the golden claim values, give maps of the same
 * size that decode to the same claims (order differs: RFC 8949 §4.2.1). */
static void test_claims_encoders_vs_golden(void **state)
{
	static struct cca_token t, back;
	static uint8_t buf[4096];
	struct plat_sw_component sw[TOKEN_MAX_SW];
	char msg[256], type[TOKEN_MAX_SW][32], alg[TOKEN_MAX_SW][16];
	struct realm_claims rc = { 0 };
	struct plat_claims pc = { 0 };
	char meas_alg[16], rak_alg[16], profile[64], hash_alg[16], vsi[128];
	struct cbor_enc e;
	uint8_t *tok;
	size_t len, i;

	(void)state;
	golden(&t, &tok);
#define CSTR(dst, txt) (memcpy(dst, (txt).p, (txt).len), (dst)[(txt).len] = 0, (dst))
	rc.challenge = t.realm.challenge.p;
	rc.rpv = t.realm.rpv.p;
	rc.rak = t.realm.rak.p;
	rc.rak_len = t.realm.rak.len;
	rc.meas_hash_alg = CSTR(meas_alg, t.realm.meas_alg);
	rc.rak_hash_alg = CSTR(rak_alg, t.realm.rak_alg);
	rc.meas_len = t.realm.rim.len;
	rc.rim = t.realm.rim.p;
	for (i = 0; i < 4; i++)
		rc.rem[i] = t.realm.rem[i].p;
	cbor_enc_init(&e, buf, sizeof(buf));
	assert_int_equal(realm_claims_encode(&e, &rc), 0);
	assert_int_equal(cbor_enc_finish(&e, &len), 0);
	assert_int_equal(len, t.realm_cose.payload_len);
	assert_int_equal(token_parse_realm_claims(buf, len, &back.realm, msg, sizeof(msg)), 0);
	assert_int_equal(token_check_realm_claims(&back.realm, msg, sizeof(msg)), 0);
	assert_int_equal(back.realm.present, t.realm.present);
	assert_memory_equal(back.realm.rim.p, t.realm.rim.p, 32);
	assert_memory_equal(back.realm.rak.p, t.realm.rak.p, 107);
	assert_memory_equal(back.realm.rem[3].p, t.realm.rem[3].p, 32);
	/* Sorted keys: 0A first, then 19 01 09 (profile). */
	assert_memory_equal(buf, "\xa8\x0a\x58\x40", 4);

	pc.profile = CSTR(profile, t.plat.profile);
	pc.challenge = t.plat.challenge.p;
	pc.challenge_len = t.plat.challenge.len;
	pc.impl_id = t.plat.impl_id.p;
	pc.instance_id = t.plat.instance_id.p;
	pc.config = t.plat.config.p;
	pc.config_len = t.plat.config.len;
	pc.lifecycle = (uint32_t)t.plat.lifecycle;
	pc.vsi = CSTR(vsi, t.plat.vsi);
	pc.hash_alg = CSTR(hash_alg, t.plat.hash_alg);
	for (i = 0; i < t.plat.num_sw; i++) {
		const struct sw_comp_info *s = &t.plat.sw[i];

		sw[i] = (struct plat_sw_component){
			CSTR(type[i], s->type), s->measurement.p, s->measurement.len,
			NULL, s->signer_id.p, s->signer_id.len, CSTR(alg[i], s->hash_alg) };
	}
	pc.sw = sw;
	pc.num_sw = t.plat.num_sw;
	cbor_enc_init(&e, buf, sizeof(buf));
	assert_int_equal(plat_claims_encode(&e, &pc), 0);
	assert_int_equal(cbor_enc_finish(&e, &len), 0);
	assert_int_equal(len, t.plat_cose.payload_len);
	assert_int_equal(token_parse_plat_claims(buf, len, &back.plat, msg, sizeof(msg)), 0);
	assert_int_equal(token_check_plat_claims(&back.plat, msg, sizeof(msg)), 0);
	assert_int_equal(back.plat.num_sw, 13);
	assert_memory_equal(back.plat.sw[12].measurement.p, t.plat.sw[12].measurement.p, 32);

	/* Input validation: bad UEID type, bad lifecycle, wrong RIM length. */
	pc.lifecycle = 0x3100;
	assert_int_equal(plat_claims_encode(&e, &pc), -1);
	rc.meas_len = 64;			/* but "sha-256" */
	assert_int_equal(realm_claims_encode(&e, &rc), -1);
	free(tok);
}

static void test_jwk_reader(void **state)
{
	static const char *const bad[] = {
		"", "[]", "{}", "{\"kty\":\"EC\"}",
		"{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"AA\",\"y\":\"AA\"}",
		"{\"kty\":\"RSA\",\"crv\":\"P-384\",\"x\":\"\",\"y\":\"\"}",
		"{\"kty\":\"EC\",\"kty\":\"EC\"}",
		"{\"kty\":\"EC\",\"n\":{\"a\":1}}",
		"{\"kty\":\"EC\"",
		"{\"kty\":\"EC\"} x",
	};
	uint8_t point[97], *json, want[97];
	const char *err;
	size_t len, plen, i;

	(void)state;
	json = read_vector("cpak.json", &len);
	assert_int_equal(jwk_parse_ec_public((char *)json, len, point, sizeof(point), &plen, &err), 0);
	assert_int_equal(plen, 97);
	/* x of cpak.json, decoded independently (ref §6 lists it). */
	assert_int_equal(base64url_decode("IShnxS4rlQiwpCCpBWDzlNLfqiG911FP8akBr-fh94uxHU5m-Kijivp2r2oxxN6M",
					  64, want, 48, &len), 0);
	assert_memory_equal(point + 1, want, 48);
	free(json);
	json = read_vector("iak256.json", &len);
	assert_int_equal(jwk_parse_ec_public((char *)json, len, point, sizeof(point), &plen, &err), 0);
	assert_int_equal(plen, 65);
	free(json);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jwk_parse_ec_public(bad[i], strlen(bad[i]), point,
						     sizeof(point), &plen, &err), -1);
	assert_int_equal(base64url_decode("AB", 2, want, 4, &len), -1);	/* non-zero tail bits */
	assert_int_equal(base64url_decode("AA==", 4, want, 4, &len), -1);	/* padding */
	assert_int_equal(base64url_decode("A", 1, want, 4, &len), -1);
	assert_int_equal(base64url_decode("AAAA", 4, want, 2, &len), -1);	/* too long */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6979_p384_sha384),
		cmocka_unit_test(test_sign_verify_round_trip),
		cmocka_unit_test(test_sign_output_overflow),
		cmocka_unit_test(test_cose_key_matches_golden_rak),
		cmocka_unit_test(test_claims_encoders_vs_golden),
		cmocka_unit_test(test_jwk_reader),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
