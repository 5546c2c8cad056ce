/*
 * The GDT and the TSS. In long mode segments are flat; the GDT exists for
 * the privilege levels and for the TSS, whose rsp0 is the kernel stack
 * of entries from user mode and whose first IST stack takes double
 * faults (a kernel stack overflow must not fault again on that stack).
 */
#include "native.h"
#include "segments.h"

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

_Static_assert(__builtin_offsetof(struct tss, rsp) == TSS_RSP0, "syscall_entry reads rsp0");

#define TSS_AVAILABLE 0x89ULL

/* head.S loads it by its physical address to enter long mode. */
uint64_t gdt[GDT_ENTRIES] = {
	[KERNEL_CS / 8] = 0x00af9a000000ffff,
	[KERNEL_DS / 8] = 0x00cf92000000ffff,
	[USER_DS / 8] = 0x00cff2000000ffff,
	[USER_CS / 8] = 0x00affa000000ffff,
};

struct tss tss;
static uint8_t double_fault_stack[4096] __attribute__((aligned(16)));

static void install_tss(void)
{
	uint64_t base = (uint64_t)&tss;

	tss.ist[IST_DOUBLE_FAULT - 1] = (uint64_t)(double_fault_stack + sizeof(double_fault_stack));
	/* An I/O bitmap offset past the end: no port for user mode. */
	tss.iomap_base = sizeof(tss);
	gdt[TSS_SEL / 8] = (sizeof(tss) - 1) | (base & 0xffffff) << 16 | TSS_AVAILABLE << 40 |
			   (base >> 24 & 0xff) << 56;
	gdt[TSS_SEL / 8 + 1] = base >> 32;
}

void gdt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr = { sizeof(gdt) - 1, (uint64_t)gdt };

	install_tss();
	asm volatile("lgdt %0" : : "m"(gdtr));
	asm volatile("ltr %w0" : : "r"(TSS_SEL));
}

void tss_set_kernel_stack(uintptr_t top)
{
	tss.rsp[0] = top;
}
