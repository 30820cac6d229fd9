/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_VIRTIO_H
#define VMM_VIRTIO_H

/*
 * Split virtqueues (virtio 1.2, section 2.7), on the device side.
 *
 * Everything in a ring is written by an untrusted guest, concurrently with
 * the device: indices, lengths and addresses are read once, checked, and
 * only then used.  Guest addresses are unprotected IPAs and are resolved
 * through guest_mem__shared_ptr() on every use, never cached.  A ring the
 * device cannot make sense of is reported as -EIO; the transport then
 * marks the device DEVICE_NEEDS_RESET and stops using the queue.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#define VIRTIO_F_INDIRECT_DESC		28
#define VIRTIO_F_VERSION_1		32
#define VIRTIO_F_ACCESS_PLATFORM	33

#define VIRTQ_DESC_F_NEXT		1
#define VIRTQ_DESC_F_WRITE		2
#define VIRTQ_DESC_F_INDIRECT		4
#define VIRTQ_AVAIL_F_NO_INTERRUPT	1

#define VIRTQ_MAX_SIZE			256	/* QueueNumMax of every queue */
#define VIRTQ_MAX_SEGS			256	/* buffers in one chain */

struct virtq {
	uint16_t num;			/* 0: not configured */
	bool ready;
	bool broken;			/* malformed ring seen: no more processing */
	bool indirect;			/* VIRTIO_F_INDIRECT_DESC negotiated */
	uint64_t desc, avail, used;	/* guest (unprotected) addresses */
	uint16_t last_avail;
	uint16_t used_idx;
	uint32_t generation;		/* bumped by every reset */
};

/* One popped chain: device-readable buffers first, then device-writable. */
struct virtq_elem {
	uint16_t head;
	uint32_t generation;
	unsigned int out_num, in_num;
	uint32_t out_len, in_len;
	struct iovec iov[VIRTQ_MAX_SEGS];
};

/* Forget everything but keep the generation moving (device reset). */
void virtq__reset(struct virtq *vq);

/*
 * Whether the rings of a configured queue are where the guest could have
 * put them: aligned and inside shared memory.
 */
bool virtq__rings_valid(const struct virtq *vq);

/* 1: *elem holds the next chain; 0: nothing available; -EIO: malformed. */
int virtq__pop(struct virtq *vq, struct virtq_elem *elem);

/*
 * Return the chain @head with @len bytes written into it.  Returns 1 if
 * the driver wants an interrupt for it, 0 if not, -EIO if the used ring
 * is gone.
 */
int virtq__push(struct virtq *vq, uint16_t head, uint32_t len);

/* Copy between a flat buffer and iov[] starting @off bytes in; returns bytes copied. */
size_t iov__to_buf(const struct iovec *iov, unsigned int n, size_t off, void *buf, size_t len);
size_t iov__from_buf(const struct iovec *iov, unsigned int n, size_t off, const void *buf,
		     size_t len);

/*
 * The bytes [off, off + len) of iov[0..n) as a new iov list in @out (at
 * most @max entries); returns the entry count, or -1 if they do not fit.
 */
int iov__slice(const struct iovec *iov, unsigned int n, size_t off, size_t len,
	       struct iovec *out, unsigned int max);

#endif /* VMM_VIRTIO_H */
