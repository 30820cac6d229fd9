/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_CONSOLE_H
#define MONITOR_CONSOLE_H

#include <stdarg.h>

void console_init(void);
void console_puts(const char *s);
/* printf subset: %c %s %d %u %x %p with 0/width and l/ll/z modifiers. */
void mon_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mon_vprintf(const char *fmt, va_list ap);

/* Debug-build messages (make DEBUG=1); still type-checked otherwise. */
#ifdef MONITOR_DEBUG
#define mon_debug(...)	mon_printf(__VA_ARGS__)
#else
#define mon_debug(...)	do { if (0) mon_printf(__VA_ARGS__); } while (0)
#endif

#endif /* MONITOR_CONSOLE_H */
