/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_VIRTIO_MMIO_H
#define VMM_VIRTIO_MMIO_H

/*
 * virtio-mmio transport, version 2 (virtio 1.2, section 4.2.2), modern
 * only: the device offers VIRTIO_F_VERSION_1 and VIRTIO_F_ACCESS_PLATFORM
 * (a realm's DMA goes through shared bounce buffers, which Linux only uses
 * for devices that offer it) and refuses FEATURES_OK without VERSION_1.
 * One slot is VMM_VIRTIO_MMIO_SLOT_SIZE bytes: registers, then the
 * device's configuration space at 0x100.  The interrupt is an edge SPI.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vmm/virtio.h"

#define VIRTIO_MMIO_MAX_QUEUES		8

#define VIRTIO_STATUS_ACKNOWLEDGE	1
#define VIRTIO_STATUS_DRIVER		2
#define VIRTIO_STATUS_DRIVER_OK		4
#define VIRTIO_STATUS_FEATURES_OK	8
#define VIRTIO_STATUS_NEEDS_RESET	64
#define VIRTIO_STATUS_FAILED		128

#define VIRTIO_MMIO_INT_VRING		1
#define VIRTIO_MMIO_INT_CONFIG		2

struct gic;
struct virtio_mmio;

struct virtio_dev_ops {
	uint32_t device_id;		/* 0: an empty slot */
	uint64_t features;		/* device-specific feature bits */
	unsigned int nr_queues;
	/*
	 * The driver wrote QueueNotify for ready queue @q with DRIVER_OK set.
	 * Called without transport locks, from a vCPU thread.
	 */
	void (*notify)(struct virtio_mmio *vm, void *dev, unsigned int q);
	/* The driver reset the device (status 0), transport lock held. */
	void (*reset)(struct virtio_mmio *vm, void *dev);
};

/*
 * A transport for @dev, whose configuration space is @config_size bytes at
 * @config (read by the driver, never written), raising @intid on @gic.
 * @ops NULL gives an empty slot (DeviceID 0), which drivers skip.
 */
struct virtio_mmio *virtio_mmio__new(const struct virtio_dev_ops *ops, void *dev,
				     const void *config, size_t config_size,
				     struct gic *gic, unsigned int intid);
void virtio_mmio__free(struct virtio_mmio *vm);
int virtio_mmio__register_mmio(struct virtio_mmio *vm, uint64_t base);

/* The MMIO model, @offset relative to the slot. */
int virtio_mmio__read(struct virtio_mmio *vm, uint64_t offset, unsigned int len, uint64_t *data);
int virtio_mmio__write(struct virtio_mmio *vm, uint64_t offset, unsigned int len, uint64_t data);

/*
 * Device side, thread-safe.  pop: 1 with a chain in @elem, 0 if none (or
 * the queue is not running); a malformed ring marks the device
 * NEEDS_RESET and returns 0.  push: hand @elem back with @len bytes
 * written and interrupt the driver unless it asked not to; a chain from
 * before a reset is dropped.
 */
int virtio_mmio__pop(struct virtio_mmio *vm, unsigned int q, struct virtq_elem *elem);
void virtio_mmio__push(struct virtio_mmio *vm, unsigned int q, const struct virtq_elem *elem,
		       uint32_t len);

/* Mark the device broken (DEVICE_NEEDS_RESET) and tell the driver. */
void virtio_mmio__needs_reset(struct virtio_mmio *vm);

/* Test and debug accessors. */
uint32_t virtio_mmio__status(struct virtio_mmio *vm);
uint64_t virtio_mmio__driver_features(struct virtio_mmio *vm);

#endif /* VMM_VIRTIO_MMIO_H */
