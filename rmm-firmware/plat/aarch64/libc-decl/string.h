/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Declarations of the string functions the RMM core and BearSSL use, for the
 * freestanding build while the shared fwlib/libc does not exist yet.  Only
 * declarations: librmm.a is not linked into an image until a libc provides
 * the definitions.
 */
#ifndef RMM_LIBC_DECL_STRING_H
#define RMM_LIBC_DECL_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* RMM_LIBC_DECL_STRING_H */
