// SPDX-License-Identifier: GPL-2.0-only
/* The tests' stand-in for a realm's virtio-mmio driver. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "virtio-driver.h"
#include "vmm/guest-mem.h"
#include "vmm/mmio.h"
#include "vmm/virtio-mmio.h"

uint32_t vdrv__rd(const struct vdrv *d, uint64_t off)
{
	uint64_t v = 0;

	assert_int_equal(mmio__dispatch(d->base + off, false, 4, &v), 0);
	return (uint32_t)v;
}

void vdrv__wr(const struct vdrv *d, uint64_t off, uint32_t v)
{
	uint64_t x = v;

	assert_int_equal(mmio__dispatch(d->base + off, true, 4, &x), 0);
}

uint32_t vdrv__init(struct vdrv *d, uint64_t base, uint64_t accept)
{
	uint64_t offered;

	memset(d, 0, sizeof(*d));
	d->base = base;
	d->mem = aligned_alloc(4096, VDRV_MEM_SIZE);
	assert_non_null(d->mem);
	memset(d->mem, 0, VDRV_MEM_SIZE);
	guest_mem__reset();
	assert_int_equal(guest_mem__register_shared(VDRV_IPA, VDRV_MEM_SIZE, d->mem), 0);
	d->brk = VDRV_IPA;

	assert_int_equal(vdrv__rd(d, 0x000), 0x74726976);
	assert_int_equal(vdrv__rd(d, 0x004), 2);
	vdrv__wr(d, 0x070, 0);
	vdrv__wr(d, 0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	vdrv__wr(d, 0x014, 0);
	offered = vdrv__rd(d, 0x010);
	vdrv__wr(d, 0x014, 1);
	offered |= (uint64_t)vdrv__rd(d, 0x010) << 32;
	accept &= offered;
	vdrv__wr(d, 0x024, 0);
	vdrv__wr(d, 0x020, (uint32_t)accept);
	vdrv__wr(d, 0x024, 1);
	vdrv__wr(d, 0x020, (uint32_t)(accept >> 32));
	vdrv__wr(d, 0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
		 VIRTIO_STATUS_FEATURES_OK);
	return vdrv__rd(d, 0x070);
}

uint32_t vdrv__queue(struct vdrv *d, unsigned int q, uint16_t num)
{
	d->num = num;
	d->desc = vdrv__alloc(d, 16ULL * num);
	d->avail = vdrv__alloc(d, 6 + 2ULL * num);
	d->used = vdrv__alloc(d, 6 + 8ULL * num);
	d->avail_idx = d->used_seen = 0;
	vdrv__wr(d, 0x030, q);
	assert_int_equal(vdrv__rd(d, 0x044), 0);
	vdrv__wr(d, 0x038, num);
	vdrv__wr(d, 0x080, (uint32_t)d->desc);
	vdrv__wr(d, 0x084, (uint32_t)(d->desc >> 32));
	vdrv__wr(d, 0x090, (uint32_t)d->avail);
	vdrv__wr(d, 0x094, (uint32_t)(d->avail >> 32));
	vdrv__wr(d, 0x0a0, (uint32_t)d->used);
	vdrv__wr(d, 0x0a4, (uint32_t)(d->used >> 32));
	vdrv__wr(d, 0x044, 1);
	return vdrv__rd(d, 0x044);
}

void vdrv__driver_ok(struct vdrv *d)
{
	vdrv__wr(d, 0x070, vdrv__rd(d, 0x070) | VIRTIO_STATUS_DRIVER_OK);
}

void vdrv__fini(struct vdrv *d)
{
	guest_mem__reset();
	free(d->mem);
	d->mem = NULL;
}

void *vdrv__ptr(const struct vdrv *d, uint64_t ipa)
{
	assert_true(ipa >= VDRV_IPA && ipa < VDRV_IPA + VDRV_MEM_SIZE);
	return d->mem + (ipa - VDRV_IPA);
}

uint64_t vdrv__alloc(struct vdrv *d, uint64_t size)
{
	uint64_t ipa = d->brk;

	d->brk = (d->brk + size + 15) & ~15ULL;
	assert_true(d->brk <= VDRV_IPA + VDRV_MEM_SIZE);
	memset(vdrv__ptr(d, ipa), 0, size);
	return ipa;
}

void vdrv__desc(struct vdrv *d, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags,
		uint16_t next)
{
	uint8_t *p = vdrv__ptr(d, d->desc + 16ULL * i);

	memcpy(p, &addr, 8);
	memcpy(p + 8, &len, 4);
	memcpy(p + 12, &flags, 2);
	memcpy(p + 14, &next, 2);
}

void vdrv__kick(struct vdrv *d, unsigned int q, uint16_t head)
{
	uint16_t *avail = vdrv__ptr(d, d->avail);

	avail[2 + d->avail_idx % d->num] = head;
	d->avail_idx++;
	__atomic_store_n(&avail[1], d->avail_idx, __ATOMIC_RELEASE);
	vdrv__wr(d, 0x050, q);
}

bool vdrv__used(struct vdrv *d, uint32_t *id, uint32_t *len)
{
	uint16_t *used = vdrv__ptr(d, d->used);
	uint32_t *ring = (uint32_t *)(used + 2);

	if (__atomic_load_n(&used[1], __ATOMIC_ACQUIRE) == d->used_seen)
		return false;
	*id = ring[2 * (d->used_seen % d->num)];
	*len = ring[2 * (d->used_seen % d->num) + 1];
	d->used_seen++;
	return true;
}
