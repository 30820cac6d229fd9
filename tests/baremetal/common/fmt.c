// SPDX-License-Identifier: GPL-2.0-only
/* The payloads' printf subset (see fmt.h). */
#include <stdbool.h>
#include <stdint.h>

#include "fmt.h"

static void put_num(fmt_sink put, void *arg, uint64_t v, unsigned int base,
		    unsigned int width, bool neg)
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
		put(arg, '-');
	while (n)
		put(arg, buf[--n]);
}

void fmt_vformat(fmt_sink put, void *arg, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		unsigned int width = 0;
		bool is_long = false;
		uint64_t v;

		if (*fmt != '%') {
			put(arg, *fmt);
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
				put(arg, *s++);
			break;
		}
		case 'c':
			put(arg, (char)va_arg(ap, int));
			break;
		case 'd': {
			int64_t sv = is_long ? va_arg(ap, int64_t) : va_arg(ap, int);

			put_num(put, arg, sv < 0 ? -(uint64_t)sv : (uint64_t)sv, 10, 0, sv < 0);
			break;
		}
		case 'u':
		case 'x':
			v = is_long ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_num(put, arg, v, *fmt == 'u' ? 10 : 16, width, false);
			break;
		case '%':
			put(arg, '%');
			break;
		default:
			put(arg, '?');
			if (!*fmt)
				fmt--;
			break;
		}
	}
}

struct buf_sink {
	char *buf;
	size_t size, len;
};

static void buf_put(void *arg, char c)
{
	struct buf_sink *b = arg;

	if (b->len + 1 < b->size)
		b->buf[b->len++] = c;
}

size_t fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = { buf, size, 0 };

	if (!size)
		return 0;
	fmt_vformat(buf_put, &b, fmt, ap);
	buf[b.len] = '\0';
	return b.len;
}
