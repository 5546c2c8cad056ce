#include <stdint.h>
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

/* Loaded by boot.S before long mode; the TSS slots are filled here. */
uint64_t gdt[GDT_ENTRIES] = {
	[KERNEL_CS / 8] = 0x00af9a000000ffff,
	[KERNEL_DS / 8] = 0x00cf92000000ffff,
	[USER_DS / 8] = 0x00cff2000000ffff,
	[USER_CS / 8] = 0x00affa000000ffff,
};

static struct tss tss;
static uint8_t ring0_stack[4096] __attribute__((aligned(16)));

/* A fault in ring 3 needs a ring-0 stack to land on; no I/O bitmap. */
void gdt_load_tss(void)
{
	uint64_t base = (uint64_t)&tss;

	tss.rsp[0] = (uint64_t)(ring0_stack + sizeof(ring0_stack));
	tss.iomap_base = sizeof(tss);
	gdt[TSS_SEL / 8] = (sizeof(tss) - 1) | (base & 0xffffff) << 16 |
			   0x89ULL << 40 | (base >> 24 & 0xff) << 56;
	gdt[TSS_SEL / 8 + 1] = base >> 32;
	asm volatile("ltr %w0" : : "r"(TSS_SEL));
}
