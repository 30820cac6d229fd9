// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 transmit and printf through the payloads' shared formatter
 * (../common/fmt.c).  The monitor has already configured the UART (baud,
 * enable) before entering us.
 */
#include <stdarg.h>
#include <fmt.h>
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

static void sink_uart(void *arg, char c)
{
	(void)arg;
	con_putc(c);
}

void con_vprintf(const char *fmt, va_list ap)
{
	fmt_vformat(sink_uart, NULL, fmt, ap);
}

void con_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	con_vprintf(fmt, ap);
	va_end(ap);
}
