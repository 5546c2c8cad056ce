#include <stdint.h>
#include "../common/print.h"
#include "native.h"

/* The brand string the guest sees names the CPU QEMU emulates (-cpu max). */
void print_cpu_model(void)
{
	uint32_t brand[13] = { 0 };
	const char *s = (const char *)brand;

	for (uint32_t leaf = 0; leaf < 3; leaf++) {
		uint32_t *r = &brand[leaf * 4];

		asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(0x80000002 + leaf), "c"(0));
	}
	while (*s == ' ')
		s++;
	print_str("BENCH cpu=");
	print_str(s);
	print_str("\n");
}
