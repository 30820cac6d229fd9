// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-mmio transport and split virtqueues: set-up through the
 * registers, a chain processed, indirect descriptors, and malformed rings
 * from an untrusted driver refused with DEVICE_NEEDS_RESET.
 */
#include <string.h>
#include <sys/mman.h>

#include "helpers.h"
#include "virtio-driver.h"
#include "vmm/gic.h"
#include "vmm/guest-mem.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/virtio-mmio.h"

#define SLOT	VMM_VIRTIO_MMIO_SLOT(3)
#define INTID	GIC_SPI_INTID(VMM_IRQ_VIRTIO_SPI(3))
#define ALL_FEATURES	(~0ULL)
#define NO_V1		(~(1ULL << VIRTIO_F_VERSION_1))

/* An echo device: copies what it reads into what it may write. */
struct echo {
	struct virtio_mmio *vm;
	unsigned int chains;
	uint8_t config[8];
};

static void echo__notify(struct virtio_mmio *vm, void *dev, unsigned int q)
{
	struct echo *e = dev;
	struct virtq_elem elem;
	uint8_t buf[256];

	while (virtio_mmio__pop(vm, q, &elem) > 0) {
		size_t n = iov__to_buf(elem.iov, elem.out_num, 0, buf, sizeof(buf));

		n = iov__from_buf(&elem.iov[elem.out_num], elem.in_num, 0, buf, n);
		e->chains++;
		virtio_mmio__push(vm, q, &elem, (uint32_t)n);
	}
}

static const struct virtio_dev_ops echo_ops = {
	.device_id = 42,
	.features = 1ULL << 3,
	.nr_queues = 2,
	.notify = echo__notify,
};

struct fixture {
	struct gic *gic;
	struct echo echo;
	struct vdrv d;
};

static struct fixture fx;

static int setup(void **state)
{
	uint64_t v;

	mmio__reset();
	fx.gic = gic__new(1, 4);
	memcpy(fx.echo.config, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
	fx.echo.vm = virtio_mmio__new(&echo_ops, &fx.echo, fx.echo.config, 8, fx.gic, INTID);
	assert_int_equal(virtio_mmio__register_mmio(fx.echo.vm, SLOT), 0);
	assert_int_equal(gic__register_mmio(fx.gic, VMM_GICD_BASE, VMM_GICR_BASE(1)), 0);
	v = 2;
	mmio__dispatch(VMM_GICD_BASE, true, 4, &v);
	v = 1U << (INTID % 32);
	mmio__dispatch(VMM_GICD_BASE + 0x80 + 4 * (INTID / 32), true, 4, &v);
	mmio__dispatch(VMM_GICD_BASE + 0x100 + 4 * (INTID / 32), true, 4, &v);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	vdrv__fini(&fx.d);
	virtio_mmio__free(fx.echo.vm);
	gic__free(fx.gic);
	mmio__reset();
	return 0;
}

/* A running device with queue 0 of 8 entries. */
static struct vdrv *start(void)
{
	struct vdrv *d = &fx.d;

	vdrv__fini(d);
	assert_true(vdrv__init(d, SLOT, ALL_FEATURES) & VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__queue(d, 0, 8), 1);
	vdrv__driver_ok(d);
	fx.echo.chains = 0;
	return d;
}

static void assert_needs_reset(struct vdrv *d)
{
	uint32_t id, len;

	assert_true(vdrv__rd(d, 0x070) & VIRTIO_STATUS_NEEDS_RESET);
	assert_true(vdrv__rd(d, 0x060) & VIRTIO_MMIO_INT_CONFIG);
	assert_false(vdrv__used(d, &id, &len));
	assert_int_equal(fx.echo.chains, 0);
}

static void test_registers(void **state)
{
	struct vdrv *d = &fx.d;
	uint64_t v = 0;

	(void)state;
	vdrv__fini(d);
	assert_true(vdrv__init(d, SLOT, ALL_FEATURES) & VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__rd(d, 0x008), 42);
	vdrv__wr(d, 0x014, 1);
	assert_int_equal(vdrv__rd(d, 0x010) & 3, 3);	/* VERSION_1, ACCESS_PLATFORM */
	vdrv__wr(d, 0x014, 0);
	assert_true(vdrv__rd(d, 0x010) & (1U << 3));
	assert_true(vdrv__rd(d, 0x010) & (1U << VIRTIO_F_INDIRECT_DESC));
	assert_int_equal(virtio_mmio__driver_features(fx.echo.vm) >> 32, 3);
	vdrv__wr(d, 0x030, 1);
	assert_int_equal(vdrv__rd(d, 0x034), VIRTQ_MAX_SIZE);
	vdrv__wr(d, 0x030, 2);
	assert_int_equal(vdrv__rd(d, 0x034), 0);	/* no queue 2 */
	assert_int_equal(vdrv__rd(d, 0x0b0), 0xffffffff);
	/* Config space, byte and word reads; writes ignored. */
	assert_int_equal(mmio__dispatch(SLOT + 0x101, false, 1, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(mmio__dispatch(SLOT + 0x104, false, 4, &v), 0);
	assert_int_equal(v, 0x08070605);
	assert_int_equal(mmio__dispatch(SLOT + 0x106, false, 4, &v), 0);
	assert_int_equal(v, 0);	/* past the end */
	vdrv__wr(d, 0x100, 0);
	assert_int_equal(fx.echo.config[0], 1);
	/* A legacy driver (no VERSION_1) does not get FEATURES_OK. */
	vdrv__fini(d);
	assert_false(vdrv__init(d, SLOT, NO_V1) & VIRTIO_STATUS_FEATURES_OK);
	/* Neither does one that accepts what was not offered. */
	vdrv__wr(d, 0x024, 0);
	vdrv__wr(d, 0x020, 1U << 20);
	vdrv__wr(d, 0x070, VIRTIO_STATUS_FEATURES_OK | 3);
	assert_false(vdrv__rd(d, 0x070) & VIRTIO_STATUS_FEATURES_OK);
}

static void test_chain(void **state)
{
	struct vdrv *d = start();
	uint64_t out = vdrv__alloc(d, 16), in = vdrv__alloc(d, 16);
	uint32_t id, len;

	(void)state;
	memcpy(vdrv__ptr(d, out), "hello", 5);
	vdrv__desc(d, 0, out, 5, VIRTQ_DESC_F_NEXT, 1);
	vdrv__desc(d, 1, in, 16, VIRTQ_DESC_F_WRITE, 0);
	vdrv__kick(d, 0, 0);
	assert_true(vdrv__used(d, &id, &len));
	assert_int_equal(id, 0);
	assert_int_equal(len, 5);
	assert_memory_equal(vdrv__ptr(d, in), "hello", 5);
	assert_int_equal(vdrv__rd(d, 0x060), VIRTIO_MMIO_INT_VRING);
	assert_true(gic__irq_pending(fx.gic, 0, INTID));
	vdrv__wr(d, 0x064, VIRTIO_MMIO_INT_VRING);
	assert_int_equal(vdrv__rd(d, 0x060), 0);

	/* Wrap the ring a few times. */
	for (int i = 0; i < 20; i++) {
		vdrv__kick(d, 0, 0);
		assert_true(vdrv__used(d, &id, &len));
		assert_int_equal(len, 5);
	}
	/* NO_INTERRUPT: no interrupt status. */
	((uint16_t *)vdrv__ptr(d, d->avail))[0] = VIRTQ_AVAIL_F_NO_INTERRUPT;
	vdrv__kick(d, 0, 0);
	assert_true(vdrv__used(d, &id, &len));
	assert_int_equal(vdrv__rd(d, 0x060) & VIRTIO_MMIO_INT_VRING, VIRTIO_MMIO_INT_VRING);
	vdrv__wr(d, 0x064, 3);
	vdrv__kick(d, 0, 0);
	assert_int_equal(vdrv__rd(d, 0x060), 0);
	assert_false(vdrv__rd(d, 0x070) & VIRTIO_STATUS_NEEDS_RESET);
}

static void test_indirect(void **state)
{
	struct vdrv *d = start();
	uint64_t table = vdrv__alloc(d, 48), a = vdrv__alloc(d, 8), b = vdrv__alloc(d, 8);
	uint64_t in = vdrv__alloc(d, 16);
	uint8_t *t = vdrv__ptr(d, table);
	struct { uint64_t addr; uint32_t len; uint16_t flags, next; } desc[3] = {
		{ a, 3, VIRTQ_DESC_F_NEXT, 1 },
		{ b, 3, VIRTQ_DESC_F_NEXT, 2 },
		{ in, 16, VIRTQ_DESC_F_WRITE, 0 },
	};
	uint32_t id, len;

	(void)state;
	memcpy(t, desc, sizeof(desc));
	memcpy(vdrv__ptr(d, a), "abc", 3);
	memcpy(vdrv__ptr(d, b), "def", 3);
	vdrv__desc(d, 5, table, sizeof(desc), VIRTQ_DESC_F_INDIRECT, 0);
	vdrv__kick(d, 0, 5);
	assert_true(vdrv__used(d, &id, &len));
	assert_int_equal(id, 5);
	assert_int_equal(len, 6);
	assert_memory_equal(vdrv__ptr(d, in), "abcdef", 6);

	/* Nested indirect: refused. */
	desc[0].flags = VIRTQ_DESC_F_INDIRECT;
	desc[0].addr = table;
	desc[0].len = 48;
	memcpy(t, desc, sizeof(desc));
	vdrv__kick(d, 0, 5);
	fx.echo.chains = 0;
	assert_needs_reset(d);
}

static void test_bad_address(void **state)
{
	struct vdrv *d = start();

	(void)state;
	/* The protected IPA of the same RAM: not shared, not reachable. */
	vdrv__desc(d, 0, VDRV_IPA & ~(1ULL << 39), 16, 0, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);

	/* A buffer running off the end of the shared region. */
	d = start();
	vdrv__desc(d, 0, VDRV_IPA + VDRV_MEM_SIZE - 8, 16, 0, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);

	/* Rings outside shared memory: QueueReady does not stick. */
	vdrv__fini(d);
	assert_true(vdrv__init(d, SLOT, ALL_FEATURES) & VIRTIO_STATUS_FEATURES_OK);
	vdrv__wr(d, 0x030, 0);
	vdrv__wr(d, 0x038, 8);
	vdrv__wr(d, 0x080, 0x1000);
	vdrv__wr(d, 0x044, 1);
	assert_int_equal(vdrv__rd(d, 0x044), 0);
	assert_true(vdrv__rd(d, 0x070) & VIRTIO_STATUS_NEEDS_RESET);
}

static void test_loop(void **state)
{
	struct vdrv *d = start();
	uint64_t buf = vdrv__alloc(d, 16);

	(void)state;
	vdrv__desc(d, 0, buf, 4, VIRTQ_DESC_F_NEXT, 1);
	vdrv__desc(d, 1, buf, 4, VIRTQ_DESC_F_NEXT, 2);
	vdrv__desc(d, 2, buf, 4, VIRTQ_DESC_F_NEXT, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);
	/* Once broken, further notifies do nothing. */
	vdrv__kick(d, 0, 0);
	assert_int_equal(fx.echo.chains, 0);
}

static void test_length_overflow(void **state)
{
	const uint64_t big_ipa = (1ULL << 39) | 0x1000000000ULL, big = 6ULL << 30;
	void *res = mmap(NULL, big, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	struct vdrv *d = start();

	(void)state;
	assert_true(res != MAP_FAILED);
	/* Two 3 GiB buffers, each valid on its own: 6 GiB does not fit a u32 length. */
	assert_int_equal(guest_mem__register_shared(big_ipa, big, res), 0);
	vdrv__desc(d, 0, big_ipa, 3U << 30, VIRTQ_DESC_F_NEXT, 1);
	vdrv__desc(d, 1, big_ipa + (3ULL << 30), 3U << 30, 0, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);
	munmap(res, big);
}

static void test_index_beyond_size(void **state)
{
	struct vdrv *d = start();
	uint64_t buf = vdrv__alloc(d, 16);
	uint16_t *avail;

	(void)state;
	/* Head beyond the queue size. */
	vdrv__kick(d, 0, 8);
	assert_needs_reset(d);

	/* next beyond the queue size. */
	d = start();
	vdrv__desc(d, 0, buf, 4, VIRTQ_DESC_F_NEXT, 200);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);

	/* avail idx more than a ring ahead. */
	d = start();
	vdrv__desc(d, 0, buf, 4, 0, 0);
	avail = vdrv__ptr(d, d->avail);
	avail[1] = 9;
	vdrv__wr(d, 0x050, 0);
	assert_needs_reset(d);

	/* Readable after writable. */
	d = start();
	vdrv__desc(d, 0, buf, 4, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 1);
	vdrv__desc(d, 1, buf, 4, 0, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);

	/* Indirect without the feature. */
	vdrv__fini(d);
	assert_true(vdrv__init(d, SLOT, ~(1ULL << VIRTIO_F_INDIRECT_DESC)) &
		    VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__queue(d, 0, 8), 1);
	vdrv__driver_ok(d);
	fx.echo.chains = 0;
	vdrv__desc(d, 0, buf, 16, VIRTQ_DESC_F_INDIRECT, 0);
	vdrv__kick(d, 0, 0);
	assert_needs_reset(d);

	/* A reset makes it usable again. */
	d = start();
	assert_false(vdrv__rd(d, 0x070) & VIRTIO_STATUS_NEEDS_RESET);
}

static void test_empty_slot(void **state)
{
	struct virtio_mmio *vm = virtio_mmio__new(NULL, NULL, NULL, 0, NULL, 0);
	uint64_t v = 0;

	(void)state;
	assert_non_null(vm);
	assert_int_equal(virtio_mmio__read(vm, 0x000, 4, &v), 0);
	assert_int_equal(v, 0x74726976);
	assert_int_equal(virtio_mmio__read(vm, 0x008, 4, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(virtio_mmio__write(vm, 0x050, 4, 0), 0);
	virtio_mmio__free(vm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registers),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_indirect),
		cmocka_unit_test(test_bad_address),
		cmocka_unit_test(test_loop),
		cmocka_unit_test(test_length_overflow),
		cmocka_unit_test(test_index_beyond_size),
		cmocka_unit_test(test_empty_slot),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
