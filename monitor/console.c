// SPDX-License-Identifier: GPL-2.0-only
/*
 * Polled PL011 console on UART0, shared with Linux.  The monitor prints
 * only during boot, on warm boot and when it crashes, so there is no
 * locking and no buffering.
 */
#include <stdint.h>
#include <stdbool.h>
#include <arch.h>
#include <console.h>
#include <plat/devices.h>

#define UART_DR		0x000
#define UART_FR		0x018
#define UART_CR		0x030
#define UART_FR_TXFF	(1U << 5)
#define UART_CR_UARTEN	(1U << 0)
#define UART_CR_TXE	(1U << 8)
#define UART_CR_RXE	(1U << 9)

void console_init(void)
{
	/*
	 * QEMU's PL011 needs no baud-rate set-up; enabling it keeps the
	 * firmware working on a model that resets it disabled.
	 */
	uint32_t cr = mmio_read32(UART0_BASE + UART_CR);

	if (!(cr & UART_CR_UARTEN))
		mmio_write32(UART0_BASE + UART_CR, UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE);
}

static void console_putc(char c)
{
	while (mmio_read32(UART0_BASE + UART_FR) & UART_FR_TXFF)
		;
	mmio_write32(UART0_BASE + UART_DR, (uint32_t)(unsigned char)c);
}

void console_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			console_putc('\r');
		console_putc(*s);
	}
}

static void put_unsigned(uint64_t v, unsigned int base, int width, bool zero_pad)
{
	char buf[24];
	int n = 0;

	do {
		unsigned int d = (unsigned int)(v % base);

		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	while (n < width) {
		console_putc(zero_pad ? '0' : ' ');
		width--;
	}
	while (n)
		console_putc(buf[--n]);
}

void mon_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		bool zero_pad = false;
		int width = 0, longs = 0;
		uint64_t u;
		int64_t s;

		if (*fmt != '%') {
			if (*fmt == '\n')
				console_putc('\r');
			console_putc(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			zero_pad = true;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 'c':
			console_putc((char)va_arg(ap, int));
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);

			console_puts(str ? str : "(null)");
			break;
		}
		case 'd':
			s = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
			if (s < 0) {
				console_putc('-');
				u = (uint64_t)0 - (uint64_t)s;
			} else {
				u = (uint64_t)s;
			}
			put_unsigned(u, 10, width, zero_pad);
			break;
		case 'u':
		case 'x':
			u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_unsigned(u, *fmt == 'u' ? 10 : 16, width, zero_pad);
			break;
		case 'p':
			console_puts("0x");
			put_unsigned((uint64_t)(uintptr_t)va_arg(ap, void *), 16, 0, false);
			break;
		case '%':
			console_putc('%');
			break;
		case '\0':
			return;
		default:
			console_putc('?');
			break;
		}
	}
}

void mon_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mon_vprintf(fmt, ap);
	va_end(ap);
}
