/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_TESTS_VIRTIO_DRIVER_H
#define VMM_TESTS_VIRTIO_DRIVER_H

/*
 * A minimal virtio-mmio driver for the tests: plays the realm guest, with
 * its rings and buffers in a "shared" region registered with guest_mem.
 */
#include <stdbool.h>
#include <stdint.h>

#define VDRV_IPA	((1ULL << 39) | 0x80000000ULL)	/* unprotected alias of RAM */
#define VDRV_MEM_SIZE	(1024 * 1024)

struct vdrv {
	uint64_t base;			/* MMIO slot */
	uint8_t *mem;			/* VDRV_MEM_SIZE bytes at VDRV_IPA */
	uint16_t num;
	uint64_t desc, avail, used;	/* IPAs */
	uint16_t avail_idx, used_seen;
	uint64_t brk;			/* buffer allocator, IPA */
};

uint32_t vdrv__rd(const struct vdrv *d, uint64_t off);
void vdrv__wr(const struct vdrv *d, uint64_t off, uint32_t v);

/* Register shared memory, then reset and negotiate: returns the status read back. */
uint32_t vdrv__init(struct vdrv *d, uint64_t base, uint64_t accept_features);
/* Set queue @q up with @num entries and QueueReady = 1; returns QueueReady. */
uint32_t vdrv__queue(struct vdrv *d, unsigned int q, uint16_t num);
void vdrv__driver_ok(struct vdrv *d);
void vdrv__fini(struct vdrv *d);

void *vdrv__ptr(const struct vdrv *d, uint64_t ipa);
uint64_t vdrv__alloc(struct vdrv *d, uint64_t size);
void vdrv__desc(struct vdrv *d, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags,
		uint16_t next);
/* Put @head in the avail ring and notify queue @q. */
void vdrv__kick(struct vdrv *d, unsigned int q, uint16_t head);
/* The next used element, if any. */
bool vdrv__used(struct vdrv *d, uint32_t *id, uint32_t *len);

#endif
