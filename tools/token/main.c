// SPDX-License-Identifier: GPL-2.0-only
/*
 * cca-token-verify: check a CCA attestation token on the host
 * (shared/reference/attestation-and-measurement.md §8.3).
 *
 *   cca-token-verify TOKEN.cbor [--cpak cpak.json] [--challenge HEX]
 *                    [--expect-rim HEX] [--json]
 *
 * Exit status: 0 all checks passed; 1 a check failed (one line on stderr
 * naming it); 2 usage or I/O error.  Without --cpak the platform signature
 * is not checked, and the report says so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attest_defs.h"
#include "hex.h"
#include "jwk.h"
#include "print.h"
#include "token.h"

#define PROG		"cca-token-verify"
#define MAX_FILE	(1u << 20)	/* tokens are a few KiB (ref §6: plat <= 4 KiB) */

static void usage(void)
{
	fprintf(stderr, "usage: " PROG " TOKEN.cbor [--cpak cpak.json] [--challenge HEX] "
		"[--expect-rim HEX] [--json]\n");
	exit(2);
}

static void die(const char *what, const char *detail)
{
	fprintf(stderr, PROG ": %s: %s\n", what, detail);
	exit(2);
}

/* Whole file into a malloc'd buffer (NUL-terminated for the JSON reader). */
static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	size_t n;

	if (!f)
		die(path, strerror(errno));
	buf = malloc(MAX_FILE + 1);
	if (!buf)
		die(path, "out of memory");
	n = fread(buf, 1, MAX_FILE + 1, f);
	if (ferror(f))
		die(path, "read error");
	fclose(f);
	if (n > MAX_FILE)
		die(path, "file too large");
	buf[n] = 0;
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	uint8_t cpak[97], challenge[REALM_CHALLENGE_LEN] = { 0 }, rim[64];
	struct verify_opts o = { 0 };
	const char *token_path = NULL, *err;
	static struct cca_token t;
	char msg[256];
	uint8_t *tok;
	size_t len, n;
	int json = 0, i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--cpak") && i + 1 < argc) {
			uint8_t *j = read_file(argv[++i], &n);

			if (jwk_parse_ec_public((const char *)j, n, cpak, sizeof(cpak),
						&o.cpak_len, &err))
				die(argv[i], err);
			o.cpak = cpak;
			free(j);
		} else if (!strcmp(argv[i], "--challenge") && i + 1 < argc) {
			/* Shorter challenges are zero-padded to 64 bytes, as the
			 * Linux guest driver does (ref §7). */
			if (hex_decode(argv[++i], challenge, sizeof(challenge), &n))
				die("--challenge", "expected 1..64 bytes of hex");
			o.challenge = challenge;
		} else if (!strcmp(argv[i], "--expect-rim") && i + 1 < argc) {
			if (hex_decode(argv[++i], rim, sizeof(rim), &o.rim_len))
				die("--expect-rim", "expected 1..64 bytes of hex");
			o.rim = rim;
		} else if (argv[i][0] == '-' || token_path) {
			usage();
		} else {
			token_path = argv[i];
		}
	}
	if (!token_path)
		usage();

	tok = read_file(token_path, &len);
	if (cca_token_verify(tok, len, &o, &t, msg, sizeof(msg))) {
		fprintf(stderr, PROG ": FAIL: %s\n", msg);
		free(tok);
		return 1;
	}
	if (json)
		print_json(stdout, &t);
	else
		print_text(stdout, &t);
	free(tok);
	return 0;
}
