/*
 * The IDT: the exceptions trap.c knows, the local APIC's timer and its
 * spurious vector. All are interrupt gates, so the kernel always runs
 * with IF clear, as the Xen port runs with events masked.
 */
#include "lib.h"
#include "native.h"
#include "segments.h"
#include "vectors.h"

#define GATE_INTERRUPT 0x8e     /* present, 64-bit interrupt gate */
#define IDT_VECTORS 256

struct gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
};

extern char exc_divide_error[], exc_debug[], exc_int3[], exc_overflow[],
	exc_bounds[], exc_invalid_op[], exc_device_not_available[],
	exc_double_fault[], exc_invalid_tss[], exc_segment_not_present[],
	exc_stack_segment[], exc_general_protection[], exc_page_fault[],
	exc_fpu_error[], exc_alignment_check[], exc_machine_check[],
	exc_simd_error[], irq_timer[], irq_spurious[];

struct gate_spec {
	unsigned vector, dpl, ist;
	const char *stub;
};

/* int3 and into may be used from user mode (DPL 3). */
static const struct gate_spec gates[] = {
	{ 0, 0, 0, exc_divide_error },
	{ 1, 0, 0, exc_debug },
	{ 3, 3, 0, exc_int3 },
	{ 4, 3, 0, exc_overflow },
	{ 5, 0, 0, exc_bounds },
	{ 6, 0, 0, exc_invalid_op },
	{ 7, 0, 0, exc_device_not_available },
	{ 8, 0, IST_DOUBLE_FAULT, exc_double_fault },
	{ 10, 0, 0, exc_invalid_tss },
	{ 11, 0, 0, exc_segment_not_present },
	{ 12, 0, 0, exc_stack_segment },
	{ 13, 0, 0, exc_general_protection },
	{ 14, 0, 0, exc_page_fault },
	{ 16, 0, 0, exc_fpu_error },
	{ 17, 0, 0, exc_alignment_check },
	{ 18, 0, 0, exc_machine_check },
	{ 19, 0, 0, exc_simd_error },
	{ VECTOR_TIMER, 0, 0, irq_timer },
	{ VECTOR_SPURIOUS, 0, 0, irq_spurious },
};

static struct gate idt[IDT_VECTORS];

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (uint64_t)idt };

	for (unsigned i = 0; i < ARRAY_SIZE(gates); i++) {
		uint64_t a = (uint64_t)gates[i].stub;

		idt[gates[i].vector] = (struct gate){
			.offset_lo = a & 0xffff,
			.selector = KERNEL_CS,
			.ist = (uint8_t)gates[i].ist,
			.type = (uint8_t)(GATE_INTERRUPT | gates[i].dpl << 5),
			.offset_mid = a >> 16 & 0xffff,
			.offset_hi = a >> 32,
		};
	}
	asm volatile("lidt %0" : : "m"(idtr));
}
