// SPDX-License-Identifier: GPL-2.0-only
/*
 * cpak-export: write the public half of the monitor's TEST platform
 * attestation key (CPAK) as a JWK, for cca-token-verify --cpak.
 *
 *   cpak-export OUT.json
 *
 * Runs at build time on the build host with the monitor's own derivation
 * code (monitor/attest-key.c), so the file always matches the key the
 * monitor derives from its TEST device secret.  The key is a TEST key: its
 * secret is public, and the JWK says so in a "comment" member.
 */
#include <stdio.h>
#include <stdlib.h>

#include <attest.h>

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

int main(int argc, char **argv)
{
	struct attest_key k;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OUT.json\n", argv[0]);
		return 2;
	}
	if (!attest_derive_test_cpak(&k) || k.pk.qlen != ATTEST_P384_POINT_LEN) {
		fprintf(stderr, "cpak-export: key derivation failed\n");
		return 1;
	}
	f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	fprintf(f, "{\n  \"comment\": \"TEST key of the realm-stack monitor: derived from a public TEST device secret, not for production\",\n");
	fprintf(f, "  \"kty\": \"EC\",\n  \"crv\": \"P-384\",\n  \"x\": \"");
	b64url(f, k.pk.q + 1, 48);
	fprintf(f, "\",\n  \"y\": \"");
	b64url(f, k.pk.q + 49, 48);
	fprintf(f, "\"\n}\n");
	if (fclose(f)) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
