/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A printf subset for the bare-metal payloads (ns-host at NS-EL2, the test
 * realm at R-EL1): %s %c %d %u %x with an optional width (zero padded for
 * %u/%x) and 'l' for 64-bit values, %%.  Output goes to a sink, so the host
 * prints to the PL011 and the realm formats into a host-call buffer.
 */
#ifndef BAREMETAL_FMT_H
#define BAREMETAL_FMT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*fmt_sink)(void *arg, char c);

void fmt_vformat(fmt_sink put, void *arg, const char *fmt, va_list ap);

/* Bounded: always NUL-terminated, excess dropped; returns the length kept. */
size_t fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif /* BAREMETAL_FMT_H */
