/*
 * printf-style formatting: %d %i %u %x %X %o %p %s %c %%, with flags '-' '0',
 * a width, and the length modifiers l, ll, z. Always NUL-terminates and
 * returns the length the full output would have had.
 */
#include "lib.h"

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, int width, bool left)
{
	int n = (int)strlen(s);

	if (!left)
		pad(o, ' ', width - n);
	while (*s)
		put(o, *s++);
	if (left)
		pad(o, ' ', width - n);
}

static void put_num(struct out *o, unsigned long long v, bool neg, unsigned base,
		    bool upper, int width, char padc, bool left)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	int total = n + neg;
	if (!left && padc == ' ')
		pad(o, ' ', width - total);
	if (neg)
		put(o, '-');
	if (!left && padc == '0')
		pad(o, '0', width - total);
	while (n)
		put(o, tmp[--n]);
	if (left)
		pad(o, ' ', width - total);
}

static unsigned long long arg_unsigned(va_list *ap, int lng)
{
	if (lng >= 2)
		return va_arg(*ap, unsigned long long);
	if (lng == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static long long arg_signed(va_list *ap, int lng)
{
	if (lng >= 2)
		return va_arg(*ap, long long);
	if (lng == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		bool left = false;
		char padc = ' ';
		int width = 0, lng = 0;
		for (fmt++; *fmt == '-' || *fmt == '0'; fmt++) {
			if (*fmt == '-')
				left = true;
			else
				padc = '0';
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			lng++;
		switch (*fmt) {
		case 'd': case 'i': {
			long long v = arg_signed(&args, lng);
			put_num(&o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				v < 0, 10, false, width, padc, left);
			break;
		}
		case 'u': put_num(&o, arg_unsigned(&args, lng), false, 10, false, width, padc, left); break;
		case 'x': put_num(&o, arg_unsigned(&args, lng), false, 16, false, width, padc, left); break;
		case 'X': put_num(&o, arg_unsigned(&args, lng), false, 16, true, width, padc, left); break;
		case 'o': put_num(&o, arg_unsigned(&args, lng), false, 8, false, width, padc, left); break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_num(&o, (unsigned long)va_arg(args, void *), false, 16, false, 16, '0', false);
			break;
		case 's': {
			const char *s = va_arg(args, const char *);
			put_str(&o, s ? s : "(null)", width, left);
			break;
		}
		case 'c': put(&o, (char)va_arg(args, int)); break;
		case '%': put(&o, '%'); break;
		case '\0': fmt--; break;
		default: put(&o, '%'); put(&o, *fmt); break;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
