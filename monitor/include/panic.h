/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef MONITOR_PANIC_H
#define MONITOR_PANIC_H

/* Report a fatal monitor error and stop the machine with status 1. */
void __attribute__((noreturn, format(printf, 1, 2))) panic(const char *fmt, ...);

#endif /* MONITOR_PANIC_H */
