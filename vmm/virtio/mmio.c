// SPDX-License-Identifier: GPL-2.0-only
/* virtio-mmio version 2 transport. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/virtio-mmio.h"

#define VIRTIO_MMIO_MAGIC		0x000
#define VIRTIO_MMIO_VERSION		0x004
#define VIRTIO_MMIO_DEVICE_ID		0x008
#define VIRTIO_MMIO_VENDOR_ID		0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024
#define VIRTIO_MMIO_QUEUE_SEL		0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034
#define VIRTIO_MMIO_QUEUE_NUM		0x038
#define VIRTIO_MMIO_QUEUE_READY		0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS	0x060
#define VIRTIO_MMIO_INTERRUPT_ACK	0x064
#define VIRTIO_MMIO_STATUS		0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084
#define VIRTIO_MMIO_QUEUE_AVAIL_LOW	0x090
#define VIRTIO_MMIO_QUEUE_AVAIL_HIGH	0x094
#define VIRTIO_MMIO_QUEUE_USED_LOW	0x0a0
#define VIRTIO_MMIO_QUEUE_USED_HIGH	0x0a4
#define VIRTIO_MMIO_SHM_LEN_LOW		0x0b0
#define VIRTIO_MMIO_SHM_LEN_HIGH	0x0b4
#define VIRTIO_MMIO_CONFIG_GENERATION	0x0fc
#define VIRTIO_MMIO_CONFIG		0x100

#define VIRTIO_MMIO_MAGIC_VALUE		0x74726976	/* "virt" */
#define VIRTIO_MMIO_VENDOR		0x4d4d5652	/* "RVMM" */

struct virtio_mmio {
	pthread_mutex_t lock;
	const struct virtio_dev_ops *ops;
	void *dev;
	const uint8_t *config;
	size_t config_size;
	struct gic *gic;
	unsigned int intid;

	uint32_t status;
	uint32_t dev_features_sel, drv_features_sel;
	uint64_t driver_features;
	uint32_t queue_sel;
	uint32_t int_status;
	struct virtq vqs[VIRTIO_MMIO_MAX_QUEUES];
};

static const struct virtio_dev_ops empty_ops = { .device_id = 0 };

static uint64_t virtio_mmio__features(const struct virtio_mmio *vm)
{
	if (!vm->ops->device_id)
		return 0;
	return vm->ops->features | (1ULL << VIRTIO_F_VERSION_1) |
	       (1ULL << VIRTIO_F_ACCESS_PLATFORM) | (1ULL << VIRTIO_F_INDIRECT_DESC);
}

static struct virtq *virtio_mmio__sel_vq(struct virtio_mmio *vm)
{
	return vm->queue_sel < vm->ops->nr_queues ? &vm->vqs[vm->queue_sel] : NULL;
}

static void virtio_mmio__reset_locked(struct virtio_mmio *vm)
{
	unsigned int i;

	vm->status = 0;
	vm->dev_features_sel = vm->drv_features_sel = 0;
	vm->driver_features = 0;
	vm->queue_sel = 0;
	vm->int_status = 0;
	for (i = 0; i < VIRTIO_MMIO_MAX_QUEUES; i++)
		virtq__reset(&vm->vqs[i]);
	if (vm->ops->reset)
		vm->ops->reset(vm, vm->dev);
}

static void virtio_mmio__irq(struct virtio_mmio *vm)
{
	if (vm->gic)
		gic__raise_edge(vm->gic, vm->intid);
}

static void virtio_mmio__needs_reset_locked(struct virtio_mmio *vm)
{
	vm->status |= VIRTIO_STATUS_NEEDS_RESET;
	vm->int_status |= VIRTIO_MMIO_INT_CONFIG;
}

void virtio_mmio__needs_reset(struct virtio_mmio *vm)
{
	pthread_mutex_lock(&vm->lock);
	virtio_mmio__needs_reset_locked(vm);
	pthread_mutex_unlock(&vm->lock);
	virtio_mmio__irq(vm);
}

int virtio_mmio__read(struct virtio_mmio *vm, uint64_t off, unsigned int len, uint64_t *data)
{
	struct virtq *vq;
	uint64_t v = 0;

	if (off >= VIRTIO_MMIO_CONFIG) {
		off -= VIRTIO_MMIO_CONFIG;
		if (off < vm->config_size && len <= vm->config_size - off)
			memcpy(&v, vm->config + off, len);
		*data = v;
		return 0;
	}
	*data = 0;
	if (len != 4 || (off & 3))
		return 0;
	pthread_mutex_lock(&vm->lock);
	vq = virtio_mmio__sel_vq(vm);
	switch (off) {
	case VIRTIO_MMIO_MAGIC:
		v = VIRTIO_MMIO_MAGIC_VALUE;
		break;
	case VIRTIO_MMIO_VERSION:
		v = 2;
		break;
	case VIRTIO_MMIO_DEVICE_ID:
		v = vm->ops->device_id;
		break;
	case VIRTIO_MMIO_VENDOR_ID:
		v = VIRTIO_MMIO_VENDOR;
		break;
	case VIRTIO_MMIO_DEVICE_FEATURES:
		if (vm->dev_features_sel < 2)
			v = (uint32_t)(virtio_mmio__features(vm) >> (32 * vm->dev_features_sel));
		break;
	case VIRTIO_MMIO_QUEUE_NUM_MAX:
		v = vq ? VIRTQ_MAX_SIZE : 0;
		break;
	case VIRTIO_MMIO_QUEUE_READY:
		v = vq ? vq->ready : 0;
		break;
	case VIRTIO_MMIO_INTERRUPT_STATUS:
		v = vm->int_status;
		break;
	case VIRTIO_MMIO_STATUS:
		v = vm->status;
		break;
	case VIRTIO_MMIO_SHM_LEN_LOW:
	case VIRTIO_MMIO_SHM_LEN_HIGH:
		v = 0xffffffff;		/* no shared memory regions */
		break;
	case VIRTIO_MMIO_CONFIG_GENERATION:
		v = 0;			/* the configuration never changes */
		break;
	default:
		break;
	}
	pthread_mutex_unlock(&vm->lock);
	*data = v;
	return 0;
}

static void set_half(uint64_t *reg, bool high, uint32_t v)
{
	if (high)
		*reg = (*reg & 0xffffffffULL) | ((uint64_t)v << 32);
	else
		*reg = (*reg & ~0xffffffffULL) | v;
}

int virtio_mmio__write(struct virtio_mmio *vm, uint64_t off, unsigned int len, uint64_t data)
{
	uint32_t v = (uint32_t)data;
	bool notify = false, irq = false;
	struct virtq *vq;

	if (off >= VIRTIO_MMIO_CONFIG || len != 4 || (off & 3))
		return 0;	/* the configuration space is read-only */
	pthread_mutex_lock(&vm->lock);
	vq = virtio_mmio__sel_vq(vm);
	switch (off) {
	case VIRTIO_MMIO_DEVICE_FEATURES_SEL:
		vm->dev_features_sel = v;
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES:
		/* Only while negotiating. */
		if (vm->drv_features_sel < 2 && !(vm->status & VIRTIO_STATUS_FEATURES_OK))
			set_half(&vm->driver_features, vm->drv_features_sel, v);
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES_SEL:
		vm->drv_features_sel = v;
		break;
	case VIRTIO_MMIO_QUEUE_SEL:
		vm->queue_sel = v;
		break;
	case VIRTIO_MMIO_QUEUE_NUM:
		if (vq && !vq->ready)
			vq->num = v && v <= VIRTQ_MAX_SIZE ? (uint16_t)v : 0;
		break;
	case VIRTIO_MMIO_QUEUE_READY:
		if (!vq)
			break;
		if (!v) {
			vq->ready = false;
		} else if (!vq->ready) {
			/* Rings the device cannot reach: the driver gets NEEDS_RESET. */
			if (virtq__rings_valid(vq)) {
				vq->ready = true;
				vq->indirect = vm->driver_features & (1ULL << VIRTIO_F_INDIRECT_DESC);
			} else {
				virtio_mmio__needs_reset_locked(vm);
				irq = true;
			}
		}
		break;
	case VIRTIO_MMIO_QUEUE_NOTIFY:
		notify = v < vm->ops->nr_queues && vm->vqs[v].ready && !vm->vqs[v].broken &&
			 (vm->status & VIRTIO_STATUS_DRIVER_OK) &&
			 !(vm->status & VIRTIO_STATUS_NEEDS_RESET) && vm->ops->notify;
		break;
	case VIRTIO_MMIO_INTERRUPT_ACK:
		vm->int_status &= ~v;
		break;
	case VIRTIO_MMIO_STATUS:
		if (!v) {
			virtio_mmio__reset_locked(vm);
			break;
		}
		/* FEATURES_OK only for a subset of ours that includes VERSION_1. */
		if ((v & VIRTIO_STATUS_FEATURES_OK) && !(vm->status & VIRTIO_STATUS_FEATURES_OK) &&
		    ((vm->driver_features & ~virtio_mmio__features(vm)) ||
		     !(vm->driver_features & (1ULL << VIRTIO_F_VERSION_1))))
			v &= ~VIRTIO_STATUS_FEATURES_OK;
		vm->status = (vm->status & VIRTIO_STATUS_NEEDS_RESET) | (v & ~VIRTIO_STATUS_NEEDS_RESET);
		break;
	case VIRTIO_MMIO_QUEUE_DESC_LOW:
	case VIRTIO_MMIO_QUEUE_DESC_HIGH:
		if (vq && !vq->ready)
			set_half(&vq->desc, off == VIRTIO_MMIO_QUEUE_DESC_HIGH, v);
		break;
	case VIRTIO_MMIO_QUEUE_AVAIL_LOW:
	case VIRTIO_MMIO_QUEUE_AVAIL_HIGH:
		if (vq && !vq->ready)
			set_half(&vq->avail, off == VIRTIO_MMIO_QUEUE_AVAIL_HIGH, v);
		break;
	case VIRTIO_MMIO_QUEUE_USED_LOW:
	case VIRTIO_MMIO_QUEUE_USED_HIGH:
		if (vq && !vq->ready)
			set_half(&vq->used, off == VIRTIO_MMIO_QUEUE_USED_HIGH, v);
		break;
	default:
		break;
	}
	pthread_mutex_unlock(&vm->lock);
	if (irq)
		virtio_mmio__irq(vm);
	if (notify)
		vm->ops->notify(vm, vm->dev, v);
	return 0;
}

int virtio_mmio__pop(struct virtio_mmio *vm, unsigned int q, struct virtq_elem *elem)
{
	bool broke = false;
	int ret;

	if (q >= vm->ops->nr_queues)
		return 0;
	pthread_mutex_lock(&vm->lock);
	if (!(vm->status & VIRTIO_STATUS_DRIVER_OK) || (vm->status & VIRTIO_STATUS_NEEDS_RESET)) {
		pthread_mutex_unlock(&vm->lock);
		return 0;
	}
	ret = virtq__pop(&vm->vqs[q], elem);
	if (ret < 0) {
		vm->vqs[q].broken = true;
		virtio_mmio__needs_reset_locked(vm);
		broke = true;
		ret = 0;
	}
	pthread_mutex_unlock(&vm->lock);
	if (broke)
		virtio_mmio__irq(vm);
	return ret;
}

void virtio_mmio__push(struct virtio_mmio *vm, unsigned int q, const struct virtq_elem *elem,
		       uint32_t len)
{
	bool irq = false;
	int ret;

	if (q >= vm->ops->nr_queues)
		return;
	pthread_mutex_lock(&vm->lock);
	if (elem->generation == vm->vqs[q].generation) {
		ret = virtq__push(&vm->vqs[q], elem->head, len);
		if (ret < 0) {
			vm->vqs[q].broken = true;
			virtio_mmio__needs_reset_locked(vm);
			irq = true;
		} else if (ret > 0) {
			vm->int_status |= VIRTIO_MMIO_INT_VRING;
			irq = true;
		}
	}
	pthread_mutex_unlock(&vm->lock);
	if (irq)
		virtio_mmio__irq(vm);
}

static int virtio_mmio_read(void *dev, uint64_t off, unsigned int len, uint64_t *data)
{
	return virtio_mmio__read(dev, off, len, data);
}

static int virtio_mmio_write(void *dev, uint64_t off, unsigned int len, uint64_t data)
{
	return virtio_mmio__write(dev, off, len, data);
}

static const struct mmio_ops virtio_mmio_ops = { virtio_mmio_read, virtio_mmio_write };

int virtio_mmio__register_mmio(struct virtio_mmio *vm, uint64_t base)
{
	return mmio__register(base, VMM_VIRTIO_MMIO_SLOT_SIZE, &virtio_mmio_ops, vm);
}

struct virtio_mmio *virtio_mmio__new(const struct virtio_dev_ops *ops, void *dev,
				     const void *config, size_t config_size,
				     struct gic *gic, unsigned int intid)
{
	struct virtio_mmio *vm;

	if (ops && ops->nr_queues > VIRTIO_MMIO_MAX_QUEUES)
		return NULL;
	if (config_size > VMM_VIRTIO_MMIO_SLOT_SIZE - VIRTIO_MMIO_CONFIG)
		return NULL;
	vm = calloc(1, sizeof(*vm));
	if (!vm)
		return NULL;
	pthread_mutex_init(&vm->lock, NULL);
	vm->ops = ops ? ops : &empty_ops;
	vm->dev = dev;
	vm->config = config;
	vm->config_size = config_size;
	vm->gic = gic;
	vm->intid = intid;
	return vm;
}

void virtio_mmio__free(struct virtio_mmio *vm)
{
	if (!vm)
		return;
	pthread_mutex_destroy(&vm->lock);
	free(vm);
}

uint32_t virtio_mmio__status(struct virtio_mmio *vm)
{
	uint32_t v;

	pthread_mutex_lock(&vm->lock);
	v = vm->status;
	pthread_mutex_unlock(&vm->lock);
	return v;
}

uint64_t virtio_mmio__driver_features(struct virtio_mmio *vm)
{
	uint64_t v;

	pthread_mutex_lock(&vm->lock);
	v = vm->driver_features;
	pthread_mutex_unlock(&vm->lock);
	return v;
}
