/* SPDX-License-Identifier: GPL-2.0-only */
/* Hex helpers for the command line and the output. */
#ifndef TOKEN_HEX_H
#define TOKEN_HEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Even number of hex digits, at most @cap bytes; -1 otherwise. */
int hex_decode(const char *s, uint8_t *out, size_t cap, size_t *len);
void hex_print(FILE *f, const uint8_t *p, size_t len);

#endif /* TOKEN_HEX_H */
