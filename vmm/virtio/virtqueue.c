// SPDX-License-Identifier: GPL-2.0-only
/*
 * Split virtqueues, device side.  Little-endian hosts only (arm64,
 * x86_64), so ring fields are read as native integers.
 */
#include <errno.h>
#include <string.h>

#include "vmm/guest-mem.h"
#include "vmm/virtio.h"

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

#define AVAIL_SIZE(n)	(4 + 2 * (size_t)(n) + 2)
#define USED_SIZE(n)	(4 + 8 * (size_t)(n) + 2)

void virtq__reset(struct virtq *vq)
{
	uint32_t gen = vq->generation + 1;

	memset(vq, 0, sizeof(*vq));
	vq->generation = gen;
}

bool virtq__rings_valid(const struct virtq *vq)
{
	if (!vq->num || vq->num > VIRTQ_MAX_SIZE)
		return false;
	/* Alignments from the spec: 16, 2 and 4 bytes. */
	if ((vq->desc & 15) || (vq->avail & 1) || (vq->used & 3))
		return false;
	return guest_mem__shared_ptr(vq->desc, 16 * (size_t)vq->num) &&
	       guest_mem__shared_ptr(vq->avail, AVAIL_SIZE(vq->num)) &&
	       guest_mem__shared_ptr(vq->used, USED_SIZE(vq->num));
}

int virtq__pop(struct virtq *vq, struct virtq_elem *elem)
{
	const struct vring_desc *table;
	unsigned int table_len, count = 0, i;
	uint64_t total = 0;
	bool in_indirect = false;
	uint16_t *avail, avail_idx;

	if (!vq->ready || vq->broken)
		return 0;
	avail = guest_mem__shared_ptr(vq->avail, AVAIL_SIZE(vq->num));
	table = guest_mem__shared_ptr(vq->desc, 16 * (size_t)vq->num);
	if (!avail || !table)
		return -EIO;

	avail_idx = __atomic_load_n(&avail[1], __ATOMIC_ACQUIRE);
	if (avail_idx == vq->last_avail)
		return 0;
	/* The driver can be at most a ring's worth ahead. */
	if ((uint16_t)(avail_idx - vq->last_avail) > vq->num)
		return -EIO;

	i = __atomic_load_n(&avail[2 + vq->last_avail % vq->num], __ATOMIC_RELAXED);
	if (i >= vq->num)
		return -EIO;
	elem->head = (uint16_t)i;
	elem->generation = vq->generation;
	elem->out_num = elem->in_num = 0;
	elem->out_len = elem->in_len = 0;
	table_len = vq->num;

	for (;;) {
		struct vring_desc d;
		void *ptr;

		/* More descriptors than the table holds: the chain loops. */
		if (++count > table_len)
			return -EIO;
		memcpy(&d, &table[i], sizeof(d));	/* one read of guest data */

		if (d.flags & VIRTQ_DESC_F_INDIRECT) {
			if (!vq->indirect || in_indirect || (d.flags & VIRTQ_DESC_F_NEXT) ||
			    !d.len || d.len % sizeof(d) || d.len / sizeof(d) > VIRTQ_MAX_SEGS)
				return -EIO;
			table = guest_mem__shared_ptr(d.addr, d.len);
			if (!table || (d.addr & 15))
				return -EIO;
			table_len = d.len / sizeof(d);
			in_indirect = true;
			count = 0;
			i = 0;
			continue;
		}

		if (elem->out_num + elem->in_num == VIRTQ_MAX_SEGS)
			return -EIO;
		ptr = guest_mem__shared_ptr(d.addr, d.len);
		if (!ptr)
			return -EIO;
		total += d.len;
		if (total > UINT32_MAX)
			return -EIO;
		if (d.flags & VIRTQ_DESC_F_WRITE) {
			elem->in_len += d.len;
			elem->iov[elem->out_num + elem->in_num++] =
				(struct iovec){ .iov_base = ptr, .iov_len = d.len };
		} else {
			/* Readable buffers must all come before the writable ones. */
			if (elem->in_num)
				return -EIO;
			elem->out_len += d.len;
			elem->iov[elem->out_num++] =
				(struct iovec){ .iov_base = ptr, .iov_len = d.len };
		}
		if (!(d.flags & VIRTQ_DESC_F_NEXT))
			break;
		i = d.next;
		if (i >= table_len)
			return -EIO;
	}
	vq->last_avail++;
	return 1;
}

int virtq__push(struct virtq *vq, uint16_t head, uint32_t len)
{
	struct vring_used_elem *ring;
	uint16_t *used, *avail;
	uint16_t flags;

	if (!vq->ready || vq->broken)
		return 0;
	used = guest_mem__shared_ptr(vq->used, USED_SIZE(vq->num));
	avail = guest_mem__shared_ptr(vq->avail, AVAIL_SIZE(vq->num));
	if (!used || !avail)
		return -EIO;
	ring = (struct vring_used_elem *)(used + 2);
	ring[vq->used_idx % vq->num] = (struct vring_used_elem){ head, len };
	vq->used_idx++;
	/* The element before the index; the index before reading the flags. */
	__atomic_store_n(&used[1], vq->used_idx, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	flags = __atomic_load_n(&avail[0], __ATOMIC_RELAXED);
	return !(flags & VIRTQ_AVAIL_F_NO_INTERRUPT);
}

size_t iov__to_buf(const struct iovec *iov, unsigned int n, size_t off, void *buf, size_t len)
{
	size_t done = 0;
	unsigned int i;

	for (i = 0; i < n && done < len; i++) {
		size_t chunk;

		if (off >= iov[i].iov_len) {
			off -= iov[i].iov_len;
			continue;
		}
		chunk = iov[i].iov_len - off;
		if (chunk > len - done)
			chunk = len - done;
		memcpy((uint8_t *)buf + done, (uint8_t *)iov[i].iov_base + off, chunk);
		done += chunk;
		off = 0;
	}
	return done;
}

size_t iov__from_buf(const struct iovec *iov, unsigned int n, size_t off, const void *buf,
		     size_t len)
{
	size_t done = 0;
	unsigned int i;

	for (i = 0; i < n && done < len; i++) {
		size_t chunk;

		if (off >= iov[i].iov_len) {
			off -= iov[i].iov_len;
			continue;
		}
		chunk = iov[i].iov_len - off;
		if (chunk > len - done)
			chunk = len - done;
		memcpy((uint8_t *)iov[i].iov_base + off, (const uint8_t *)buf + done, chunk);
		done += chunk;
		off = 0;
	}
	return done;
}

int iov__slice(const struct iovec *iov, unsigned int n, size_t off, size_t len,
	       struct iovec *out, unsigned int max)
{
	unsigned int i, cnt = 0;

	for (i = 0; i < n && len; i++) {
		size_t chunk;

		if (off >= iov[i].iov_len) {
			off -= iov[i].iov_len;
			continue;
		}
		if (cnt == max)
			return -1;
		chunk = iov[i].iov_len - off;
		if (chunk > len)
			chunk = len;
		out[cnt++] = (struct iovec){ (uint8_t *)iov[i].iov_base + off, chunk };
		len -= chunk;
		off = 0;
	}
	return len ? -1 : (int)cnt;
}
