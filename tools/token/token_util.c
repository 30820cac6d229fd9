// SPDX-License-Identifier: GPL-2.0-only
/* Small helpers shared by the verifier's parsing and checking steps. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "attest_defs.h"
#include "token.h"

int token_fail(char *msg, size_t msgsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msgsz, fmt, ap);
	va_end(ap);
	return -1;
}

bool text_eq(const struct text *t, const char *s)
{
	return t->p && strlen(s) == t->len && memcmp(t->p, s, t->len) == 0;
}

size_t token_hash_len(const struct text *name)
{
	if (text_eq(name, ATTEST_HASH_SHA256))
		return 32;
	if (text_eq(name, ATTEST_HASH_SHA384))
		return 48;
	if (text_eq(name, ATTEST_HASH_SHA512))
		return 64;
	return 0;
}
