/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_IMAGE_H
#define VMM_IMAGE_H

#include <stddef.h>
#include <stdint.h>

struct vmm_err;

/* Documentation/arch/arm64/booting.rst, "Call the kernel image". */
#define ARM64_IMAGE_HEADER_SIZE	64
#define ARM64_IMAGE_MAGIC	0x644d5241U	/* "ARM\x64", little endian */
#define ARM64_IMAGE_FLAG_BE	(1ULL << 0)

struct arm64_image_info {
	uint64_t text_offset;
	uint64_t image_size;		/* effective size, BSS included */
	uint64_t flags;
	uint64_t file_size;
};

/* Decode a header (@len >= 64 bytes of the file, @file_size its length). */
int arm64_image__parse(const void *hdr, size_t len, uint64_t file_size,
		       struct arm64_image_info *info, struct vmm_err *err);

/* Open @path, read its header and size; errors name "--kernel PATH". */
int arm64_image__probe(const char *path, struct arm64_image_info *info,
		       struct vmm_err *err);

#endif /* VMM_IMAGE_H */
