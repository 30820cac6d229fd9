/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Header at the start of our RMM image (rmm.bin), read by the monitor when
 * it loads the RMM from flash into the Realm carve-out.  Like the arm64
 * Linux Image header, the first word branches over the header, so the
 * entry point is the load address itself.
 *
 * The monitor checks magic, load address and sizes against its own layout
 * before copying image_size bytes; everything from image_size up to
 * mem_size (BSS, stacks, translation tables) is the RMM's to clear.
 */
#ifndef ABI_RMM_IMAGE_H
#define ABI_RMM_IMAGE_H

#define RMM_IMAGE_MAGIC		0x4547414D494D4D52ULL	/* "RMMIMAGE" */
#define RMM_IMAGE_HEADER_SIZE	64

#ifndef __ASSEMBLY__
#include "types.h"

struct rmm_image_header {
	uint32_t code0;			/* 0x00 branch to the entry code */
	uint32_t code1;			/* 0x04 */
	uint64_t magic;			/* 0x08 RMM_IMAGE_MAGIC */
	uint64_t load_addr;		/* 0x10 PA the image is linked at */
	uint64_t image_size;		/* 0x18 bytes of the file to copy */
	uint64_t mem_size;		/* 0x20 bytes used from load_addr */
	uint64_t ifc_version;		/* 0x28 RMM-EL3 interface it requires */
	uint64_t reserved[2];		/* 0x30 zero */
};
ABI_SIZE(struct rmm_image_header, RMM_IMAGE_HEADER_SIZE);
#endif

#endif /* ABI_RMM_IMAGE_H */
