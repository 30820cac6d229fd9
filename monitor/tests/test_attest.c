// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the monitor's portable attestation code (attest-key.c,
 * attest-token.c), checked with the project's verifier (tools/token) and
 * the TEST CPAK exported at build time (CPAK_JSON, out/monitor/cpak-test.json):
 * the platform token the monitor would hand the RMM verifies, and so does a
 * whole CCA token whose realm part is signed with a RAK from the monitor's
 * derivation, bound to it the way the RMM binds it (ref §5.5).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <bearssl_hash.h>
#include <bearssl_kdf.h>

#include "attest_defs.h"
#include "cbor_enc.h"
#include "cca_token.h"
#include "cose_key.h"
#include "cose_sign1.h"
#include "jwk.h"
#include "realm_claims.h"
#include "token.h"

#include <attest.h>

#ifndef CPAK_JSON
#define CPAK_JSON "out/monitor/cpak-test.json"
#endif

static const uint8_t monitor_hash[32] = { [0] = 0x4d, [31] = 0x4e };
static const uint8_t rmm_hash[32] = { [0] = 0x52, [31] = 0x4d };
static const uint8_t boot_a[ATTEST_PER_BOOT_LEN] = { 1 };
static const uint8_t boot_b[ATTEST_PER_BOOT_LEN] = { 2 };

static uint8_t buf[ATTEST_PLAT_TOKEN_MAX * 3];

/* The exported JWK, parsed as cca-token-verify parses it. */
static size_t cpak_from_json(uint8_t point[97])
{
	const char *err = NULL;
	size_t len = 0, point_len = 0;
	char *json;
	FILE *f = fopen(CPAK_JSON, "rb");

	assert_non_null(f);
	json = calloc(1, 4096);
	assert_non_null(json);
	len = fread(json, 1, 4095, f);
	fclose(f);
	assert_int_equal(jwk_parse_ec_public(json, len, point, 97, &point_len, &err), 0);
	free(json);
	return point_len;
}

static void cpak_json_matches_the_derived_key(void **state)
{
	struct attest_key k, k2;
	uint8_t point[97];

	(void)state;
	assert_true(attest_derive_test_cpak(&k));
	assert_int_equal(k.pk.qlen, ATTEST_P384_POINT_LEN);
	assert_int_equal(k.sk.xlen, ATTEST_P384_SCALAR_LEN);
	assert_int_equal(cpak_from_json(point), ATTEST_P384_POINT_LEN);
	assert_memory_equal(point, k.pk.q, ATTEST_P384_POINT_LEN);
	/* A device key: the same every time. */
	assert_true(attest_derive_test_cpak(&k2));
	assert_memory_equal(k.sk.x, k2.sk.x, ATTEST_P384_SCALAR_LEN);
}

/* Our HKDF against BearSSL's own (src/kdf/hkdf.c). */
static void hkdf_matches_bearssl(void **state)
{
	static const char salt[] = "salt", ikm[] = "input key material", info[] = "info";
	br_hkdf_context hc;
	uint8_t ours[48], ref[48];

	(void)state;
	attest_hkdf_sha384(salt, 4, ikm, sizeof(ikm) - 1, info, 4, ours, sizeof(ours));
	br_hkdf_init(&hc, &br_sha384_vtable, salt, 4);
	br_hkdf_inject(&hc, ikm, sizeof(ikm) - 1);
	br_hkdf_flip(&hc);
	br_hkdf_produce(&hc, info, 4, ref, sizeof(ref));
	assert_memory_equal(ours, ref, sizeof(ours));
}

static void rak_depends_on_boot_and_rmm(void **state)
{
	uint8_t a[48], a2[48], b[48], c[48], other_rmm[32];
	struct attest_key k, cpak;

	(void)state;
	assert_true(attest_derive_rak(boot_a, rmm_hash, a, &k));
	assert_memory_equal(a, k.sk.x, 48);
	assert_true(attest_derive_rak(boot_a, rmm_hash, a2, NULL));
	assert_memory_equal(a, a2, 48);
	assert_true(attest_derive_rak(boot_b, rmm_hash, b, NULL));
	assert_memory_not_equal(a, b, 48);
	memcpy(other_rmm, rmm_hash, 32);
	other_rmm[5] ^= 1;
	assert_true(attest_derive_rak(boot_a, other_rmm, c, NULL));
	assert_memory_not_equal(a, c, 48);
	assert_true(attest_derive_test_cpak(&cpak));
	assert_memory_not_equal(a, cpak.sk.x, 48);
}

static void challenge_sizes(void **state)
{
	static const size_t ok[] = { 32, 48, 64 }, bad[] = { 0, 31, 33, 65 };
	uint8_t challenge[64] = { 0 };
	struct plat_token_inputs in = {
		.challenge = challenge, .monitor_hash = monitor_hash, .rmm_hash = rmm_hash,
	};
	struct attest_key cpak;
	unsigned int i;
	size_t len;

	(void)state;
	assert_true(attest_derive_test_cpak(&cpak));
	for (i = 0; i < 3; i++) {
		in.challenge_len = ok[i];
		assert_int_equal(plat_token_build(&in, &cpak, buf, sizeof(buf), &len), 0);
		assert_true(len < ATTEST_PLAT_TOKEN_MAX);
	}
	for (i = 0; i < 4; i++) {
		in.challenge_len = bad[i];
		assert_int_equal(plat_token_build(&in, &cpak, buf, sizeof(buf), &len), -1);
	}
	/* Too small an output buffer fails, it does not overflow. */
	in.challenge_len = 32;
	assert_int_equal(plat_token_build(&in, &cpak, buf, 100, &len), -1);
}

static void platform_token_verifies_with_exported_cpak(void **state)
{
	uint8_t challenge[48], point[97], impl[32];
	struct plat_token_inputs in = {
		.challenge = challenge, .challenge_len = sizeof(challenge),
		.monitor_hash = monitor_hash, .rmm_hash = rmm_hash,
	};
	struct attest_key cpak;
	struct cose_sign1 s;
	struct plat_info p;
	br_sha256_context sha;
	char msg[200];
	size_t len;

	(void)state;
	memset(challenge, 0xc5, sizeof(challenge));
	assert_true(attest_derive_test_cpak(&cpak));
	assert_int_equal(plat_token_build(&in, &cpak, buf, sizeof(buf), &len), 0);

	assert_int_equal(cose_sign1_decode(buf, len, &s), COSE_OK);
	assert_int_equal(s.alg, COSE_ALG_ES384);
	assert_int_equal(cose_sign1_verify(&s, point, cpak_from_json(point)), COSE_OK);

	memset(&p, 0, sizeof(p));
	assert_int_equal(token_parse_plat_claims(s.payload, s.payload_len, &p, msg, sizeof(msg)), 0);
	assert_int_equal(token_check_plat_claims(&p, msg, sizeof(msg)), 0);
	assert_true(text_eq(&p.profile, PLAT_PROFILE_1_0));
	assert_true(text_eq(&p.hash_alg, ATTEST_HASH_SHA256));
	assert_int_equal(p.challenge.len, sizeof(challenge));
	assert_memory_equal(p.challenge.p, challenge, sizeof(challenge));
	assert_int_equal(p.lifecycle, PLAT_TOKEN_LIFECYCLE);
	br_sha256_init(&sha);
	br_sha256_update(&sha, PLAT_TOKEN_IMPL_ID_TEXT, sizeof(PLAT_TOKEN_IMPL_ID_TEXT) - 1);
	br_sha256_out(&sha, impl);
	assert_memory_equal(p.impl_id.p, impl, 32);
	assert_int_equal(p.instance_id.len, PLAT_INSTANCE_ID_LEN);
	assert_int_equal(p.instance_id.p[0], PLAT_UEID_TYPE_RAND);
	assert_int_equal(p.num_sw, 2);
	assert_true(text_eq(&p.sw[0].type, "MONITOR"));
	assert_memory_equal(p.sw[0].measurement.p, monitor_hash, 32);
	assert_true(text_eq(&p.sw[1].type, "RMM"));
	assert_memory_equal(p.sw[1].measurement.p, rmm_hash, 32);

	/* One flipped payload bit and the signature no longer holds. */
	buf[len / 2] ^= 1;
	if (cose_sign1_decode(buf, len, &s) == COSE_OK)
		assert_int_not_equal(cose_sign1_verify(&s, point, 97), COSE_OK);
}

/*
 * The full chain as it will run: RAK from the monitor's derivation, the
 * RMM's binding SHA-256(COSE_Key(RAK)) as the platform challenge, a realm
 * token signed with the RAK, the collection, cca_token_verify() with the
 * exported CPAK.
 */
static void cca_token_with_monitor_keys_verifies(void **state)
{
	uint8_t scalar[48], rak_key[COSE_KEY_P384_LEN], binder[32], point[97];
	uint8_t chal[64], rpv[64], rim[32], rem[4][32];
	static uint8_t claims[2048], realm[2048], plat[ATTEST_PLAT_TOKEN_MAX];
	struct plat_token_inputs in = {
		.challenge = binder, .challenge_len = sizeof(binder),
		.monitor_hash = monitor_hash, .rmm_hash = rmm_hash,
	};
	struct verify_opts o = { 0 };
	struct attest_key rak, cpak;
	struct realm_claims rc;
	struct cca_token t;
	struct cbor_enc e;
	size_t rak_len, clen, rlen, plen, len;
	char msg[200];
	unsigned int i;

	(void)state;
	assert_true(attest_derive_rak(boot_a, rmm_hash, scalar, &rak));
	assert_true(attest_derive_test_cpak(&cpak));
	assert_int_equal(cose_key_encode_ec2(rak_key, sizeof(rak_key), &rak_len,
					     rak.pk.q, rak.pk.qlen), 0);
	realm_rak_binding_sha256(rak_key, rak_len, binder);

	for (i = 0; i < 64; i++) {
		chal[i] = (uint8_t)i;
		rpv[i] = (uint8_t)(0x80 + i);
	}
	memset(rim, 0x11, sizeof(rim));
	memset(rem, 0x22, sizeof(rem));
	memset(&rc, 0, sizeof(rc));
	rc.challenge = chal;
	rc.rpv = rpv;
	rc.rak = rak_key;
	rc.rak_len = rak_len;
	rc.meas_hash_alg = ATTEST_HASH_SHA256;
	rc.rak_hash_alg = ATTEST_HASH_SHA256;
	rc.meas_len = 32;
	rc.rim = rim;
	for (i = 0; i < 4; i++)
		rc.rem[i] = rem[i];
	cbor_enc_init(&e, claims, sizeof(claims));
	assert_int_equal(realm_claims_encode(&e, &rc), 0);
	assert_int_equal(cbor_enc_finish(&e, &clen), 0);
	assert_int_equal(cose_sign1_es384_sign(realm, sizeof(realm), &rlen, claims, clen,
					       &rak.sk), COSE_OK);
	assert_int_equal(plat_token_build(&in, &cpak, plat, sizeof(plat), &plen), 0);
	assert_int_equal(cca_token_encode(buf, sizeof(buf), &len, plat, plen, realm, rlen), 0);

	o.cpak = point;
	o.cpak_len = cpak_from_json(point);
	o.challenge = chal;
	memset(&t, 0, sizeof(t));
	msg[0] = '\0';
	assert_int_equal(cca_token_verify(buf, len, &o, &t, msg, sizeof(msg)), 0);
	assert_true(t.plat_sig_checked);

	/* A platform token for another RAK must fail the binding. */
	binder[0] ^= 1;
	assert_int_equal(plat_token_build(&in, &cpak, plat, sizeof(plat), &plen), 0);
	assert_int_equal(cca_token_encode(buf, sizeof(buf), &len, plat, plen, realm, rlen), 0);
	memset(&t, 0, sizeof(t));
	assert_int_not_equal(cca_token_verify(buf, len, &o, &t, msg, sizeof(msg)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cpak_json_matches_the_derived_key),
		cmocka_unit_test(hkdf_matches_bearssl),
		cmocka_unit_test(rak_depends_on_boot_and_rmm),
		cmocka_unit_test(challenge_sizes),
		cmocka_unit_test(platform_token_verifies_with_exported_cpak),
		cmocka_unit_test(cca_token_with_monitor_keys_verifies),
	};

	return cmocka_run_group_tests_name("monitor-attest", tests, NULL, NULL);
}
