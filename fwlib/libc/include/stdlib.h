/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * <stdlib.h> for the freestanding firmware.  libfdt's environment header
 * includes it; only strtoul is referenced, and only by fdt_overlay.c, which
 * the firmware does not build.  Nothing here allocates.
 */
#ifndef FWLIB_STDLIB_H
#define FWLIB_STDLIB_H

#include <stddef.h>

unsigned long strtoul(const char *s, char **end, int base);

#endif /* FWLIB_STDLIB_H */
