// SPDX-License-Identifier: GPL-2.0-only
/*
 * Attestation key derivation (portable: EL3, host tests and the build-time
 * CPAK export run this same file).
 *
 *   test_device_secret  32 bytes compiled in: a TEST secret (below)
 *   CPAK  = keygen(HMAC_DRBG(HKDF(salt "CPAK", secret, info "... CPAK ...")))
 *   RAK   = keygen(HMAC_DRBG(HKDF(salt per_boot, secret,
 *                                 info "... RAK ..." || SHA-256(RMM image))))
 *
 * HKDF keeps the secret itself inside this file: each key only ever sees
 * an output of the KDF, with a distinct label, so handing the RAK scalar to
 * the RMM reveals nothing about the CPAK or the secret.  br_ec_keygen draws
 * candidates from the DRBG until one is a valid P-384 scalar, so the result
 * is a proper key for any seed.
 *
 * The CPAK depends on the secret alone: it is the device's identity and a
 * verifier must be able to know its public half in advance.  The RAK also
 * depends on a per-boot value, so that a RAK leaked by one boot of the RMM
 * is useless after a reboot, and on the measurement of the RMM that
 * receives it, so that a different RMM image never gets the same key.
 */
#include <string.h>

#include <bearssl_hash.h>
#include <bearssl_hmac.h>
#include <bearssl_rand.h>

#include <attest.h>

/*
 * TEST device secret, NOT FOR PRODUCTION: the ASCII text
 * "TEST-ONLY realm-stack dev secret".  It is public (it is in the source),
 * so every key derived from it is a test key.
 */
const uint8_t test_device_secret[TEST_DEVICE_SECRET_LEN] = {
	0x54, 0x45, 0x53, 0x54, 0x2d, 0x4f, 0x4e, 0x4c,
	0x59, 0x20, 0x72, 0x65, 0x61, 0x6c, 0x6d, 0x2d,
	0x73, 0x74, 0x61, 0x63, 0x6b, 0x20, 0x64, 0x65,
	0x76, 0x20, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74,
};

#define CPAK_SALT	"realm-stack CPAK salt v1"
#define CPAK_INFO	"realm-stack TEST CPAK P-384 v1"
#define RAK_INFO	"realm-stack TEST RAK P-384 v1"

void attest_hkdf_sha384(const void *salt, size_t salt_len, const void *ikm, size_t ikm_len,
			const void *info, size_t info_len, uint8_t *out, size_t out_len)
{
	br_hmac_key_context kc;
	br_hmac_context hc;
	uint8_t prk[48], okm[48];
	const uint8_t one = 1;

	/* Extract: PRK = HMAC(salt, IKM). */
	br_hmac_key_init(&kc, &br_sha384_vtable, salt, salt_len);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, ikm, ikm_len);
	br_hmac_out(&hc, prk);

	/* Expand, first block only: T(1) = HMAC(PRK, info || 0x01). */
	br_hmac_key_init(&kc, &br_sha384_vtable, prk, sizeof(prk));
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, info, info_len);
	br_hmac_update(&hc, &one, 1);
	br_hmac_out(&hc, okm);

	if (out_len > sizeof(okm))
		out_len = sizeof(okm);
	memcpy(out, okm, out_len);
	memset(prk, 0, sizeof(prk));
	memset(okm, 0, sizeof(okm));
	memset(&kc, 0, sizeof(kc));
	memset(&hc, 0, sizeof(hc));
}

/* P-384 key pair from a 48-byte seed. */
static bool key_from_seed(const uint8_t seed[48], struct attest_key *k)
{
	br_hmac_drbg_context drbg;
	bool ok;

	br_hmac_drbg_init(&drbg, &br_sha384_vtable, seed, 48);
	ok = br_ec_keygen(&drbg.vtable, &br_ec_prime_i31, &k->sk, k->priv,
			  BR_EC_secp384r1) == ATTEST_P384_SCALAR_LEN &&
	     br_ec_compute_pub(&br_ec_prime_i31, &k->pk, k->pub, &k->sk) ==
			  ATTEST_P384_POINT_LEN;
	memset(&drbg, 0, sizeof(drbg));
	return ok;
}

bool attest_derive_test_cpak(struct attest_key *k)
{
	uint8_t seed[48];
	bool ok;

	attest_hkdf_sha384(CPAK_SALT, sizeof(CPAK_SALT) - 1, test_device_secret,
			   sizeof(test_device_secret), CPAK_INFO, sizeof(CPAK_INFO) - 1,
			   seed, sizeof(seed));
	ok = key_from_seed(seed, k);
	memset(seed, 0, sizeof(seed));
	return ok;
}

bool attest_derive_rak(const uint8_t per_boot[ATTEST_PER_BOOT_LEN],
		       const uint8_t rmm_hash[ATTEST_SHA256_LEN],
		       uint8_t scalar[ATTEST_P384_SCALAR_LEN], struct attest_key *k)
{
	uint8_t info[sizeof(RAK_INFO) - 1 + ATTEST_SHA256_LEN];
	struct attest_key tmp;
	struct attest_key *key = k ? k : &tmp;
	uint8_t seed[48];
	bool ok;

	memcpy(info, RAK_INFO, sizeof(RAK_INFO) - 1);
	memcpy(info + sizeof(RAK_INFO) - 1, rmm_hash, ATTEST_SHA256_LEN);
	attest_hkdf_sha384(per_boot, ATTEST_PER_BOOT_LEN, test_device_secret,
			   sizeof(test_device_secret), info, sizeof(info), seed, sizeof(seed));
	ok = key_from_seed(seed, key);
	if (ok)
		memcpy(scalar, key->sk.x, ATTEST_P384_SCALAR_LEN);
	memset(seed, 0, sizeof(seed));
	memset(&tmp, 0, sizeof(tmp));
	return ok;
}
