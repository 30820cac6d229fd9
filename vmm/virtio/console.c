// SPDX-License-Identifier: GPL-2.0-only
/* virtio-console, a single port on stdin/stdout. */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "vmm/input-thread.h"
#include "vmm/virtio-console.h"
#include "vmm/virtio-mmio.h"

#define VIRTIO_ID_CONSOLE	3
#define CONSOLE_RXQ		0
#define CONSOLE_TXQ		1

struct virtio_console_config {
	uint16_t cols;
	uint16_t rows;
	uint32_t max_nr_ports;
	uint32_t emerg_wr;
};

struct virtio_console {
	struct virtio_mmio *vm;
	struct virtio_dev_ops ops;
	struct virtio_console_config config;
	int out_fd;

	pthread_mutex_t lock;		/* serialises receivers */
	pthread_cond_t rx_avail;	/* the guest posted receive buffers */
	struct input_thread input;
};

static void console__tx(struct virtio_console *con)
{
	struct virtq_elem elem;
	unsigned int i;

	while (virtio_mmio__pop(con->vm, CONSOLE_TXQ, &elem) > 0) {
		for (i = 0; i < elem.out_num && con->out_fd >= 0; i++) {
			const uint8_t *p = elem.iov[i].iov_base;
			size_t left = elem.iov[i].iov_len;

			while (left) {
				ssize_t n = write(con->out_fd, p, left);

				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0)
					break;
				p += n;
				left -= (size_t)n;
			}
		}
		virtio_mmio__push(con->vm, CONSOLE_TXQ, &elem, 0);
	}
}

static void console__notify(struct virtio_mmio *vm, void *dev, unsigned int q)
{
	struct virtio_console *con = dev;

	(void)vm;
	if (q == CONSOLE_TXQ) {
		console__tx(con);
	} else if (q == CONSOLE_RXQ) {
		pthread_mutex_lock(&con->lock);
		pthread_cond_broadcast(&con->rx_avail);
		pthread_mutex_unlock(&con->lock);
	}
}

size_t virtio_console__receive(struct virtio_console *con, const void *buf, size_t len)
{
	struct virtq_elem elem;
	size_t done = 0;

	pthread_mutex_lock(&con->lock);
	while (done < len && virtio_mmio__pop(con->vm, CONSOLE_RXQ, &elem) > 0) {
		size_t n = iov__from_buf(&elem.iov[elem.out_num], elem.in_num, 0,
					 (const uint8_t *)buf + done, len - done);

		virtio_mmio__push(con->vm, CONSOLE_RXQ, &elem, (uint32_t)n);
		done += n;
		if (!n)
			break;	/* a chain with no writable room: nothing more to do */
	}
	pthread_mutex_unlock(&con->lock);
	return done;
}

static size_t console__input_feed(void *dev, const void *buf, size_t len)
{
	return virtio_console__receive(dev, buf, len);
}

/*
 * No receive buffers: wait for the guest to post some, polling too every
 * 50 ms, as a driver may post buffers without notifying.
 */
static const struct input_thread_ops console_input_ops = {
	.feed = console__input_feed,
	.retry_ns = 50000000,
	.chunk = 256,
};

int virtio_console__start_input(struct virtio_console *con, int in_fd)
{
	return input_thread__start(&con->input, in_fd);
}

struct virtio_console *virtio_console__new(struct gic *gic, unsigned int intid, int out_fd)
{
	struct virtio_console *con = calloc(1, sizeof(*con));

	if (!con)
		return NULL;
	con->out_fd = out_fd;
	con->ops = (struct virtio_dev_ops){
		.device_id = VIRTIO_ID_CONSOLE,
		.nr_queues = 2,
		.notify = console__notify,
	};
	pthread_mutex_init(&con->lock, NULL);
	pthread_cond_init(&con->rx_avail, NULL);
	input_thread__init(&con->input, &console_input_ops, con, &con->lock, &con->rx_avail);
	con->vm = virtio_mmio__new(&con->ops, con, &con->config, sizeof(con->config), gic, intid);
	if (!con->vm) {
		pthread_cond_destroy(&con->rx_avail);
		pthread_mutex_destroy(&con->lock);
		free(con);
		return NULL;
	}
	return con;
}

void virtio_console__free(struct virtio_console *con)
{
	if (!con)
		return;
	input_thread__stop(&con->input);
	virtio_mmio__free(con->vm);
	pthread_cond_destroy(&con->rx_avail);
	pthread_mutex_destroy(&con->lock);
	free(con);
}

int virtio_console__register_mmio(struct virtio_console *con, uint64_t base)
{
	return virtio_mmio__register_mmio(con->vm, base);
}

struct virtio_mmio *virtio_console__transport(struct virtio_console *con)
{
	return con->vm;
}
