// SPDX-License-Identifier: GPL-2.0-only
/*
 * EL3 attestation services for the RMM (cca-interfaces.md §10.1, ref §6):
 *
 *   RMM_ATTEST_GET_REALM_KEY   x1 buf_pa, x2 buf_size, x3 curve (0 = P-384)
 *                              -> x0 status, x1 = 48 (the private scalar)
 *   RMM_ATTEST_GET_PLAT_TOKEN  x1 buf_pa, x2 buf_size, x3 c_size
 *                              -> x0 status, x1 hunk size, x2 remaining
 *
 * Buffers must lie inside the RMM-EL3 shared page (TF-A's rule): a PA
 * outside it is E_RMM_BAD_ADDR, a size that runs past its end (or zero) is
 * E_RMM_INVAL.  The page is Realm memory, reached through the EL3 map's
 * Realm-PAS alias of it (mmu.h).
 *
 * Platform token protocol: a call with c_size 32, 48 or 64 reads that many
 * challenge bytes from the buffer, builds and signs a new token and returns
 * its first hunk; calls with c_size 0 return the following hunks until
 * remaining is 0.  Any other c_size, or c_size 0 with nothing pending, is
 * E_RMM_INVAL.  The shared page is one for all CPUs and the RMM serialises
 * its use; EL3 still keeps a lock so that two CPUs cannot corrupt the
 * pending token.
 *
 * The per-boot value (attest-key.c explains what it protects):
 *   - FEAT_RNG present (ID_AA64ISAR0_EL1.RNDR): four RNDR reads, mixed with
 *     the counter.  QEMU backs RNDR with the host's random source; there is
 *     no TRNG on the virt board itself.
 *   - otherwise: only CNTPCT_EL0 at boot, hashed.  That is predictable to
 *     an attacker who can time the boot; acceptable for a TEST platform
 *     only, and reported in the boot log.
 */
#include <stdint.h>
#include <string.h>

#include <bearssl_hash.h>
#include <abi/rmm-el3.h>
#include <arch.h>
#include <attest.h>
#include <console.h>
#include <exception.h>
#include <mmu.h>
#include <rmmd.h>
#include <spinlock.h>
#include <plat/layout.h>

/* Linker symbol: the end of the monitor's image in flash (= monitor.bin). */
extern const char __flash_image_end[];

#define ID_AA64ISAR0_RNDR_SHIFT	60
#define RNDR_RETRIES		16

static struct {
	bool ready;			/* keys derived; RMM present */
	uint8_t rak_scalar[ATTEST_P384_SCALAR_LEN];
	uint8_t monitor_hash[ATTEST_SHA256_LEN];
	uint8_t rmm_hash[ATTEST_SHA256_LEN];
	struct attest_key cpak;
} att;

static spinlock_t token_lock;
static uint8_t token[ATTEST_PLAT_TOKEN_MAX];
static size_t token_len, token_sent;	/* token_sent < token_len: pending */

/* ------------------------------------------------------------------ boot */

static bool rndr(uint64_t *v)
{
	uint64_t x, nzcv;

	/* RNDR (S3_3_C2_C4_0) sets PSTATE.Z when it has no value to give. */
	__asm__ volatile("mrs %0, s3_3_c2_c4_0\n\tmrs %1, nzcv" : "=r"(x), "=r"(nzcv));
	*v = x;
	return !(nzcv & BIT(30));
}

/* Returns the source's name for the boot log. */
static const char *per_boot_value(uint8_t out[ATTEST_PER_BOOT_LEN])
{
	uint64_t cnt = read_sysreg(cntpct_el0), r[4];
	bool have_rng = id_field(read_sysreg(id_aa64isar0_el1), ID_AA64ISAR0_RNDR_SHIFT, 4) >= 1;
	const char *src = "CNTPCT_EL0 only (no FEAT_RNG): predictable, TEST use only";
	br_sha256_context sha;
	unsigned int i, tries;

	br_sha256_init(&sha);
	br_sha256_update(&sha, "realm-stack per-boot v1", 23);
	br_sha256_update(&sha, &cnt, sizeof(cnt));
	if (have_rng) {
		for (i = 0; i < 4; i++) {
			for (tries = 0; tries < RNDR_RETRIES && !rndr(&r[i]); tries++)
				;
			if (tries == RNDR_RETRIES)
				break;
		}
		if (i == 4) {
			br_sha256_update(&sha, r, sizeof(r));
			src = "RNDR (QEMU: host entropy) + CNTPCT_EL0";
		}
		memset(r, 0, sizeof(r));
	}
	br_sha256_out(&sha, out);
	return src;
}

static void hex_line(const char *what, const uint8_t *p, size_t n)
{
	char hex[2 * 64 + 1];
	size_t i;

	for (i = 0; i < n && i < 64; i++) {
		hex[2 * i] = "0123456789abcdef"[p[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[p[i] & 0xF];
	}
	hex[2 * i] = '\0';
	mon_printf("monitor: attestation: %s %s\n", what, hex);
}

void attest_init(void)
{
	const uint8_t *rmm_hash = rmm_image_measurement();
	uint64_t image_size = (uint64_t)(uintptr_t)__flash_image_end - FLASH0_BASE;
	uint8_t per_boot[ATTEST_PER_BOOT_LEN], cpak_id[ATTEST_SHA256_LEN];
	uint64_t t0 = read_sysreg(cntpct_el0);
	br_sha256_context sha;
	const char *src;

	mon_printf("monitor: attestation: TEST device secret, not for production: every attestation key is a TEST key\n");

	/* Measure what runs: the flash image (text, rodata, .data's load copy). */
	br_sha256_init(&sha);
	br_sha256_update(&sha, (const void *)(uintptr_t)FLASH0_BASE, image_size);
	br_sha256_out(&sha, att.monitor_hash);
	hex_line("monitor image SHA-256", att.monitor_hash, sizeof(att.monitor_hash));

	if (!rmm_hash) {
		mon_printf("monitor: attestation: no RMM: services off\n");
		return;
	}
	memcpy(att.rmm_hash, rmm_hash, sizeof(att.rmm_hash));

	if (!attest_derive_test_cpak(&att.cpak)) {
		mon_printf("monitor: attestation: CPAK derivation failed: services off\n");
		return;
	}
	src = per_boot_value(per_boot);
	if (!attest_derive_rak(per_boot, att.rmm_hash, att.rak_scalar, NULL)) {
		mon_printf("monitor: attestation: RAK derivation failed: services off\n");
		return;
	}
	memset(per_boot, 0, sizeof(per_boot));
	att.ready = true;

	br_sha256_init(&sha);
	br_sha256_update(&sha, att.cpak.pk.q, att.cpak.pk.qlen);
	br_sha256_out(&sha, cpak_id);
	mon_printf("monitor: attestation: per-boot RAK from %s, keys ready in %lu us\n", src,
		   (read_sysreg(cntpct_el0) - t0) * 1000000 / read_sysreg(cntfrq_el0));
	hex_line("TEST CPAK (out/monitor/cpak-test.json) SHA-256(point)", cpak_id, sizeof(cpak_id));
}

/* ------------------------------------------------------------------ services */

/* [pa, pa + size) inside the shared page; returns its Realm-PAS alias. */
static int64_t shared_buf(uint64_t pa, uint64_t size, uint8_t **va)
{
	if (pa < RMM_SHARED_PAGE || pa >= RMM_SHARED_PAGE + RMM_SHARED_PAGE_SIZE)
		return E_RMM_BAD_ADDR;
	if (size == 0 || size > RMM_SHARED_PAGE + RMM_SHARED_PAGE_SIZE - pa)
		return E_RMM_INVAL;
	*va = (uint8_t *)(uintptr_t)(MMU_SHARED_ALIAS_VA + (pa - RMM_SHARED_PAGE));
	return E_RMM_OK;
}

static void set_status(struct el3_frame *f, int64_t status)
{
	f->x[0] = (uint64_t)status;
}

void attest_get_realm_key(struct el3_frame *f)
{
	uint64_t pa = f->x[1], size = f->x[2], curve = f->x[3];
	int64_t ret;
	uint8_t *buf;

	f->x[1] = 0;
	if (!att.ready) {
		set_status(f, E_RMM_UNK);
		return;
	}
	ret = shared_buf(pa, size, &buf);
	if (ret == E_RMM_OK && (curve != RMM_EL3_ECC_CURVE_P384 || size < ATTEST_P384_SCALAR_LEN))
		ret = E_RMM_INVAL;
	if (ret != E_RMM_OK) {
		set_status(f, ret);
		return;
	}
	memcpy(buf, att.rak_scalar, ATTEST_P384_SCALAR_LEN);
	f->x[1] = ATTEST_P384_SCALAR_LEN;
	set_status(f, E_RMM_OK);
}

/* Build a new token for the challenge in @buf; under token_lock. */
static int64_t token_start(const uint8_t *buf, uint64_t c_size)
{
	uint8_t challenge[64];
	struct plat_token_inputs in = {
		.challenge = challenge, .challenge_len = c_size,
		.monitor_hash = att.monitor_hash, .rmm_hash = att.rmm_hash,
	};

	/* Copy once: the RMM could change the buffer while EL3 signs. */
	memcpy(challenge, buf, c_size);
	token_len = token_sent = 0;
	if (plat_token_build(&in, &att.cpak, token, sizeof(token), &token_len)) {
		token_len = 0;
		return E_RMM_UNK;
	}
	return E_RMM_OK;
}

void attest_get_plat_token(struct el3_frame *f)
{
	uint64_t pa = f->x[1], size = f->x[2], c_size = f->x[3];
	uint64_t hunk;
	int64_t ret;
	uint8_t *buf;

	f->x[1] = f->x[2] = 0;
	if (!att.ready) {
		set_status(f, E_RMM_UNK);
		return;
	}
	ret = shared_buf(pa, size, &buf);
	if (ret == E_RMM_OK && c_size != 0 && c_size != 32 && c_size != 48 && c_size != 64)
		ret = E_RMM_INVAL;
	/* The challenge is read from the same buffer. */
	if (ret == E_RMM_OK && c_size > size)
		ret = E_RMM_INVAL;
	if (ret != E_RMM_OK) {
		set_status(f, ret);
		return;
	}

	spin_lock(&token_lock);
	if (c_size != 0)
		ret = token_start(buf, c_size);
	else if (token_sent >= token_len)
		ret = E_RMM_INVAL;		/* nothing pending */
	if (ret == E_RMM_OK) {
		hunk = token_len - token_sent;
		if (hunk > size)
			hunk = size;
		memcpy(buf, token + token_sent, hunk);
		token_sent += hunk;
		f->x[1] = hunk;
		f->x[2] = token_len - token_sent;
	}
	spin_unlock(&token_lock);
	set_status(f, ret);
}
