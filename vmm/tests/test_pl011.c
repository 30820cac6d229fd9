// SPDX-License-Identifier: GPL-2.0-only
/* PL011: TX to a pipe, RX FIFO and interrupts, FR flags, IDs, input thread. */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "vmm/gic.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/pl011.h"

#define UART	VMM_UART_BASE
#define INTID	GIC_SPI_INTID(VMM_IRQ_UART_SPI)

#define FR_RXFE	(1U << 4)
#define FR_TXFF	(1U << 5)
#define FR_RXFF	(1U << 6)
#define FR_TXFE	(1U << 7)
#define INT_RX	(1U << 4)
#define INT_TX	(1U << 5)
#define INT_RT	(1U << 6)

struct fixture {
	struct gic *gic;
	struct pl011 *uart;
	int out[2];
};

static uint32_t rd(uint64_t off)
{
	uint64_t v = 0;

	assert_int_equal(mmio__dispatch(UART + off, false, 4, &v), 0);
	return (uint32_t)v;
}

static void wr(uint64_t off, uint32_t v)
{
	uint64_t d = v;

	assert_int_equal(mmio__dispatch(UART + off, true, 4, &d), 0);
}

static int setup(void **state)
{
	static struct fixture f;
	uint64_t d;

	assert_int_equal(pipe(f.out), 0);
	fcntl(f.out[0], F_SETFL, O_NONBLOCK);
	f.gic = gic__new(1, 4);
	f.uart = pl011__new(f.gic, INTID, f.out[1]);
	mmio__reset();
	assert_int_equal(pl011__register_mmio(f.uart, UART), 0);
	assert_int_equal(gic__register_mmio(f.gic, VMM_GICD_BASE, VMM_GICR_BASE(1)), 0);
	/* Guest side of the GIC: group 1, enabled, routed to CPU 0. */
	d = 2;
	mmio__dispatch(VMM_GICD_BASE, true, 4, &d);
	d = 1U << (INTID % 32);
	mmio__dispatch(VMM_GICD_BASE + 0x80 + 4 * (INTID / 32), true, 4, &d);
	mmio__dispatch(VMM_GICD_BASE + 0x100 + 4 * (INTID / 32), true, 4, &d);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	pl011__free(f->uart);
	gic__free(f->gic);
	close(f->out[0]);
	close(f->out[1]);
	mmio__reset();
	return 0;
}

static void test_ids_and_reset(void **state)
{
	(void)state;
	assert_int_equal(rd(0xfe0), 0x11);
	assert_int_equal(rd(0xfe4), 0x10);
	assert_int_equal(rd(0xfe8), 0x24);
	assert_int_equal(rd(0xfec), 0x00);
	assert_int_equal(rd(0xff0), 0x0d);
	assert_int_equal(rd(0xffc), 0xb1);
	assert_int_equal(rd(0x030), 0x300);
	assert_int_equal(rd(0x034), 0x12);
	/* Stored and read back. */
	wr(0x024, 13);
	wr(0x028, 1);
	assert_int_equal(rd(0x024), 13);
	assert_int_equal(rd(0x028), 1);
	/* FR: TX always empty, RX empty. */
	assert_int_equal(rd(0x018) & (FR_TXFE | FR_TXFF | FR_RXFE | FR_RXFF), FR_TXFE | FR_RXFE);
}

static void test_tx(void **state)
{
	struct fixture *f = *state;
	const char *msg = "hello, realm\n";
	char buf[64] = "";
	ssize_t n;

	for (const char *p = msg; *p; p++)
		wr(0x000, (uint8_t)*p);
	n = read(f->out[0], buf, sizeof(buf) - 1);
	assert_int_equal(n, strlen(msg));
	assert_string_equal(buf, msg);
	/* TXRIS after a write; masked, no line; unmasked, the line; ICR clears. */
	assert_true(rd(0x03c) & INT_TX);
	assert_false(gic__irq_pending(f->gic, 0, INTID));
	wr(0x038, INT_TX);
	assert_true(rd(0x040) & INT_TX);
	assert_true(gic__irq_pending(f->gic, 0, INTID));
	wr(0x044, INT_TX);
	assert_false(rd(0x040) & INT_TX);
	assert_false(gic__irq_pending(f->gic, 0, INTID));
	wr(0x038, 0);
}

static void test_rx_interrupt_and_fifo(void **state)
{
	struct fixture *f = *state;
	char in[20];
	unsigned int i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)('a' + i);
	wr(0x02c, 0x70);		/* 8N1, FIFO on */
	wr(0x038, INT_RX | INT_RT);
	assert_false(gic__irq_pending(f->gic, 0, INTID));

	assert_int_equal(pl011__receive(f->uart, in, 1), 1);
	/* One byte: below the 1/2 trigger, so RT (timeout), not RX. */
	assert_int_equal(rd(0x040), INT_RT);
	assert_true(gic__irq_pending(f->gic, 0, INTID));
	assert_false(rd(0x018) & FR_RXFE);

	/* Fill up: 16 fit, RX raised, RXFF set. */
	assert_int_equal(pl011__receive(f->uart, in + 1, sizeof(in) - 1), 15);
	assert_true(rd(0x040) & INT_RX);
	assert_true(rd(0x018) & FR_RXFF);
	for (i = 0; i < 16; i++)
		assert_int_equal(rd(0x000), 'a' + i);
	assert_true(rd(0x018) & FR_RXFE);
	assert_int_equal(rd(0x040), 0);
	assert_false(gic__irq_pending(f->gic, 0, INTID));
	/* Empty FIFO reads 0. */
	assert_int_equal(rd(0x000), 0);

	/* FIFO off: a one-byte holding register. */
	wr(0x02c, 0x60);
	assert_int_equal(pl011__receive(f->uart, "xy", 2), 1);
	assert_true(rd(0x018) & FR_RXFF);
	assert_true(rd(0x040) & INT_RX);
	assert_int_equal(rd(0x000), 'x');
	wr(0x038, 0);
}

static void test_input_thread(void **state)
{
	struct fixture *f = *state;
	const char *msg = "typed input longer than one FIFO's worth of bytes";
	char got[64] = "";
	unsigned int n = 0, spins = 0;
	int in[2];

	assert_int_equal(pipe(in), 0);
	wr(0x02c, 0x70);
	assert_int_equal(pl011__start_input(f->uart, in[0]), 0);
	assert_int_equal(write(in[1], msg, strlen(msg)), strlen(msg));
	/* Drain like a driver would; the thread refills as room appears. */
	while (n < strlen(msg) && spins++ < 5000) {
		if (!(rd(0x018) & FR_RXFE))
			got[n++] = (char)rd(0x000);
		else
			nanosleep(&(struct timespec){ 0, 100000 }, NULL);
	}
	assert_string_equal(got, msg);
	/* pl011__free() stops the thread while its input is still open. */
	pl011__free(f->uart);
	close(in[1]);
	close(in[0]);
	f->uart = pl011__new(f->gic, INTID, f->out[1]);
	assert_int_equal(mmio__unregister(UART), 0);
	assert_int_equal(pl011__register_mmio(f->uart, UART), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_and_reset),
		cmocka_unit_test(test_tx),
		cmocka_unit_test(test_rx_interrupt_and_fifo),
		cmocka_unit_test(test_input_thread),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
