// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debug-build self-test of the EL3 attestation services (make DEBUG=1):
 * runs once on the boot CPU after the RMM's cold boot, when the shared page
 * is Realm memory and the RMM no longer needs the boot manifest in it.  It
 * calls the service handlers the way the RMM does, through a fake SMC frame,
 * so the buffer checks, the Realm-PAS alias of the shared page and the hunk
 * protocol are exercised on the real machine; the reassembled platform
 * token must verify with the CPAK.  Release builds leave it out: signing
 * and verifying cost boot time, and the host tests cover the token itself.
 */
#include <stdint.h>
#include <string.h>

#include <abi/rmm-el3.h>
#include <attest.h>
#include <console.h>
#include <exception.h>
#include <mmu.h>
#include <plat/layout.h>

#include "cose_sign1.h"

#ifdef MONITOR_DEBUG
static uint8_t reassembled[ATTEST_PLAT_TOKEN_MAX];

static int64_t call(void (*svc)(struct el3_frame *f), uint64_t x1, uint64_t x2,
		    uint64_t x3, struct el3_frame *f)
{
	memset(f, 0, sizeof(*f));
	f->x[1] = x1;
	f->x[2] = x2;
	f->x[3] = x3;
	svc(f);
	return (int64_t)f->x[0];
}

static const char *run(const struct attest_key *cpak)
{
	uint8_t *page = (uint8_t *)(uintptr_t)MMU_SHARED_ALIAS_VA;
	const uint64_t pa = RMM_SHARED_PAGE, hunk = 200;
	struct cose_sign1 s;
	struct el3_frame f;
	size_t len = 0;

	/* Realm key: the buffer rules, then a good call. */
	if (call(attest_get_realm_key, pa - 8, 64, 0, &f) != E_RMM_BAD_ADDR ||
	    call(attest_get_realm_key, pa + RMM_SHARED_PAGE_SIZE - 8, 16, 0, &f) != E_RMM_INVAL ||
	    call(attest_get_realm_key, pa, 47, 0, &f) != E_RMM_INVAL ||
	    call(attest_get_realm_key, pa, 64, 1, &f) != E_RMM_INVAL)
		return "realm key: bad requests accepted";
	if (call(attest_get_realm_key, pa, 64, 0, &f) != E_RMM_OK || f.x[1] != 48)
		return "realm key: refused";

	/* Platform token: c_size rules, then a 48-byte challenge in hunks. */
	if (call(attest_get_plat_token, pa, hunk, 0, &f) != E_RMM_INVAL ||
	    call(attest_get_plat_token, pa, hunk, 33, &f) != E_RMM_INVAL)
		return "platform token: bad requests accepted";
	memset(page, 0xa5, 48);
	if (call(attest_get_plat_token, pa, hunk, 48, &f) != E_RMM_OK)
		return "platform token: first hunk refused";
	for (;;) {
		if (f.x[1] > hunk || len + f.x[1] > sizeof(reassembled))
			return "platform token: bad hunk size";
		memcpy(reassembled + len, page, f.x[1]);
		len += f.x[1];
		if (f.x[2] == 0)
			break;
		if (call(attest_get_plat_token, pa, hunk, 0, &f) != E_RMM_OK)
			return "platform token: next hunk refused";
	}
	if (call(attest_get_plat_token, pa, hunk, 0, &f) != E_RMM_INVAL)
		return "platform token: hunk after the end";
	if (cose_sign1_decode(reassembled, len, &s) != COSE_OK ||
	    cose_sign1_verify(&s, cpak->pk.q, cpak->pk.qlen) != COSE_OK)
		return "platform token: does not verify with the CPAK";
	mon_printf("monitor: attestation self-test: %zu-byte platform token in %zu-byte hunks verifies\n",
		   len, (size_t)hunk);
	return NULL;
}

void attest_self_test(void)
{
	static struct attest_key cpak;
	const char *err;

	if (!attest_derive_test_cpak(&cpak)) {
		mon_printf("monitor: attestation self-test: no CPAK\n");
		return;
	}
	err = run(&cpak);
	/* Leave no key material in the page the RMM owns now. */
	memset((void *)(uintptr_t)MMU_SHARED_ALIAS_VA, 0, RMM_SHARED_PAGE_SIZE);
	if (err)
		mon_printf("monitor: attestation self-test FAILED: %s\n", err);
}
#else
void attest_self_test(void)
{
}
#endif
