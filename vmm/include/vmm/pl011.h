/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMM_PL011_H
#define VMM_PL011_H

/*
 * Arm PL011 UART (PrimeCell r1p5), the realm's console and earlycon.
 *
 * Transmit is immediate: a byte written to DR goes straight to the output
 * fd, so the TX FIFO is always empty and never busy.  Receive has the
 * PL011's 16-byte FIFO (1 byte with LCR_H.FEN clear); the input thread
 * blocks while it is full rather than drop keystrokes.  The interrupt line
 * (level, SPI) is RIS & IMSC.  Baud rate and line settings are stored and
 * read back but mean nothing here.
 */
#include <stddef.h>
#include <stdint.h>

struct gic;
struct pl011;

/*
 * A UART raising @intid on @gic and writing its output to @out_fd
 * (stdout, usually; -1 discards it).  NULL on failure.
 */
struct pl011 *pl011__new(struct gic *gic, unsigned int intid, int out_fd);

/* Stop the input thread, if any, and free. */
void pl011__free(struct pl011 *uart);

/* Claim [base, base + VMM_UART_SIZE) on the MMIO bus. */
int pl011__register_mmio(struct pl011 *uart, uint64_t base);

/* The MMIO model, @offset relative to the base (tests, direct use). */
int pl011__read(struct pl011 *uart, uint64_t offset, unsigned int len, uint64_t *data);
int pl011__write(struct pl011 *uart, uint64_t offset, unsigned int len, uint64_t data);

/*
 * Feed received bytes into the RX FIFO: returns how many fitted (the rest
 * is for a later call), raising the RX interrupt as the PL011 would.
 */
size_t pl011__receive(struct pl011 *uart, const void *buf, size_t len);

/*
 * Start a thread that reads @in_fd (stdin, usually; put a terminal in raw
 * mode first) and feeds it to the guest, waiting for room in the FIFO.
 * It ends at EOF or a read error, or in pl011__free().
 */
int pl011__start_input(struct pl011 *uart, int in_fd);

#endif /* VMM_PL011_H */
