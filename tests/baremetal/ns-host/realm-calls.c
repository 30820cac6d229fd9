// SPDX-License-Identifier: GPL-2.0-only
/*
 * The test realm's host calls (enum tr_host_call in realm-test.h).  The
 * realm's checks become TAP lines here, values only the host can judge
 * are compared with its predictions, and the attestation token is printed
 * as hex for tools/emu-tests.sh to verify with cca-token-verify.
 */
#include <abi/rsi.h>
#include <realm-host.h>
#include <sve-regs.h>

#define TOKEN_LINE	32	/* bytes per "# cca-token:" line */

static bool same(const uint8_t *a, const uint8_t *b, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static void report(const uint64_t *gprs)
{
	char text[TR_REPORT_TEXT_SIZE + 1];
	const volatile char *src = (const volatile char *)&gprs[1];
	unsigned int i;

	for (i = 0; i < TR_REPORT_TEXT_SIZE && src[i]; i++)
		text[i] = src[i];
	text[i] = '\0';
	ok(gprs[0] == 1, "realm: %s", text);
}

static void value(struct test_realm *r, const uint64_t *gprs)
{
	uint8_t v[MEASURE_SIZE];

	for (unsigned int i = 0; i < MEASURE_SIZE; i++)
		v[i] = ((const volatile uint8_t *)&gprs[1])[i];
	if (gprs[0] == TR_VALUE_RIM) {
		ok(same(v, r->rim, MEASURE_SIZE),
		   "the realm's RSI_MEASUREMENT_READ(RIM) equals the host's prediction");
	} else {
		ok(same(v, r->rem1, MEASURE_SIZE),
		   "the realm's REM[0] after RSI_MEASUREMENT_EXTEND equals the host's computation");
	}
}

static void shared(struct test_realm *r)
{
	volatile uint64_t *p = granule_words(r->shared[0]);
	unsigned int bad = 0;

	for (unsigned int i = 0; i < GRANULE / 8; i++) {
		bad += p[i] != tr_shared_word(i, 0);
		p[i] = tr_shared_word(i, 1);
	}
	ok(!bad, "the host reads what the realm wrote to the shared page (%u words wrong)", bad);
}

static void token(struct test_realm *r, const uint64_t *gprs)
{
	uint64_t len = gprs[0];
	uint8_t challenge[RSI_CHALLENGE_SIZE], line[TOKEN_LINE];
	const volatile uint8_t *tok = (const volatile uint8_t *)(uintptr_t)r->shared[0];

	r->token_seen = true;
	/* The shared pages are physically contiguous (pool_alloc in a row). */
	if (!ok(len > 3 && len <= TR_SHARED_SIZE && tok[0] == 0xD9 && tok[1] == 0x01 &&
		tok[2] == 0x8F,
		"the realm hands over a %lu-byte CCA token (CBOR tag 399) fetched in %lu chunks",
		len, gprs[1]))
		return;
	for (unsigned int i = 0; i < RSI_CHALLENGE_SIZE; i++)
		challenge[i] = tr_challenge_byte(i);
	print_hex_line("cca-token-challenge", challenge, RSI_CHALLENGE_SIZE);
	for (uint64_t off = 0; off < len; off += TOKEN_LINE) {
		uint64_t n = len - off < TOKEN_LINE ? len - off : TOKEN_LINE;

		for (uint64_t i = 0; i < n; i++)
			line[i] = tok[off + i];
		print_hex_line("cca-token", line, n);
	}
	con_printf("# cca-token-end: %lu bytes\n", len);
}

bool realm_host_call(struct test_realm *r, unsigned int rec, enum tr_event *ev)
{
	struct rmi_rec_run *run = rec_run(r, rec);
	const uint64_t *gprs = run->exit.gprs;

	switch (run->exit.imm) {
	case TR_HC_REPORT:
		report(gprs);
		return true;
	case TR_HC_VALUE:
		value(r, gprs);
		return true;
	case TR_HC_ECHO:
		for (unsigned int i = 0; i < RMI_REC_GPRS; i++)
			run->enter.gprs[i] = ~gprs[i];
		return true;
	case TR_HC_SHARED:
		shared(r);
		return true;
	case TR_HC_TOKEN:
		token(r, gprs);
		return true;
	case TR_HC_RUN_OTHERS:
		*ev = TR_EV_RUN_OTHERS;
		return false;
	case TR_HC_BENCH:
		*ev = TR_EV_BENCH;
		return false;
	case TR_HC_SVE_CLOBBER:
		sve_enable();
		sve_fill(0x77000000);
		return true;
	case TR_HC_SMP_DONE:
		*ev = TR_EV_SMP_DONE;
		return false;
	case TR_HC_PANIC:
		con_printf("# realm panic: ESR_EL1 0x%lx FAR_EL1 0x%lx ELR_EL1 0x%lx vector %lu\n",
			   gprs[0], gprs[1], gprs[2], gprs[3]);
		finish("the test realm took an unexpected exception");
	default:
		return ok(false, "unknown host call immediate %u", run->exit.imm);
	}
}
