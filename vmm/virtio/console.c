// SPDX-License-Identifier: GPL-2.0-only
/* virtio-console, a single port on stdin/stdout. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

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
	bool stopping;
	bool input_running;
	int in_fd;
	int stop_pipe[2];
	pthread_t input;
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

static void *console__input_thread(void *arg)
{
	struct virtio_console *con = arg;
	uint8_t buf[256];

	for (;;) {
		struct pollfd fds[2] = {
			{ .fd = con->in_fd, .events = POLLIN },
			{ .fd = con->stop_pipe[0], .events = POLLIN },
		};
		size_t done = 0;
		ssize_t n;

		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fds[1].revents)
			break;
		n = read(con->in_fd, buf, sizeof(buf));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break;
		while (done < (size_t)n) {
			size_t got = virtio_console__receive(con, buf + done, (size_t)n - done);
			bool stop;

			done += got;
			if (got)
				continue;
			/* No receive buffers: wait for the guest to post some. */
			pthread_mutex_lock(&con->lock);
			if (!con->stopping) {
				struct timespec ts;

				/* Poll too: a driver may post buffers without notifying. */
				clock_gettime(CLOCK_REALTIME, &ts);
				ts.tv_nsec += 50000000;
				if (ts.tv_nsec >= 1000000000) {
					ts.tv_sec++;
					ts.tv_nsec -= 1000000000;
				}
				pthread_cond_timedwait(&con->rx_avail, &con->lock, &ts);
			}
			stop = con->stopping;
			pthread_mutex_unlock(&con->lock);
			if (stop)
				return NULL;
		}
	}
	return NULL;
}

int virtio_console__start_input(struct virtio_console *con, int in_fd)
{
	int ret;

	if (con->input_running)
		return -EBUSY;
	if (pipe(con->stop_pipe))
		return -errno;
	con->in_fd = in_fd;
	ret = pthread_create(&con->input, NULL, console__input_thread, con);
	if (ret) {
		close(con->stop_pipe[0]);
		close(con->stop_pipe[1]);
		return -ret;
	}
	con->input_running = true;
	return 0;
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
	if (con->input_running) {
		ssize_t n;

		pthread_mutex_lock(&con->lock);
		con->stopping = true;
		pthread_cond_broadcast(&con->rx_avail);
		pthread_mutex_unlock(&con->lock);
		do {
			n = write(con->stop_pipe[1], "", 1);
		} while (n < 0 && errno == EINTR);
		pthread_join(con->input, NULL);
		close(con->stop_pipe[0]);
		close(con->stop_pipe[1]);
	}
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
