/*
 * Each CPU's GDT is 16 pages, like Xen's: the first 14 are the guest's
 * (set_gdt, not yet), the last two hold the hypervisor's selectors and the
 * flat ring-3 selectors of the PV ABI (FLAT_RING3_CS64 = 0xe033 ...).
 */
#include "arch.h"
#include "x86.h"

#define GDT_ENTRIES    8192
#define DESC_CODE64_0  0x00af9a000000ffffUL
#define DESC_DATA_0    0x00cf92000000ffffUL
#define DESC_CODE32_3  0x00cffa000000ffffUL
#define DESC_DATA_3    0x00cff2000000ffffUL
#define DESC_CODE64_3  0x00affa000000ffffUL
#define DESC_TSS_AVAIL 0x89UL

static uint64_t gdt[NR_CPUS][GDT_ENTRIES] __attribute__((aligned(4096)));

static void set_tss(uint64_t *slot, const struct tss64 *tss)
{
	unsigned long base = (unsigned long)tss, limit = sizeof(*tss) - 1;

	slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (DESC_TSS_AVAIL << 40) |
		  ((limit & 0xf0000) << 32) | ((base >> 24 & 0xff) << 56);
	slot[1] = base >> 32;
}

void gdt_load(unsigned int cpu, struct tss64 *tss)
{
	uint64_t *g = gdt[cpu];
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } gdtr = {
		sizeof(gdt[cpu]) - 1, (unsigned long)g };

	g[HYPERVISOR_CS >> 3] = DESC_CODE64_0;
	g[HYPERVISOR_DS >> 3] = DESC_DATA_0;
	g[FLAT_RING3_CS32 >> 3] = DESC_CODE32_3;
	g[FLAT_RING3_DS32 >> 3] = DESC_DATA_3;
	g[FLAT_RING3_CS64 >> 3] = DESC_CODE64_3;
	set_tss(&g[TSS_SELECTOR >> 3], tss);

	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\tmov %2, %%ss\n\t"
		"xor %%eax, %%eax\n\t"
		"mov %%eax, %%ds\n\t"
		"mov %%eax, %%es\n\t"
		"ltr %w3"
		:: "m"(gdtr), "i"(HYPERVISOR_CS), "r"(HYPERVISOR_DS), "r"(TSS_SELECTOR)
		: "rax", "memory");
}
