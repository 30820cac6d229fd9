// SPDX-License-Identifier: GPL-2.0-only
/* The input thread shared by the PL011 and the virtio console. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "vmm/input-thread.h"

void input_thread__init(struct input_thread *it, const struct input_thread_ops *ops,
			void *dev, pthread_mutex_t *lock, pthread_cond_t *room)
{
	it->ops = ops;
	it->dev = dev;
	it->lock = lock;
	it->room = room;
	it->stopping = false;
	it->running = false;
	it->fd = -1;
	it->stop_pipe[0] = it->stop_pipe[1] = -1;
}

/*
 * Before a feed() (@fed_nothing false) or after one that took nothing:
 * wait for room as the ops say.  Returns false once the thread is to stop.
 */
static bool input_thread__wait(struct input_thread *it, bool fed_nothing)
{
	const struct input_thread_ops *ops = it->ops;
	bool stopping;

	if (!ops->full && !fed_nothing)
		return true;
	pthread_mutex_lock(it->lock);
	if (ops->full) {
		while (!it->stopping && ops->full(it->dev))
			pthread_cond_wait(it->room, it->lock);
	} else if (!it->stopping && !ops->retry_ns) {
		pthread_cond_wait(it->room, it->lock);
	} else if (!it->stopping) {
		/* Poll too: a device may make room without signalling. */
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += (time_t)(ops->retry_ns / 1000000000ULL);
		ts.tv_nsec += (long)(ops->retry_ns % 1000000000ULL);
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(it->room, it->lock, &ts);
	}
	stopping = it->stopping;
	pthread_mutex_unlock(it->lock);
	return !stopping;
}

static void *input_thread__run(void *arg)
{
	struct input_thread *it = arg;
	size_t chunk = it->ops->chunk;
	uint8_t buf[INPUT_THREAD_MAX_CHUNK];

	if (!chunk || chunk > sizeof(buf))
		chunk = sizeof(buf);
	for (;;) {
		struct pollfd fds[2] = {
			{ .fd = it->fd, .events = POLLIN },
			{ .fd = it->stop_pipe[0], .events = POLLIN },
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
		n = read(it->fd, buf, chunk);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break;
		while (done < (size_t)n) {
			size_t got;

			if (!input_thread__wait(it, false))
				return NULL;
			got = it->ops->feed(it->dev, buf + done, (size_t)n - done);
			done += got;
			if (!got && !input_thread__wait(it, true))
				return NULL;
		}
	}
	return NULL;
}

int input_thread__start(struct input_thread *it, int fd)
{
	int ret;

	if (it->running)
		return -EBUSY;
	if (pipe(it->stop_pipe))
		return -errno;
	it->fd = fd;
	ret = pthread_create(&it->thread, NULL, input_thread__run, it);
	if (ret) {
		close(it->stop_pipe[0]);
		close(it->stop_pipe[1]);
		it->stop_pipe[0] = it->stop_pipe[1] = -1;
		return -ret;
	}
	it->running = true;
	return 0;
}

void input_thread__stop(struct input_thread *it)
{
	ssize_t n;

	if (!it->running)
		return;
	pthread_mutex_lock(it->lock);
	it->stopping = true;
	pthread_cond_broadcast(it->room);
	pthread_mutex_unlock(it->lock);
	do {
		n = write(it->stop_pipe[1], "", 1);
	} while (n < 0 && errno == EINTR);
	pthread_join(it->thread, NULL);
	close(it->stop_pipe[0]);
	close(it->stop_pipe[1]);
	it->stop_pipe[0] = it->stop_pipe[1] = -1;
	it->running = false;
}
