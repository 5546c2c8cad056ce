#include "bench.h"
#include "print.h"

void print_str(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	bench_write(s, n);
}

static void print_base(unsigned long v, unsigned int base)
{
	char buf[24];
	int i = sizeof(buf);

	do {
		buf[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	bench_write(buf + i, sizeof(buf) - i);
}

void print_dec(unsigned long v)
{
	print_base(v, 10);
}

void print_hex(unsigned long v)
{
	print_str("0x");
	print_base(v, 16);
}
