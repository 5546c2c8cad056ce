#include <stdbool.h>

#include "console.h"

struct out {
	char *buf;
	size_t size;
	size_t len;
};

/* Counts every character, like C's snprintf, but stores only what fits. */
static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s)
{
	if (!s)
		s = "(null)";
	while (*s)
		put(o, *s++);
}

static void put_uint(struct out *o, unsigned long v, unsigned int base)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		put(o, digits[--n]);
}

static void put_int(struct out *o, long v)
{
	if (v < 0) {
		put(o, '-');
		put_uint(o, -(unsigned long)v, 10);
	} else {
		put_uint(o, v, 10);
	}
}

static void put_conv(struct out *o, char conv, bool is_long, va_list *ap)
{
	switch (conv) {
	case 's':
		put_str(o, va_arg(*ap, const char *));
		break;
	case 'd':
		put_int(o, is_long ? va_arg(*ap, long) : va_arg(*ap, int));
		break;
	case 'u':
	case 'x':
		put_uint(o, is_long ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned int),
			 conv == 'x' ? 16 : 10);
		break;
	case 'p':
		put_str(o, "0x");
		put_uint(o, (unsigned long)va_arg(*ap, void *), 16);
		break;
	case '%':
		put(o, '%');
		break;
	default:
		put(o, '%');
		put(o, conv);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		bool is_long;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		is_long = fmt[1] == 'l';
		fmt += is_long ? 2 : 1;
		if (!*fmt)
			break;
		put_conv(&o, *fmt, is_long, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}
