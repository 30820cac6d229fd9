// SPDX-License-Identifier: GPL-2.0-only
/*
 * Just enough flattened-device-tree reading to find DRAM and the initrd:
 * a property of the root node or of a node directly below it.  All tokens
 * are 4-byte aligned, so 32-bit loads are safe on Device memory (MMU off);
 * 64-bit values are assembled from cells for the same reason.
 */
#include <ns-host.h>

#define FDT_MAGIC	0xd00dfeedU
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

static uint32_t be32(const void *p)
{
	return __builtin_bswap32(*(const volatile uint32_t *)p);
}

uint64_t fdt_cells(const uint32_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 32 | be32(p++);
	return v;
}

bool fdt_valid(const void *fdt)
{
	return ((uintptr_t)fdt & 7) == 0 && be32(fdt) == FDT_MAGIC;
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* "memory@40000000" matches "memory"; the root's name is "". */
static bool node_matches(const char *name, const char *want)
{
	while (*want && *name == *want)
		name++, want++;
	return !*want && (!*name || *name == '@');
}

static size_t slen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

const uint32_t *fdt_prop(const void *fdt, const char *node, const char *prop, uint32_t *len)
{
	const uint8_t *base = fdt;
	const uint32_t *p = (const uint32_t *)(base + be32(base + 8));	/* off_dt_struct */
	const char *strs = (const char *)(base + be32(base + 12));	/* off_dt_strings */
	int want_depth = *node ? 2 : 1, depth = 0;
	bool in = false;

	if (!fdt_valid(fdt))
		return NULL;
	for (;;) {
		uint32_t tok = be32(p++);

		switch (tok) {
		case FDT_BEGIN_NODE: {
			const char *name = (const char *)p;

			depth++;
			if (depth == want_depth)
				in = node_matches(name, node);
			p += (slen(name) + 1 + 3) / 4;
			break;
		}
		case FDT_END_NODE:
			depth--;
			break;
		case FDT_PROP: {
			uint32_t plen = be32(p), nameoff = be32(p + 1);

			if (in && depth == want_depth && streq(strs + nameoff, prop)) {
				*len = plen;
				return p + 2;
			}
			p += 2 + (plen + 3) / 4;
			break;
		}
		case FDT_NOP:
			break;
		default:	/* FDT_END or a corrupt tree */
			return NULL;
		}
	}
}
