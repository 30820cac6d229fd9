// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-blk against a temporary image: read, write, flush and get-id
 * through io_uring (and the synchronous fallback), sector bounds.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "virtio-driver.h"
#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/virtio-blk.h"
#include "vmm/virtio-mmio.h"

#define SLOT		VMM_VIRTIO_MMIO_SLOT(VMM_VIRTIO_SLOT_BLK)
#define INTID		GIC_SPI_INTID(VMM_IRQ_VIRTIO_SPI(VMM_VIRTIO_SLOT_BLK))
#define SECTORS		64
#define T_IN		0
#define T_OUT		1
#define T_FLUSH		4
#define T_GET_ID	8
#define S_OK		0
#define S_IOERR		1
#define S_UNSUPP	2

static struct gic *gic;
static struct virtio_blk *blk;
static struct vdrv drv;
static const char *image;

static void start(bool readonly, bool uring)
{
	struct vdrv *d = &drv;

	mmio__reset();
	assert_int_equal(virtio_blk__new(image, readonly, uring, gic, INTID, &blk), 0);
	assert_int_equal(virtio_blk__register_mmio(blk, SLOT), 0);
	assert_true(vdrv__init(d, SLOT, ~0ULL) & VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__rd(d, 0x008), 2);
	assert_int_equal(vdrv__queue(d, 0, 16), 1);
	vdrv__driver_ok(d);
}

static void stop(void)
{
	virtio_blk__free(blk);
	blk = NULL;
	vdrv__fini(&drv);
	mmio__reset();
}

static int setup(void **state)
{
	uint8_t img[SECTORS * 512];
	unsigned int i;

	for (i = 0; i < sizeof(img); i++)
		img[i] = (uint8_t)(i / 512);
	group_setup(state);
	image = tmp_file("disk.img", img, sizeof(img));
	gic = gic__new(1, 4);
	return 0;
}

static int teardown(void **state)
{
	gic__free(gic);
	return group_teardown(state);
}

/*
 * One request: header, @len data bytes at @data (device-writable for IN
 * and GET_ID), status.  Returns the status byte; *used_len the used length.
 */
static int request(uint32_t type, uint64_t sector, uint64_t data, uint32_t len,
		   uint32_t *used_len)
{
	struct vdrv *d = &drv;
	uint64_t hdr = vdrv__alloc(d, 16), status = vdrv__alloc(d, 1);
	bool dev_writes = type == T_IN || type == T_GET_ID;
	uint32_t id, ulen;
	uint16_t n = 0;

	memcpy(vdrv__ptr(d, hdr), &type, 4);
	memcpy((uint8_t *)vdrv__ptr(d, hdr) + 8, &sector, 8);
	*(uint8_t *)vdrv__ptr(d, status) = 0xff;
	vdrv__desc(d, n, hdr, 16, VIRTQ_DESC_F_NEXT, (uint16_t)(n + 1));
	n++;
	if (len) {
		vdrv__desc(d, n, data, len, VIRTQ_DESC_F_NEXT | (dev_writes ? VIRTQ_DESC_F_WRITE : 0),
			   (uint16_t)(n + 1));
		n++;
	}
	vdrv__desc(d, n, status, 1, VIRTQ_DESC_F_WRITE, 0);
	vdrv__kick(d, 0, 0);
	virtio_blk__drain(blk);
	assert_true(vdrv__used(d, &id, &ulen));
	assert_int_equal(id, 0);
	if (used_len)
		*used_len = ulen;
	return *(uint8_t *)vdrv__ptr(d, status);
}

static void read_write_flush(bool uring)
{
	struct vdrv *d = &drv;
	uint64_t buf;
	uint8_t file[1024];
	uint32_t ulen;
	int fd;

	start(false, uring);
	assert_int_equal(virtio_blk__uses_io_uring(blk), uring);
	assert_int_equal(virtio_blk__capacity(blk), SECTORS);
	buf = vdrv__alloc(d, 1024);

	/* Read sectors 5 and 6 of the pattern. */
	assert_int_equal(request(T_IN, 5, buf, 1024, &ulen), S_OK);
	assert_int_equal(ulen, 1025);
	assert_int_equal(((uint8_t *)vdrv__ptr(d, buf))[0], 5);
	assert_int_equal(((uint8_t *)vdrv__ptr(d, buf))[1023], 6);

	/* Write sectors 10-11, flush, and find them in the file. */
	memset(vdrv__ptr(d, buf), 0xab, 1024);
	assert_int_equal(request(T_OUT, 10, buf, 1024, &ulen), S_OK);
	assert_int_equal(ulen, 1);
	assert_int_equal(request(T_FLUSH, 0, 0, 0, &ulen), S_OK);
	fd = open(image, O_RDONLY);
	assert_int_equal(pread(fd, file, sizeof(file), 10 * 512), sizeof(file));
	close(fd);
	assert_int_equal(file[0], 0xab);
	assert_int_equal(file[1023], 0xab);
	/* And read them back through the device. */
	memset(vdrv__ptr(d, buf), 0, 1024);
	assert_int_equal(request(T_IN, 10, buf, 1024, NULL), S_OK);
	assert_int_equal(((uint8_t *)vdrv__ptr(d, buf))[512], 0xab);

	/* The last sector is fine; one past it, or straddling the end, is not. */
	assert_int_equal(request(T_IN, SECTORS - 1, buf, 512, NULL), S_OK);
	assert_int_equal(request(T_IN, SECTORS, buf, 512, NULL), S_IOERR);
	assert_int_equal(request(T_IN, SECTORS - 1, buf, 1024, NULL), S_IOERR);
	assert_int_equal(request(T_OUT, UINT64_MAX, buf, 512, NULL), S_IOERR);
	assert_int_equal(request(T_OUT, UINT64_MAX / 512 + 1, buf, 512, NULL), S_IOERR);
	/* Not a whole sector. */
	assert_int_equal(request(T_IN, 0, buf, 100, NULL), S_IOERR);
	stop();
}

static void test_io_uring(void **state)
{
	(void)state;
	read_write_flush(true);
}

static void test_sync_fallback(void **state)
{
	(void)state;
	read_write_flush(false);
}

static void test_get_id_and_unsupported(void **state)
{
	uint64_t buf;
	uint32_t ulen;

	(void)state;
	start(false, true);
	buf = vdrv__alloc(&drv, 20);
	assert_int_equal(request(T_GET_ID, 0, buf, 20, &ulen), S_OK);
	/* All 20 bytes: the name, NUL-padded; then the status byte. */
	assert_int_equal(ulen, 21);
	assert_memory_equal(vdrv__ptr(&drv, buf), "disk.img\0\0\0\0", 12);
	assert_int_equal(request(99, 0, 0, 0, NULL), S_UNSUPP);
	stop();
}

static void test_readonly(void **state)
{
	uint64_t buf;

	(void)state;
	start(true, true);
	vdrv__wr(&drv, 0x014, 0);
	assert_true(vdrv__rd(&drv, 0x010) & (1U << 5));	/* VIRTIO_BLK_F_RO */
	buf = vdrv__alloc(&drv, 512);
	assert_int_equal(request(T_OUT, 0, buf, 512, NULL), S_IOERR);
	assert_int_equal(request(T_IN, 0, buf, 512, NULL), S_OK);
	stop();
}

static void test_many_in_flight(void **state)
{
	struct vdrv *d = &drv;
	uint64_t buf[5], st[5];
	uint32_t id, len;
	unsigned int i, seen = 0;

	(void)state;
	start(false, true);
	/* Five reads queued before a single notify, completed out of the ring. */
	for (i = 0; i < 5; i++) {
		uint64_t hdr = vdrv__alloc(d, 16);
		uint16_t *avail = vdrv__ptr(d, d->avail);
		uint16_t h = (uint16_t)(3 * i);
		uint32_t type = T_IN;
		uint64_t sector = 20 + i;

		buf[i] = vdrv__alloc(d, 512);
		st[i] = vdrv__alloc(d, 1);
		memcpy(vdrv__ptr(d, hdr), &type, 4);
		memcpy((uint8_t *)vdrv__ptr(d, hdr) + 8, &sector, 8);
		vdrv__desc(d, h, hdr, 16, VIRTQ_DESC_F_NEXT, (uint16_t)(h + 1));
		vdrv__desc(d, (uint16_t)(h + 1), buf[i], 512, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT,
			   (uint16_t)(h + 2));
		vdrv__desc(d, (uint16_t)(h + 2), st[i], 1, VIRTQ_DESC_F_WRITE, 0);
		avail[2 + d->avail_idx % d->num] = h;
		d->avail_idx++;
		avail[1] = d->avail_idx;
	}
	vdrv__wr(d, 0x050, 0);
	virtio_blk__drain(blk);
	while (vdrv__used(d, &id, &len)) {
		i = id / 3;
		assert_int_equal(id % 3, 0);
		assert_int_equal(len, 513);
		assert_int_equal(*(uint8_t *)vdrv__ptr(d, st[i]), S_OK);
		assert_int_equal(((uint8_t *)vdrv__ptr(d, buf[i]))[100], 20 + i);
		seen++;
	}
	assert_int_equal(seen, 5);
	assert_true(vdrv__rd(d, 0x060) & VIRTIO_MMIO_INT_VRING);
	stop();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_io_uring),
		cmocka_unit_test(test_sync_fallback),
		cmocka_unit_test(test_get_id_and_unsupported),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_many_in_flight),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
