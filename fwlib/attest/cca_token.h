/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CCA token collection (ref §5.1):
 *   tag 399 { 44234: bstr(platform COSE_Sign1), 44241: bstr(realm COSE_Sign1) }
 * Both tokens are wrapped as byte strings, each keeping its own tag 18.
 */
#ifndef FWLIB_ATTEST_CCA_TOKEN_H
#define FWLIB_ATTEST_CCA_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* 0 and *len on success; -1 (nothing beyond @cap written) if it does not fit. */
int cca_token_encode(void *out, size_t cap, size_t *len,
		     const uint8_t *plat, size_t plat_len,
		     const uint8_t *realm, size_t realm_len);

#endif /* FWLIB_ATTEST_CCA_TOKEN_H */
