// SPDX-License-Identifier: GPL-2.0-only
/* virtio-console: output to a pipe, input into posted receive buffers. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "virtio-driver.h"
#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/virtio-console.h"
#include "vmm/virtio-mmio.h"

#define SLOT	VMM_VIRTIO_MMIO_SLOT(VMM_VIRTIO_SLOT_CONSOLE)
#define INTID	GIC_SPI_INTID(VMM_IRQ_VIRTIO_SPI(VMM_VIRTIO_SLOT_CONSOLE))

static void test_tx_rx(void **state)
{
	struct gic *gic = gic__new(1, 4);
	struct virtio_console *con;
	struct vdrv d;
	uint64_t out, in;
	char buf[32] = "";
	uint32_t id, len;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	mmio__reset();
	con = virtio_console__new(gic, INTID, p[1]);
	assert_non_null(con);
	assert_int_equal(virtio_console__register_mmio(con, SLOT), 0);
	assert_true(vdrv__init(&d, SLOT, ~0ULL) & VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__rd(&d, 0x008), 3);

	/* Queue 1 (transmit): the guest prints. */
	assert_int_equal(vdrv__queue(&d, 1, 4), 1);
	vdrv__driver_ok(&d);
	out = vdrv__alloc(&d, 16);
	memcpy(vdrv__ptr(&d, out), "login: ", 7);
	vdrv__desc(&d, 0, out, 7, 0, 0);
	vdrv__kick(&d, 1, 0);
	assert_true(vdrv__used(&d, &id, &len));
	assert_int_equal(read(p[0], buf, sizeof(buf)), 7);
	assert_memory_equal(buf, "login: ", 7);

	/* Input before any receive buffer: nothing fits. */
	assert_int_equal(virtio_console__receive(con, "root\n", 5), 0);

	/* Queue 0 (receive), set up after DRIVER_OK (as with a late port open). */
	vdrv__wr(&d, 0x070, vdrv__rd(&d, 0x070) & ~VIRTIO_STATUS_DRIVER_OK);
	assert_int_equal(vdrv__queue(&d, 0, 4), 1);
	vdrv__driver_ok(&d);
	in = vdrv__alloc(&d, 3);
	vdrv__desc(&d, 0, in, 3, VIRTQ_DESC_F_WRITE, 0);
	vdrv__kick(&d, 0, 0);
	assert_int_equal(virtio_console__receive(con, "root\n", 5), 3);
	assert_true(vdrv__used(&d, &id, &len));
	assert_int_equal(len, 3);
	assert_memory_equal(vdrv__ptr(&d, in), "roo", 3);
	assert_true(gic__irq_pending(gic, 0, INTID));

	virtio_console__free(con);
	vdrv__fini(&d);
	gic__free(gic);
	close(p[0]);
	close(p[1]);
	mmio__reset();
}

static void test_input_thread(void **state)
{
	struct gic *gic = gic__new(1, 4);
	struct virtio_console *con;
	struct vdrv d;
	uint64_t in;
	uint32_t id, len;
	int p[2], tries = 0;

	(void)state;
	assert_int_equal(pipe(p), 0);
	mmio__reset();
	con = virtio_console__new(gic, INTID, -1);
	assert_int_equal(virtio_console__register_mmio(con, SLOT), 0);
	assert_true(vdrv__init(&d, SLOT, ~0ULL) & VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(vdrv__queue(&d, 0, 4), 1);
	vdrv__driver_ok(&d);
	assert_int_equal(virtio_console__start_input(con, p[0]), 0);
	/* Typed before the guest has a buffer: delivered once it posts one. */
	assert_int_equal(write(p[1], "ls\n", 3), 3);
	usleep(20000);
	in = vdrv__alloc(&d, 16);
	vdrv__desc(&d, 0, in, 16, VIRTQ_DESC_F_WRITE, 0);
	vdrv__kick(&d, 0, 0);
	while (!vdrv__used(&d, &id, &len) && tries++ < 200)
		usleep(5000);
	assert_int_equal(len, 3);
	assert_memory_equal(vdrv__ptr(&d, in), "ls\n", 3);
	virtio_console__free(con);
	vdrv__fini(&d);
	gic__free(gic);
	close(p[0]);
	close(p[1]);
	mmio__reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tx_rx),
		cmocka_unit_test(test_input_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
