#include "bench.h"
#include "print.h"

/*
 * Text is handed to bench_write() a whole line at a time: a hypervisor may
 * prefix each console write of a guest, which must not split a BENCH line.
 */
static char line[256];
static unsigned long used;

static void put(char c)
{
	line[used++] = c;
	if (c == '\n' || used == sizeof(line)) {
		bench_write(line, used);
		used = 0;
	}
}

void print_str(const char *s)
{
	while (*s)
		put(*s++);
}

static void print_base(unsigned long v, unsigned int base)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		put(digits[--n]);
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
