/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Polled PL011 output.  The UART is the host's (the manifest names it);
 * the RMM prints only while booting and when it crashes, so there is no
 * lock: concurrent lines may interleave, nothing else can go wrong.
 */
#include <stdbool.h>
#include <stdarg.h>
#include <stdint.h>
#include <plat-aarch64.h>

#define UART_DR			0x000
#define UART_FR			0x018
#define UART_FR_TXFF		(1U << 5)

static uint64_t uart_base;

static inline void mmio_write32(uint64_t addr, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)addr = v;
}

static inline uint32_t mmio_read32(uint64_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

void rmm_console_init(uint64_t base)
{
	uart_base = base;
}

static void putc_raw(char c)
{
	if (!uart_base)
		return;
	while (mmio_read32(uart_base + UART_FR) & UART_FR_TXFF)
		;
	mmio_write32(uart_base + UART_DR, (uint32_t)(unsigned char)c);
}

static void putc_crlf(char c)
{
	if (c == '\n')
		putc_raw('\r');
	putc_raw(c);
}

void rmm_puts(const char *s)
{
	for (; *s; s++)
		putc_crlf(*s);
}

static void put_unsigned(uint64_t v, unsigned int base, int width, bool zero)
{
	char buf[24];
	int n = 0;

	do {
		unsigned int d = (unsigned int)(v % base);

		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	for (; width > n; width--)
		putc_raw(zero ? '0' : ' ');
	while (n)
		putc_raw(buf[--n]);
}

static void rmm_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		bool zero = false, is_long = false;
		int width = 0;
		uint64_t v;

		if (*fmt != '%') {
			putc_crlf(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			zero = true;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			is_long = true;
			fmt++;
		}
		switch (*fmt) {
		case 'c':
			putc_crlf((char)va_arg(ap, int));
			break;
		case 's':
			rmm_puts(va_arg(ap, const char *));
			break;
		case 'd':
			v = is_long ? (uint64_t)va_arg(ap, long) : (uint64_t)(int64_t)va_arg(ap, int);
			if ((int64_t)v < 0) {
				putc_raw('-');
				v = -v;
			}
			put_unsigned(v, 10, width, zero);
			break;
		case 'u':
		case 'x':
			v = is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			put_unsigned(v, *fmt == 'u' ? 10 : 16, width, zero);
			break;
		case '%':
			putc_raw('%');
			break;
		default:
			return;
		}
	}
}

void rmm_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rmm_vprintf(fmt, ap);
	va_end(ap);
}
