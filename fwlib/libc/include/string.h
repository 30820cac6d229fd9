/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The subset of <string.h> the freestanding firmware (and the libfdt it
 * links) needs.  Byte-at-a-time implementations in fwlib/libc/string.c: they
 * are safe on Device memory and with the MMU off, where unaligned or wide
 * accesses would fault.
 */
#ifndef FWLIB_STRING_H
#define FWLIB_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);

#endif /* FWLIB_STRING_H */
