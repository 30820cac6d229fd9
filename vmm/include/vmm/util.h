/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_UTIL_H
#define VMM_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define VMM_NAME	"realm-vmm"

#define SZ_4K		0x1000ULL
#define SZ_64K		0x10000ULL
#define SZ_128K		0x20000ULL
#define SZ_1M		0x100000ULL
#define SZ_2M		0x200000ULL
#define SZ_1G		0x40000000ULL

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define ALIGN_DOWN(x, a)	((x) & ~((uint64_t)(a) - 1))
#define ALIGN_UP(x, a)		ALIGN_DOWN((x) + (a) - 1, (a))
#define IS_ALIGNED(x, a)	(((x) & ((uint64_t)(a) - 1)) == 0)

/*
 * Library code reports failure as -errno plus one human-readable line in a
 * struct vmm_err; only the command layer decides to print it and exit.
 * The line carries its own context ("--mem 3X: not a size ...") but not
 * the "realm-vmm: " prefix, which pr_err() adds.
 */
#define VMM_ERR_LEN	512

struct vmm_err {
	char msg[VMM_ERR_LEN];
};

/* Fill *err (may be NULL) and return -errnum, for "return vmm_err__set(...)". */
int vmm_err__set(struct vmm_err *err, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* One line on stderr, prefixed "realm-vmm: ". */
void pr_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* pr_err() and exit(1): CLI and setup code only, never library code. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* "256 MiB", "52690944 bytes": exact, for messages; returns buf. */
const char *vmm_size__str(uint64_t bytes, char *buf, size_t len);
#define VMM_SIZE_STR_LEN 32

/*
 * Parse "512M", "2G", "64K" (upper or lower case suffix, decimal number).
 * A bare number is refused: kvmtool reads it as MiB, other tools as bytes,
 * and a guess either way is worse than an error.
 */
int vmm_size__parse(const char *s, uint64_t *bytes);

/* Decimal unsigned number, whole string, within [min, max]. */
int vmm_uint__parse(const char *s, uint64_t min, uint64_t max, uint64_t *val);

#endif /* VMM_UTIL_H */
