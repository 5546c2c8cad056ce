/*
 * vsnprintf for kernel messages: %s %c %d %i %u %x %p %%, the l, ll and z
 * size modifiers, a field width and the 0 and - flags. Like C's, it returns
 * the length it would have written and always terminates the buffer.
 */
#include "lib.h"

struct out {
	char *buf;
	size_t size, len;
};

struct spec {
	unsigned width;
	bool zero, left;
	char size;      /* 'l' for long and size_t, 0 for int */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, const struct spec *sp)
{
	size_t pad = sp->width > n ? sp->width - n : 0;

	if (!sp->left)
		while (pad--)
			put(o, sp->zero ? '0' : ' ');
	while (n--)
		put(o, *s++);
	if (sp->left)
		while (pad--)
			put(o, ' ');
}

static void put_number(struct out *o, unsigned long v, bool negative,
		       unsigned base, const struct spec *sp)
{
	char digits[24];
	size_t n = sizeof(digits);

	do {
		digits[--n] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (negative) {
		if (sp->zero && sp->width) {
			struct spec rest = *sp;

			put(o, '-');
			rest.width--;
			put_padded(o, digits + n, sizeof(digits) - n, &rest);
			return;
		}
		digits[--n] = '-';
	}
	put_padded(o, digits + n, sizeof(digits) - n, sp);
}

static const char *parse_spec(const char *f, struct spec *sp)
{
	*sp = (struct spec){ 0 };
	for (;; f++) {
		if (*f == '0')
			sp->zero = true;
		else if (*f == '-')
			sp->left = true;
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (unsigned)(*f++ - '0');
	while (*f == 'l' || *f == 'z')
		sp->size = 'l', f++;
	return f;
}

static void put_signed(struct out *o, const struct spec *sp, va_list *ap)
{
	long v = sp->size ? va_arg(*ap, long) : va_arg(*ap, int);

	put_number(o, v < 0 ? -(unsigned long)v : (unsigned long)v, v < 0, 10, sp);
}

static void put_unsigned(struct out *o, const struct spec *sp, unsigned base, va_list *ap)
{
	unsigned long v = sp->size ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned);

	put_number(o, v, false, base, sp);
}

static void convert(struct out *o, char conv, const struct spec *sp, va_list *ap)
{
	const char *s;
	char c;

	switch (conv) {
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		put_padded(o, s, strlen(s), sp);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_padded(o, &c, 1, sp);
		break;
	case 'd':
	case 'i':
		put_signed(o, sp, ap);
		break;
	case 'u':
		put_unsigned(o, sp, 10, ap);
		break;
	case 'x':
		put_unsigned(o, sp, 16, ap);
		break;
	case 'p':
		put(o, '0');
		put(o, 'x');
		put_number(o, (unsigned long)va_arg(*ap, void *), false, 16, sp);
		break;
	default:
		put(o, '%');
		put(o, conv);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		if (f[1] == '%') {
			put(&o, *++f);
			continue;
		}
		f = parse_spec(f + 1, &sp);
		if (!*f)
			break;
		convert(&o, *f, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[MIN(o.len, size - 1)] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
