/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared helpers of the fwlib host tests: reference vectors, TEST keys and
 * a token builder.  Every key made here is a TEST key derived from a fixed,
 * public seed; it protects nothing.
 */
#ifndef FWLIB_TESTS_HELPERS_H
#define FWLIB_TESTS_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <bearssl_ec.h>

#ifndef REFERENCE_DIR
#define REFERENCE_DIR "../shared/reference"
#endif

/* A P-384 TEST key pair with its storage. */
struct test_key {
	br_ec_private_key sk;
	br_ec_public_key pk;
	uint8_t priv[BR_EC_KBUF_PRIV_MAX_SIZE];
	uint8_t pub[BR_EC_KBUF_PUB_MAX_SIZE];
};

/* Seeds of the TEST keys (fixed so that every run builds the same token). */
#define TEST_RAK_SEED	"fwlib-tests TEST-ONLY realm attestation key seed"
#define TEST_CPAK_SEED	"fwlib-tests TEST-ONLY platform attestation key seed"

/* Whole vector file from REFERENCE_DIR/vectors (malloc'd; aborts if absent). */
uint8_t *read_vector(const char *name, size_t *len);
/* Whole file (malloc'd, NUL-terminated), NULL if it cannot be read. */
uint8_t *read_whole(const char *path, size_t *len);

/* Deterministic P-384 TEST key from @seed (HMAC_DRBG(SHA-256) + br_ec_keygen). */
void test_key_from_seed(struct test_key *k, const char *seed);

/* Write @k's public part as a JWK (like cpak.json) to @path. */
void write_test_jwk(const char *path, const struct test_key *k);

/* Options of build_test_token(). */
struct test_token_opts {
	bool bad_binding;		/* platform challenge != H(RAK claim) */
	uint8_t meas_len;		/* 32 (sha-256, default) or 64 */
};

/*
 * Build a complete REL0 CCA token with the TEST RAK (realm) and TEST CPAK
 * (platform).  Realm challenge bytes are i, RPV bytes 0xa0 + i, RIM bytes
 * 0x11, REM n bytes 0x20 + n.  Returns the length written into @out.
 */
size_t build_test_token(uint8_t *out, size_t cap, const struct test_key *rak,
			const struct test_key *cpak, const struct test_token_opts *o);

/* A scratch file name under the test output directory. */
const char *tmp_path(const char *name);

#endif /* FWLIB_TESTS_HELPERS_H */
