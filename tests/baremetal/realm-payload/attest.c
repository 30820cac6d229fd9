// SPDX-License-Identifier: GPL-2.0-only
/*
 * Attestation from the test realm: RSI_ATTESTATION_TOKEN_INIT with the
 * agreed challenge, then RSI_ATTESTATION_TOKEN_CONTINUE in small chunks
 * (so the token really arrives in pieces, granule by granule), an
 * abandoned first attempt to show that INIT restarts, and the token handed
 * to the host through the shared pages.
 */
#include <string.h>
#include "realm.h"

#define TOKEN_PAGES	4
#define CHUNK		256

static uint8_t token[TOKEN_PAGES * GRANULE] ALIGNED(GRANULE);

static struct smc_regs token_init(void)
{
	struct smc_regs r = { { RSI_ATTESTATION_TOKEN_INIT } };

	for (unsigned int i = 0; i < RSI_CHALLENGE_SIZE; i++)
		((uint8_t *)&r.x[1])[i] = tr_challenge_byte(i);
	smc_call(&r);
	return r;
}

static uint64_t token_continue(uint64_t off, uint64_t size, uint64_t *status)
{
	struct smc_regs r = smc(RSI_ATTESTATION_TOKEN_CONTINUE,
				(uint64_t)(uintptr_t)token + (off & ~(GRANULE - 1)),
				off & (GRANULE - 1), size, 0);

	*status = r.x[0];
	return r.x[1];
}

void test_attestation(void)
{
	struct smc_regs r = token_init();
	uint64_t status = RSI_INCOMPLETE, len = 0, calls = 0, room, n;
	uint64_t info[2];

	rok(r.x[0] == RSI_SUCCESS && r.x[1] > 0,
	    "RSI_ATTESTATION_TOKEN_INIT = %lu, upper bound %lu bytes", r.x[0], r.x[1]);
	token_continue(0, CHUNK, &status);
	r = token_init();
	rok(r.x[0] == RSI_SUCCESS && status == RSI_INCOMPLETE,
	    "a second RSI_ATTESTATION_TOKEN_INIT abandons the token in progress (%lu)", r.x[0]);

	while (status == RSI_INCOMPLETE && len < sizeof(token)) {
		room = GRANULE - (len & (GRANULE - 1));
		n = token_continue(len, room < CHUNK ? room : CHUNK, &status);
		calls++;
		if (status != RSI_SUCCESS && status != RSI_INCOMPLETE)
			break;
		len += n;
	}
	rok(status == RSI_SUCCESS && calls > 2 && len > 0 && len <= sizeof(token),
	    "RSI_ATTESTATION_TOKEN_CONTINUE = %lu after %lu calls of at most %u bytes: %lu bytes",
	    status, calls, CHUNK, len);
	token_continue(0, CHUNK, &status);
	rok(status == RSI_ERROR_STATE,
	    "RSI_ATTESTATION_TOKEN_CONTINUE after the token is complete = %lu (ERROR_STATE)",
	    status);
	token_continue(100, GRANULE, &status);
	rok(status == RSI_ERROR_INPUT,
	    "RSI_ATTESTATION_TOKEN_CONTINUE(offset + size beyond the granule) = %lu (ERROR_INPUT)",
	    status);

	if (len > TR_SHARED_SIZE)
		len = 0;	/* the host reports the missing token */
	memcpy((void *)(uintptr_t)TR_SHARED_IPA, token, len);
	info[0] = len;
	info[1] = calls;
	host_call(TR_HC_TOKEN, info, ARRAY_SIZE(info), NULL);
}
