/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_VIRTIO_BLK_H
#define VMM_VIRTIO_BLK_H

/*
 * virtio-blk (device ID 2) on a raw disk image file, one request queue.
 *
 * Requests: IN (read), OUT (write), FLUSH and GET_ID; anything else is
 * answered UNSUPP.  Sector ranges are checked against the image size and
 * data lengths must be whole 512-byte sectors (IOERR otherwise).  I/O goes
 * through io_uring (readv/writev/fsync), submitted from the notifying vCPU
 * thread and completed by the device's own thread, which pushes the used
 * buffer and raises the interrupt; when io_uring_queue_init() fails (no
 * io_uring, e.g. under qemu-user) requests run synchronously with
 * preadv/pwritev/fdatasync in the vCPU thread instead.
 */
#include <stdbool.h>
#include <stdint.h>

struct gic;
struct virtio_blk;
struct virtio_mmio;

#define VIRTIO_BLK_SECTOR_SIZE	512

/*
 * Open @path (O_RDONLY if @readonly, else O_RDWR) as a disk for slot
 * interrupt @intid; @use_io_uring false forces the synchronous path.
 * 0 and *out, or -errno.
 */
int virtio_blk__new(const char *path, bool readonly, bool use_io_uring, struct gic *gic,
		    unsigned int intid, struct virtio_blk **out);

/* Waits for in-flight requests, stops the completion thread, closes the file. */
void virtio_blk__free(struct virtio_blk *blk);

int virtio_blk__register_mmio(struct virtio_blk *blk, uint64_t base);

/* The transport, for tests and for direct MMIO access. */
struct virtio_mmio *virtio_blk__transport(struct virtio_blk *blk);

/* Whether requests go through io_uring (false: the synchronous fallback). */
bool virtio_blk__uses_io_uring(const struct virtio_blk *blk);

/* Capacity in 512-byte sectors. */
uint64_t virtio_blk__capacity(const struct virtio_blk *blk);

/* Block until every submitted request has completed (tests, teardown). */
void virtio_blk__drain(struct virtio_blk *blk);

#endif /* VMM_VIRTIO_BLK_H */
