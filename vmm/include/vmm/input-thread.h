/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_INPUT_THREAD_H
#define VMM_INPUT_THREAD_H

/*
 * A thread that reads an input fd (stdin, usually) and feeds what it reads
 * to a device, for the PL011 and the virtio console.  Nothing is dropped:
 * while the device has no room the thread waits on the device's own
 * condition variable, under the device's own lock, for the device to make
 * some (or for input_thread__stop()).  The thread ends at EOF or a read
 * error, or in input_thread__stop().
 */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct input_thread_ops {
	/* Take up to @len bytes of @buf; returns how many it took. */
	size_t (*feed)(void *dev, const void *buf, size_t len);
	/*
	 * Called with the device's lock held: true while feed() can take
	 * nothing, and the thread is to wait for the condition variable.
	 * NULL: after a feed() that took nothing, wait once, at most
	 * @retry_ns (0: until signalled), then try again.
	 */
	bool (*full)(void *dev);
	uint64_t retry_ns;
	size_t chunk;		/* bytes per read(), at most INPUT_THREAD_MAX_CHUNK */
};

#define INPUT_THREAD_MAX_CHUNK	256

/* Embedded in the device; zero it, then input_thread__init(). */
struct input_thread {
	const struct input_thread_ops *ops;
	void *dev;
	pthread_mutex_t *lock;	/* the device's */
	pthread_cond_t *room;	/* the device's: signalled when it may take more */
	bool stopping;		/* under *lock */
	bool running;
	int fd;
	int stop_pipe[2];
	pthread_t thread;
};

void input_thread__init(struct input_thread *it, const struct input_thread_ops *ops,
			void *dev, pthread_mutex_t *lock, pthread_cond_t *room);

/* Start reading @fd; -EBUSY if already started, else 0 or -errno. */
int input_thread__start(struct input_thread *it, int fd);

/*
 * Stop the thread, if running, and wait for it; the fd stays open.  Call
 * without the device's lock held, before the device is freed.
 */
void input_thread__stop(struct input_thread *it);

#endif /* VMM_INPUT_THREAD_H */
