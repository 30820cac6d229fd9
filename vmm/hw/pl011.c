// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 UART model.  Register layout and bits from the PrimeCell UART
 * (PL011) Technical Reference Manual, r1p5 (ARM DDI 0183G).
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "vmm/gic.h"
#include "vmm/input-thread.h"
#include "vmm/layout.h"
#include "vmm/mmio.h"
#include "vmm/pl011.h"

#define UART_DR		0x000
#define UART_RSR	0x004
#define UART_FR		0x018
#define UART_ILPR	0x020
#define UART_IBRD	0x024
#define UART_FBRD	0x028
#define UART_LCR_H	0x02c
#define UART_CR		0x030
#define UART_IFLS	0x034
#define UART_IMSC	0x038
#define UART_RIS	0x03c
#define UART_MIS	0x040
#define UART_ICR	0x044
#define UART_DMACR	0x048
#define UART_PERIPHID0	0xfe0
#define UART_CELLID0	0xff0

#define FR_BUSY		(1U << 3)
#define FR_RXFE		(1U << 4)
#define FR_TXFF		(1U << 5)
#define FR_RXFF		(1U << 6)
#define FR_TXFE		(1U << 7)

#define LCR_H_FEN	(1U << 4)

#define INT_RX		(1U << 4)
#define INT_TX		(1U << 5)
#define INT_RT		(1U << 6)
#define INT_ALL		0x7ffU

#define RX_FIFO_SIZE	16

struct pl011 {
	pthread_mutex_t lock;
	pthread_cond_t room;		/* the RX FIFO has space */
	struct gic *gic;
	unsigned int intid;
	int out_fd;
	bool line;			/* last level given to the GIC */

	uint8_t rx[RX_FIFO_SIZE];
	unsigned int rx_head, rx_count;

	uint32_t ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, ris, dmacr;

	struct input_thread input;
};

/* PL011 r1p5 and the PrimeCell cell ID, as in the DT's arm,primecell-periphid. */
static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x24, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static unsigned int pl011__rx_capacity(const struct pl011 *uart)
{
	return uart->lcr_h & LCR_H_FEN ? RX_FIFO_SIZE : 1;
}

/* RX trigger level, IFLS.RXIFLSEL: 1/8, 1/4, 1/2, 3/4, 7/8 of the FIFO. */
static unsigned int pl011__rx_trigger(const struct pl011 *uart)
{
	static const unsigned int eighths[8] = { 1, 2, 4, 6, 7, 4, 4, 4 };

	if (!(uart->lcr_h & LCR_H_FEN))
		return 1;
	return eighths[(uart->ifls >> 3) & 7] * RX_FIFO_SIZE / 8;
}

/*
 * Recompute the RX interrupts from the FIFO and return the line level the
 * GIC should see.  RT stands in for the receive timeout: it is up while
 * data sits below the trigger level, so that the guest drains it all.
 */
static bool pl011__update(struct pl011 *uart)
{
	uart->ris &= ~(INT_RX | INT_RT);
	if (uart->rx_count >= pl011__rx_trigger(uart))
		uart->ris |= INT_RX;
	if (uart->rx_count)
		uart->ris |= INT_RT;
	return uart->ris & uart->imsc;
}

/* Drop the lock, then tell the GIC if the line changed. */
static void pl011__unlock_and_signal(struct pl011 *uart)
{
	bool level = pl011__update(uart);
	bool changed = level != uart->line;

	uart->line = level;
	pthread_mutex_unlock(&uart->lock);
	if (changed && uart->gic)
		gic__set_spi(uart->gic, uart->intid, level);
}

static void pl011__tx(struct pl011 *uart, uint8_t c)
{
	ssize_t n;

	if (uart->out_fd < 0)
		return;
	do {
		n = write(uart->out_fd, &c, 1);
	} while (n < 0 && errno == EINTR);
}

int pl011__read(struct pl011 *uart, uint64_t off, unsigned int len, uint64_t *data)
{
	uint64_t v = 0;

	(void)len;
	pthread_mutex_lock(&uart->lock);
	switch (off) {
	case UART_DR:
		if (uart->rx_count) {
			v = uart->rx[uart->rx_head];
			uart->rx_head = (uart->rx_head + 1) % RX_FIFO_SIZE;
			uart->rx_count--;
			pthread_cond_broadcast(&uart->room);
		}
		break;
	case UART_FR:
		v = FR_TXFE;
		if (!uart->rx_count)
			v |= FR_RXFE;
		if (uart->rx_count >= pl011__rx_capacity(uart))
			v |= FR_RXFF;
		break;
	case UART_ILPR:
		v = uart->ilpr;
		break;
	case UART_IBRD:
		v = uart->ibrd;
		break;
	case UART_FBRD:
		v = uart->fbrd;
		break;
	case UART_LCR_H:
		v = uart->lcr_h;
		break;
	case UART_CR:
		v = uart->cr;
		break;
	case UART_IFLS:
		v = uart->ifls;
		break;
	case UART_IMSC:
		v = uart->imsc;
		break;
	case UART_RIS:
		pl011__update(uart);
		v = uart->ris;
		break;
	case UART_MIS:
		pl011__update(uart);
		v = uart->ris & uart->imsc;
		break;
	case UART_DMACR:
		v = uart->dmacr;
		break;
	default:
		if (off >= UART_PERIPHID0 && off < UART_PERIPHID0 + 32 && !(off & 3))
			v = pl011_id[(off - UART_PERIPHID0) / 4];
		break;
	}
	*data = v;
	pl011__unlock_and_signal(uart);
	return 0;
}

int pl011__write(struct pl011 *uart, uint64_t off, unsigned int len, uint64_t data)
{
	uint32_t v = (uint32_t)data;

	(void)len;
	pthread_mutex_lock(&uart->lock);
	switch (off) {
	case UART_DR:
		pl011__tx(uart, (uint8_t)v);
		/* The byte is gone at once: the TX FIFO is below any trigger level. */
		uart->ris |= INT_TX;
		break;
	case UART_RSR:
		break;	/* clears errors; there are none */
	case UART_ILPR:
		uart->ilpr = v & 0xff;
		break;
	case UART_IBRD:
		uart->ibrd = v & 0xffff;
		break;
	case UART_FBRD:
		uart->fbrd = v & 0x3f;
		break;
	case UART_LCR_H:
		/* Turning the FIFO off leaves a one-byte holding register. */
		if ((uart->lcr_h & LCR_H_FEN) && !(v & LCR_H_FEN) && uart->rx_count > 1) {
			uart->rx_head = (uart->rx_head + uart->rx_count - 1) % RX_FIFO_SIZE;
			uart->rx_count = 1;
		}
		uart->lcr_h = v & 0xff;
		pthread_cond_broadcast(&uart->room);
		break;
	case UART_CR:
		uart->cr = v & 0xff87;
		break;
	case UART_IFLS:
		uart->ifls = v & 0x3f;
		break;
	case UART_IMSC:
		uart->imsc = v & INT_ALL;
		break;
	case UART_ICR:
		uart->ris &= ~(v & INT_ALL);
		break;
	case UART_DMACR:
		uart->dmacr = v & 7;
		break;
	default:
		break;
	}
	pl011__unlock_and_signal(uart);
	return 0;
}

size_t pl011__receive(struct pl011 *uart, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t n = 0;

	pthread_mutex_lock(&uart->lock);
	while (n < len && uart->rx_count < pl011__rx_capacity(uart)) {
		uart->rx[(uart->rx_head + uart->rx_count) % RX_FIFO_SIZE] = p[n++];
		uart->rx_count++;
	}
	pl011__unlock_and_signal(uart);
	return n;
}

static int pl011_mmio_read(void *dev, uint64_t off, unsigned int len, uint64_t *data)
{
	return pl011__read(dev, off, len, data);
}

static int pl011_mmio_write(void *dev, uint64_t off, unsigned int len, uint64_t data)
{
	return pl011__write(dev, off, len, data);
}

static const struct mmio_ops pl011_ops = { pl011_mmio_read, pl011_mmio_write };

int pl011__register_mmio(struct pl011 *uart, uint64_t base)
{
	return mmio__register(base, VMM_UART_SIZE, &pl011_ops, uart);
}

static size_t pl011_input_feed(void *dev, const void *buf, size_t len)
{
	return pl011__receive(dev, buf, len);
}

/* With uart->lock held: the input thread waits on uart->room meanwhile. */
static bool pl011_input_full(void *dev)
{
	const struct pl011 *uart = dev;

	return uart->rx_count >= pl011__rx_capacity(uart);
}

static const struct input_thread_ops pl011_input_ops = {
	.feed = pl011_input_feed,
	.full = pl011_input_full,
	.chunk = 64,
};

struct pl011 *pl011__new(struct gic *gic, unsigned int intid, int out_fd)
{
	struct pl011 *uart = calloc(1, sizeof(*uart));

	if (!uart)
		return NULL;
	pthread_mutex_init(&uart->lock, NULL);
	pthread_cond_init(&uart->room, NULL);
	uart->gic = gic;
	uart->intid = intid;
	uart->out_fd = out_fd;
	input_thread__init(&uart->input, &pl011_input_ops, uart, &uart->lock, &uart->room);
	/* Reset values from the TRM: TX and RX enabled, 1/2 trigger levels. */
	uart->cr = 0x300;
	uart->ifls = 0x12;
	return uart;
}

int pl011__start_input(struct pl011 *uart, int in_fd)
{
	return input_thread__start(&uart->input, in_fd);
}

void pl011__free(struct pl011 *uart)
{
	if (!uart)
		return;
	input_thread__stop(&uart->input);
	pthread_cond_destroy(&uart->room);
	pthread_mutex_destroy(&uart->lock);
	free(uart);
}
