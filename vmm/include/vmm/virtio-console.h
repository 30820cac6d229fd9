/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_VIRTIO_CONSOLE_H
#define VMM_VIRTIO_CONSOLE_H

/*
 * virtio-console (device ID 3): one port (no MULTIPORT), receiveq 0 and
 * transmitq 1.  Output goes to an fd as soon as the guest notifies;
 * input is copied into the guest's receive buffers as they appear, and
 * waits (never dropped) while there are none.  Only one of PL011 and
 * virtio-console should read stdin.
 */
#include <stddef.h>
#include <stdint.h>

struct gic;
struct virtio_console;
struct virtio_mmio;

/* A console writing to @out_fd (-1: discard), raising @intid on @gic. */
struct virtio_console *virtio_console__new(struct gic *gic, unsigned int intid, int out_fd);
void virtio_console__free(struct virtio_console *con);
int virtio_console__register_mmio(struct virtio_console *con, uint64_t base);
struct virtio_mmio *virtio_console__transport(struct virtio_console *con);

/* Copy input into the guest's receive buffers; returns how much fitted. */
size_t virtio_console__receive(struct virtio_console *con, const void *buf, size_t len);

/* A thread feeding @in_fd to the guest, until EOF or virtio_console__free(). */
int virtio_console__start_input(struct virtio_console *con, int in_fd);

#endif /* VMM_VIRTIO_CONSOLE_H */
