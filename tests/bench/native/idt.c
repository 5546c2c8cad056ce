#include <stdint.h>
#include "../common/print.h"
#include "native.h"
#include "segments.h"

#define EXCEPTIONS 32
#define STUB_SIZE 16	/* vectors.S aligns each stub to this */
#define GATE_INTR 0x8e	/* present, DPL 0, 64-bit interrupt gate */

struct gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
};

extern const char exception_stubs[];

static struct gate idt[EXCEPTIONS];

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (uint64_t)idt };

	for (int v = 0; v < EXCEPTIONS; v++) {
		uint64_t a = (uint64_t)(exception_stubs + v * STUB_SIZE);

		idt[v].offset_lo = a & 0xffff;
		idt[v].selector = KERNEL_CS;
		idt[v].type = GATE_INTR;
		idt[v].offset_mid = a >> 16 & 0xffff;
		idt[v].offset_hi = a >> 32;
	}
	asm volatile("lidt %0" : : "m"(idtr));
}

/* Nothing in the benchmark should fault: say where it did and stop. */
void __attribute__((noreturn)) exception_fatal(unsigned long vector, unsigned long rip)
{
	print_str("FATAL exception ");
	print_dec(vector);
	print_str(" at ");
	print_hex(rip);
	print_str("\n");
	debug_exit(EXIT_FATAL);
}
