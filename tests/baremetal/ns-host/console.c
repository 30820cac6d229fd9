// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 transmit and a printf small enough to read at a glance: %s %c %d
 * %u %x with an optional 'l', and a zero-pad width for %x.  The monitor
 * has already configured the UART (baud, enable) before entering us.
 */
#include <stdarg.h>
#include <ns-host.h>
#include <plat/devices.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_FR_TXFF	(1U << 5)

static volatile uint32_t *uart_reg(unsigned int off)
{
	return (volatile uint32_t *)(UART0_BASE + off);
}

void con_putc(char c)
{
	/* -nographic puts the terminal in raw mode: send CR before LF. */
	if (c == '\n')
		con_putc('\r');
	while (*uart_reg(UART_FR) & UART_FR_TXFF)
		;
	*uart_reg(UART_DR) = (uint32_t)(unsigned char)c;
}

static void put_num(uint64_t v, unsigned int base, unsigned int width, bool neg)
{
	char buf[24];
	unsigned int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n < width && n < sizeof(buf))
		buf[n++] = '0';
	if (neg)
		con_putc('-');
	while (n)
		con_putc(buf[--n]);
}

void con_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		unsigned int width = 0;
		bool is_long = false;
		uint64_t v;

		if (*fmt != '%') {
			con_putc(*fmt);
			continue;
		}
		fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		if (*fmt == 'l') {
			is_long = true;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);

			while (*s)
				con_putc(*s++);
			break;
		}
		case 'c':
			con_putc((char)va_arg(ap, int));
			break;
		case 'd': {
			int64_t sv = is_long ? va_arg(ap, int64_t) : va_arg(ap, int);

			put_num(sv < 0 ? -(uint64_t)sv : (uint64_t)sv, 10, 0, sv < 0);
			break;
		}
		case 'u':
		case 'x':
			v = is_long ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_num(v, *fmt == 'u' ? 10 : 16, width, false);
			break;
		case '%':
			con_putc('%');
			break;
		default:
			con_putc('?');
			if (!*fmt)
				fmt--;
			break;
		}
	}
}

void con_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	con_vprintf(fmt, ap);
	va_end(ap);
}
