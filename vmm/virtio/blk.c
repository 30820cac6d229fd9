// SPDX-License-Identifier: GPL-2.0-only
/* virtio-blk on a raw image file, with io_uring and a synchronous fallback. */
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vmm/layout.h"
#include "vmm/virtio-blk.h"
#include "vmm/virtio-mmio.h"

#define VIRTIO_ID_BLOCK		2

#define VIRTIO_BLK_F_SEG_MAX	2
#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_BLK_SIZE	6
#define VIRTIO_BLK_F_FLUSH	9

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4
#define VIRTIO_BLK_T_GET_ID	8

#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

#define VIRTIO_BLK_ID_BYTES	20
#define BLK_RING_ENTRIES	128

struct virtio_blk_config {
	uint64_t capacity;
	uint32_t size_max;
	uint32_t seg_max;
	uint16_t cylinders;
	uint8_t heads;
	uint8_t sectors;
	uint32_t blk_size;
} __attribute__((packed));

struct virtio_blk_outhdr {
	uint32_t type;
	uint32_t ioprio;
	uint64_t sector;
};

struct blk_req {
	struct virtq_elem elem;
	struct iovec data[VIRTQ_MAX_SEGS];
	int ndata;
	uint32_t type;
	uint64_t offset;
	size_t len;
	uint8_t *status;
};

struct virtio_blk {
	struct virtio_mmio *vm;
	struct virtio_dev_ops ops;
	struct virtio_blk_config config;
	int fd;
	bool readonly;
	char id[VIRTIO_BLK_ID_BYTES];

	pthread_mutex_t lock;		/* the submission ring, inflight */
	pthread_cond_t idle;
	unsigned int inflight;
	bool uring;
	struct io_uring ring;
	pthread_t completer;
};

/* ----------------------------------------------------------- completion */

static void blk__complete(struct virtio_blk *blk, struct blk_req *req, uint8_t status,
			  uint32_t written)
{
	*req->status = status;
	virtio_mmio__push(blk->vm, 0, &req->elem, written + 1);
	free(req);
	pthread_mutex_lock(&blk->lock);
	if (!--blk->inflight)
		pthread_cond_broadcast(&blk->idle);
	pthread_mutex_unlock(&blk->lock);
}

/* Read or write req->data from byte @done on, synchronously; 0 or -errno. */
static int blk__rw_sync(struct virtio_blk *blk, struct blk_req *req, size_t done)
{
	struct iovec iov[VIRTQ_MAX_SEGS];

	while (done < req->len) {
		int n = iov__slice(req->data, (unsigned int)req->ndata, done, req->len - done,
				   iov, VIRTQ_MAX_SEGS);
		ssize_t r;

		if (n < 0)
			return -EINVAL;
		if (req->type == VIRTIO_BLK_T_IN)
			r = preadv(blk->fd, iov, n, (off_t)(req->offset + done));
		else
			r = pwritev(blk->fd, iov, n, (off_t)(req->offset + done));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? -errno : -EIO;
		done += (size_t)r;
	}
	return 0;
}

/* Finish a read/write/flush that got @res from the kernel (or -1 if none yet). */
static void blk__finish(struct virtio_blk *blk, struct blk_req *req, int res)
{
	uint32_t written = req->type == VIRTIO_BLK_T_IN ? (uint32_t)req->len : 0;
	int err;

	if (req->type == VIRTIO_BLK_T_FLUSH) {
		err = res < 0 ? res : 0;
	} else {
		/* A short transfer is finished by hand rather than failed. */
		err = res < 0 ? res : blk__rw_sync(blk, req, (size_t)res);
	}
	blk__complete(blk, req, err ? VIRTIO_BLK_S_IOERR : VIRTIO_BLK_S_OK, err ? 0 : written);
}

static void *blk__completer(void *arg)
{
	struct virtio_blk *blk = arg;

	for (;;) {
		struct io_uring_cqe *cqe;
		struct blk_req *req;
		int res;

		if (io_uring_wait_cqe(&blk->ring, &cqe) < 0)
			continue;	/* -EINTR and friends: nothing consumed */
		req = io_uring_cqe_get_data(cqe);
		res = cqe->res;
		io_uring_cqe_seen(&blk->ring, cqe);
		if (!req)
			break;		/* the stop NOP of virtio_blk__free() */
		blk__finish(blk, req, res);
	}
	return NULL;
}

/* ----------------------------------------------------------- submission */

/* Queue @req on the ring (lock held); false if the ring has no room. */
static bool blk__queue_uring(struct virtio_blk *blk, struct blk_req *req)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&blk->ring);

	if (!sqe) {
		io_uring_submit(&blk->ring);
		sqe = io_uring_get_sqe(&blk->ring);
		if (!sqe)
			return false;
	}
	if (req->type == VIRTIO_BLK_T_IN)
		io_uring_prep_readv(sqe, blk->fd, req->data, (unsigned int)req->ndata, req->offset);
	else if (req->type == VIRTIO_BLK_T_OUT)
		io_uring_prep_writev(sqe, blk->fd, req->data, (unsigned int)req->ndata, req->offset);
	else
		io_uring_prep_fsync(sqe, blk->fd, IORING_FSYNC_DATASYNC);
	io_uring_sqe_set_data(sqe, req);
	return true;
}

/*
 * Check and start one request.  Returns true if it went to the ring (to be
 * submitted by the caller), false if it was completed here.
 */
static bool blk__start(struct virtio_blk *blk, struct blk_req *req)
{
	struct virtq_elem *e = &req->elem;
	const struct iovec *in = &e->iov[e->out_num];
	struct virtio_blk_outhdr hdr;
	uint64_t sectors;
	bool queued = false;

	pthread_mutex_lock(&blk->lock);
	blk->inflight++;
	pthread_mutex_unlock(&blk->lock);

	/* No room for the status byte: nothing can be said, return it empty. */
	if (!e->in_num || !in[e->in_num - 1].iov_len) {
		virtio_mmio__push(blk->vm, 0, e, 0);
		free(req);
		pthread_mutex_lock(&blk->lock);
		if (!--blk->inflight)
			pthread_cond_broadcast(&blk->idle);
		pthread_mutex_unlock(&blk->lock);
		return false;
	}
	req->status = (uint8_t *)in[e->in_num - 1].iov_base + in[e->in_num - 1].iov_len - 1;
	if (iov__to_buf(e->iov, e->out_num, 0, &hdr, sizeof(hdr)) != sizeof(hdr)) {
		blk__complete(blk, req, VIRTIO_BLK_S_IOERR, 0);
		return false;
	}
	req->type = hdr.type;

	switch (hdr.type) {
	case VIRTIO_BLK_T_IN:
	case VIRTIO_BLK_T_OUT:
		if (hdr.type == VIRTIO_BLK_T_IN) {
			req->len = e->in_len - 1;
			req->ndata = iov__slice(in, e->in_num, 0, req->len, req->data, VIRTQ_MAX_SEGS);
		} else {
			req->len = e->out_len - sizeof(hdr);
			req->ndata = iov__slice(e->iov, e->out_num, sizeof(hdr), req->len,
						req->data, VIRTQ_MAX_SEGS);
		}
		sectors = req->len / VIRTIO_BLK_SECTOR_SIZE;
		if (req->ndata < 0 || req->len % VIRTIO_BLK_SECTOR_SIZE ||
		    hdr.sector > blk->config.capacity ||
		    sectors > blk->config.capacity - hdr.sector ||
		    (hdr.type == VIRTIO_BLK_T_OUT && blk->readonly)) {
			blk__complete(blk, req, VIRTIO_BLK_S_IOERR, 0);
			return false;
		}
		req->offset = hdr.sector * VIRTIO_BLK_SECTOR_SIZE;
		break;
	case VIRTIO_BLK_T_FLUSH:
		req->len = 0;
		break;
	case VIRTIO_BLK_T_GET_ID: {
		size_t n = e->in_len - 1 < VIRTIO_BLK_ID_BYTES ? e->in_len - 1 : VIRTIO_BLK_ID_BYTES;

		n = iov__from_buf(in, e->in_num, 0, blk->id, n);
		blk__complete(blk, req, VIRTIO_BLK_S_OK, (uint32_t)n);
		return false;
	}
	default:
		blk__complete(blk, req, VIRTIO_BLK_S_UNSUPP, 0);
		return false;
	}

	if (blk->uring) {
		pthread_mutex_lock(&blk->lock);
		queued = blk__queue_uring(blk, req);
		pthread_mutex_unlock(&blk->lock);
	}
	if (!queued) {
		int res = 0;

		if (req->type == VIRTIO_BLK_T_FLUSH && fdatasync(blk->fd))
			res = -errno;
		blk__finish(blk, req, res);
	}
	return queued;
}

static void blk__notify(struct virtio_mmio *vm, void *dev, unsigned int q)
{
	struct virtio_blk *blk = dev;
	bool submit = false;

	if (q != 0)
		return;
	for (;;) {
		struct blk_req *req = malloc(sizeof(*req));

		if (!req)
			break;
		if (virtio_mmio__pop(vm, 0, &req->elem) <= 0) {
			free(req);
			break;
		}
		submit |= blk__start(blk, req);
	}
	if (submit) {
		pthread_mutex_lock(&blk->lock);
		io_uring_submit(&blk->ring);
		pthread_mutex_unlock(&blk->lock);
	}
}

/* -------------------------------------------------------------- set-up */

int virtio_blk__new(const char *path, bool readonly, bool use_io_uring, struct gic *gic,
		    unsigned int intid, struct virtio_blk **out)
{
	struct virtio_blk *blk;
	const char *base;
	struct stat st;
	int ret;

	blk = calloc(1, sizeof(*blk));
	if (!blk)
		return -ENOMEM;
	blk->fd = open(path, (readonly ? O_RDONLY : O_RDWR) | O_CLOEXEC);
	if (blk->fd < 0 || fstat(blk->fd, &st)) {
		ret = -errno;
		goto err_free;
	}
	blk->readonly = readonly;
	blk->config.capacity = (uint64_t)st.st_size / VIRTIO_BLK_SECTOR_SIZE;
	blk->config.seg_max = VIRTQ_MAX_SEGS - 2;	/* header and status */
	blk->config.blk_size = VIRTIO_BLK_SECTOR_SIZE;
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	/* Up to 20 bytes, NUL-terminated only if shorter (virtio 1.2, 5.2.6). */
	memcpy(blk->id, base, strnlen(base, sizeof(blk->id)));

	blk->ops = (struct virtio_dev_ops){
		.device_id = VIRTIO_ID_BLOCK,
		.features = (1ULL << VIRTIO_BLK_F_SEG_MAX) | (1ULL << VIRTIO_BLK_F_BLK_SIZE) |
			    (1ULL << VIRTIO_BLK_F_FLUSH) | (readonly ? 1ULL << VIRTIO_BLK_F_RO : 0),
		.nr_queues = 1,
		.notify = blk__notify,
	};
	pthread_mutex_init(&blk->lock, NULL);
	pthread_cond_init(&blk->idle, NULL);
	blk->vm = virtio_mmio__new(&blk->ops, blk, &blk->config, sizeof(blk->config), gic, intid);
	if (!blk->vm) {
		ret = -ENOMEM;
		goto err_close;
	}

	/* io_uring when the kernel has it; synchronous I/O when it does not. */
	if (use_io_uring && io_uring_queue_init(BLK_RING_ENTRIES, &blk->ring, 0) == 0) {
		if (pthread_create(&blk->completer, NULL, blk__completer, blk) == 0)
			blk->uring = true;
		else
			io_uring_queue_exit(&blk->ring);
	}
	*out = blk;
	return 0;

err_close:
	pthread_cond_destroy(&blk->idle);
	pthread_mutex_destroy(&blk->lock);
	close(blk->fd);
err_free:
	free(blk);
	return ret;
}

void virtio_blk__drain(struct virtio_blk *blk)
{
	pthread_mutex_lock(&blk->lock);
	while (blk->inflight)
		pthread_cond_wait(&blk->idle, &blk->lock);
	pthread_mutex_unlock(&blk->lock);
}

void virtio_blk__free(struct virtio_blk *blk)
{
	if (!blk)
		return;
	virtio_blk__drain(blk);
	if (blk->uring) {
		struct io_uring_sqe *sqe;

		pthread_mutex_lock(&blk->lock);
		sqe = io_uring_get_sqe(&blk->ring);
		if (sqe) {
			io_uring_prep_nop(sqe);
			io_uring_sqe_set_data(sqe, NULL);
			io_uring_submit(&blk->ring);
		}
		pthread_mutex_unlock(&blk->lock);
		/* With no room for the NOP (cannot happen once drained) just cancel. */
		if (!sqe)
			pthread_cancel(blk->completer);
		pthread_join(blk->completer, NULL);
		io_uring_queue_exit(&blk->ring);
	}
	virtio_mmio__free(blk->vm);
	pthread_cond_destroy(&blk->idle);
	pthread_mutex_destroy(&blk->lock);
	close(blk->fd);
	free(blk);
}

int virtio_blk__register_mmio(struct virtio_blk *blk, uint64_t base)
{
	return virtio_mmio__register_mmio(blk->vm, base);
}

struct virtio_mmio *virtio_blk__transport(struct virtio_blk *blk)
{
	return blk->vm;
}

bool virtio_blk__uses_io_uring(const struct virtio_blk *blk)
{
	return blk->uring;
}

uint64_t virtio_blk__capacity(const struct virtio_blk *blk)
{
	return blk->config.capacity;
}
