/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Boot manifest validation (cca-interfaces.md §10.4).  Everything is read
 * once from the shared page and copied into RMM memory; no pointer in the
 * manifest is followed unless the array it points to lies inside the
 * shared page, and every list's checksum must hold.
 */
#include <string.h>
#include <abi/rmm-el3.h>
#include <plat-aarch64.h>
#include <runtime/boot.h>

#define SHARED_PAGE_SIZE	4096ULL
#define MANIFEST_MAJOR(v)	(((v) >> 16) & 0x7FFFU)
#define MANIFEST_MINOR(v)	((v) & 0xFFFFU)
/* v0.3 is the first with DRAM and console lists, all the RMM needs. */
#define MANIFEST_MIN_MINOR	3

/* An array of n elements of size bytes at pa, inside [shared, shared + 4K). */
static bool array_in_page(uint64_t shared, uint64_t pa, uint64_t n, uint64_t size)
{
	if (n == 0)
		return true;
	if (pa & 7 || pa < shared || pa >= shared + SHARED_PAGE_SIZE)
		return false;
	return n <= (shared + SHARED_PAGE_SIZE - pa) / size;
}

/* num + (u64)ptr + sum of the array's words + checksum must wrap to 0. */
static bool checksum_ok(uint64_t num, uint64_t ptr, uint64_t checksum, size_t words)
{
	const uint64_t *w = (const uint64_t *)(uintptr_t)ptr;
	uint64_t sum = num + ptr + checksum;
	size_t i;

	for (i = 0; i < words; i++)
		sum += w[i];
	return sum == 0;
}

static int64_t read_dram(uint64_t shared, const struct rmm_memory_info *mi,
			 unsigned int pa_bits, struct rmm_boot_info *info)
{
	uint64_t num = mi->num_banks, ptr = mi->banks, prev_end = 0;
	const struct rmm_memory_bank *b;
	size_t i;

	if (num == 0 || num > GRANULE_MAX_BANKS || !array_in_page(shared, ptr, num, sizeof(*b)))
		return RMM_BOOT_ERR_MANIFEST_DATA;
	if (!checksum_ok(num, ptr, mi->checksum, num * sizeof(*b) / 8))
		return RMM_BOOT_ERR_MANIFEST_DATA;

	b = (const struct rmm_memory_bank *)(uintptr_t)ptr;
	for (i = 0; i < num; i++) {
		uint64_t base = b[i].base, size = b[i].size, end = base + size;

		if (!base || !size || base & GRANULE_MASK || size & GRANULE_MASK ||
		    end < base || base < prev_end || end > (1ULL << pa_bits) ||
		    end > RMM_DRAM_LIMIT)
			return RMM_BOOT_ERR_MANIFEST_DATA;
		info->dram[i] = b[i];
		prev_end = end;
	}
	info->num_dram = (size_t)num;
	return RMM_BOOT_SUCCESS;
}

/* The first console, if any, must be a one-page PL011 outside DRAM. */
static int64_t read_console(uint64_t shared, const struct rmm_console_list *cl,
			    struct rmm_boot_info *info)
{
	uint64_t num = cl->num_consoles, ptr = cl->consoles;
	const struct rmm_console_info *c;
	size_t i;

	info->console_base = 0;
	if (num == 0)
		return RMM_BOOT_SUCCESS;
	if (num > SHARED_PAGE_SIZE / sizeof(*c) || !array_in_page(shared, ptr, num, sizeof(*c)))
		return RMM_BOOT_ERR_MANIFEST_DATA;
	if (!checksum_ok(num, ptr, cl->checksum, num * sizeof(*c) / 8))
		return RMM_BOOT_ERR_MANIFEST_DATA;

	c = (const struct rmm_console_info *)(uintptr_t)ptr;
	if (strncmp(c->name, "pl011", sizeof(c->name)) || c->map_pages != 1 ||
	    !c->base || c->base & GRANULE_MASK)
		return RMM_BOOT_ERR_MANIFEST_DATA;
	for (i = 0; i < info->num_dram; i++) {
		if (c->base + GRANULE_SIZE > info->dram[i].base &&
		    c->base < info->dram[i].base + info->dram[i].size)
			return RMM_BOOT_ERR_MANIFEST_DATA;
	}
	if (c->base >= RMM_DRAM_LIMIT)
		return RMM_BOOT_ERR_MANIFEST_DATA;
	info->console_base = c->base;
	return RMM_BOOT_SUCCESS;
}

int64_t rmm_manifest_read(uint64_t shared, unsigned int pa_bits, struct rmm_boot_info *info)
{
	const struct rmm_boot_manifest *m = (const struct rmm_boot_manifest *)(uintptr_t)shared;
	int64_t ret;

	if (MANIFEST_MAJOR(m->version) != 0 || MANIFEST_MINOR(m->version) < MANIFEST_MIN_MINOR)
		return RMM_BOOT_ERR_MANIFEST_VERSION;

	memset(info, 0, sizeof(*info));
	ret = read_dram(shared, &m->plat_dram, pa_bits, info);
	if (ret)
		return ret;
	return read_console(shared, &m->plat_console, info);
}
