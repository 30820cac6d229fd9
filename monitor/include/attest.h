/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Attestation at EL3: the realm attestation key (RAK) the RMM asks for with
 * RMM_ATTEST_GET_REALM_KEY and the platform token it asks for with
 * RMM_ATTEST_GET_PLAT_TOKEN (cca-interfaces.md §10.1,
 * attestation-and-measurement.md §5.5, §5.6, §6).
 *
 * Everything here derives from test_device_secret, a value compiled into
 * the image and published with the source: it is a TEST secret, and every
 * key made from it is a TEST key that protects nothing.  A real platform
 * would take the secret from fuses or a secure element instead.
 *
 * attest-key.c and attest-token.c are portable (BearSSL and fwlib only):
 * the host tests and the build-time CPAK export run the very same code.
 * attest.c holds the EL3-only parts (entropy, measuring the monitor, the
 * shared-page services).
 */
#ifndef MONITOR_ATTEST_H
#define MONITOR_ATTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <bearssl_ec.h>

#define ATTEST_P384_SCALAR_LEN	48
#define ATTEST_P384_POINT_LEN	97	/* 04 || X || Y */
#define ATTEST_SHA256_LEN	32
#define ATTEST_PER_BOOT_LEN	32
/* The platform token never needs more (ref §6: TF-A's limit is 0x1000). */
#define ATTEST_PLAT_TOKEN_MAX	4096

/* A P-384 key pair with its storage. */
struct attest_key {
	br_ec_private_key sk;
	br_ec_public_key pk;
	uint8_t priv[BR_EC_KBUF_PRIV_MAX_SIZE];
	uint8_t pub[BR_EC_KBUF_PUB_MAX_SIZE];
};

/* The build-time TEST device secret (attest-key.c). */
#define TEST_DEVICE_SECRET_LEN	32
extern const uint8_t test_device_secret[TEST_DEVICE_SECRET_LEN];

/*
 * HKDF (RFC 5869) with HMAC-SHA-384: @out_len <= 48 bytes of output key
 * material from @ikm, @salt and @info.  One expand block is all any caller
 * needs (a P-384 seed).
 */
void attest_hkdf_sha384(const void *salt, size_t salt_len, const void *ikm, size_t ikm_len,
			const void *info, size_t info_len, uint8_t *out, size_t out_len);

/*
 * The TEST platform attestation key (CPAK): fixed for the device, i.e. a
 * function of test_device_secret only, so that a verifier can be given its
 * public half once (out/monitor/cpak-test.json).  False if keygen failed.
 */
bool attest_derive_test_cpak(struct attest_key *k);

/*
 * The realm attestation key for this boot: a function of the secret, the
 * per-boot value and the measurement of the RMM it is handed to.  Writes
 * the private scalar (big-endian, 48 bytes) to @scalar and the key pair to
 * @k if non-NULL.
 */
bool attest_derive_rak(const uint8_t per_boot[ATTEST_PER_BOOT_LEN],
		       const uint8_t rmm_hash[ATTEST_SHA256_LEN],
		       uint8_t scalar[ATTEST_P384_SCALAR_LEN], struct attest_key *k);

/* What goes into the platform token besides the CPAK (attest-token.c). */
struct plat_token_inputs {
	const uint8_t *challenge;	/* claim 10: hash of the RAK claim */
	size_t challenge_len;		/* 32, 48 or 64 */
	const uint8_t *monitor_hash;	/* SHA-256 of the monitor's flash image */
	const uint8_t *rmm_hash;	/* SHA-256 of the loaded RMM image */
};

/* Platform-token values derived from the CPAK (exposed for the tests). */
#define PLAT_TOKEN_LIFECYCLE	0x1000	/* "assembly and test": TEST keys */
#define PLAT_TOKEN_IMPL_ID_TEXT	"realm-stack monitor, QEMU virt RME, TEST implementation"

/*
 * Build the tagged ES384 COSE_Sign1 platform token into @out.  0 and *len
 * on success; -1 on bad inputs or if @cap is too small.  Not reentrant (a
 * static scratch buffer holds the claims): EL3 calls it under its lock.
 */
int plat_token_build(const struct plat_token_inputs *in, const struct attest_key *cpak,
		     uint8_t *out, size_t cap, size_t *len);

/* ---------------------------------------------------------------- EL3 only */
#ifndef ATTEST_PORTABLE_ONLY
struct el3_frame;

/* Boot CPU, after rmm_image_load(): per-boot value, measurements, keys. */
void attest_init(void);

/*
 * Debug builds (make DEBUG=1): exercise the services below once, after
 * the RMM's cold boot (attest-selftest.c).  Empty otherwise.
 */
void attest_self_test(void);

/* RMM -> EL3 services (rmmd.c). */
void attest_get_realm_key(struct el3_frame *f);
void attest_get_plat_token(struct el3_frame *f);
#endif

#endif /* MONITOR_ATTEST_H */
