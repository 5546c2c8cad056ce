/*
 * Each CPU's GDT is a 16-page window, like Xen's: pages 0-13 show the
 * guest's descriptor frames (set_gdt), or an empty page; pages 14-15 hold
 * the hypervisor's selectors and the flat ring-3 selectors of the PV ABI
 * (FLAT_RING3_CS64 = 0xe033 ...). The windows live in L4 slot 260, whose
 * tables every address space shares, so a remap is seen everywhere.
 */
#include "arch.h"
#include "mm.h"
#include "page.h"
#include "x86.h"

#define GDT_VIRT_START  0xffff820000000000UL      /* L4 slot 260 */
#define GDT_PAGES       16
#define RESERVED_PAGES  (GDT_PAGES - FIRST_RESERVED_GDT_PAGE)
#define DESC_CODE64_0   0x00af9a000000ffffUL
#define DESC_DATA_0     0x00cf92000000ffffUL
#define DESC_CODE32_3   0x00cffa000000ffffUL
#define DESC_DATA_3     0x00cff2000000ffffUL
#define DESC_CODE64_3   0x00affa000000ffffUL
#define DESC_TSS_AVAIL  0x89UL
#define WINDOW_PTE      (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_DIRTY)

_Static_assert(NR_CPUS * GDT_PAGES <= PT_ENTRIES, "one L1 maps every window");

extern uint64_t idle_l4[PT_ENTRIES];

static uint64_t reserved[NR_CPUS][RESERVED_PAGES * PT_ENTRIES] __attribute__((aligned(4096)));
static const uint64_t empty_page[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t gdt_l1[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t gdt_l2[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t gdt_l3[PT_ENTRIES] __attribute__((aligned(4096)));

static unsigned long window(unsigned cpu)
{
	return GDT_VIRT_START + (unsigned long)cpu * GDT_PAGES * PAGE_SIZE;
}

/* The CPU sets accessed and busy bits in descriptors: pages it loads
 * from are writable to ring 0. */
static void map_gdt_page(unsigned cpu, unsigned page, unsigned long maddr, bool writable)
{
	uint64_t nx = cpu_has_nx ? _PAGE_NX : 0;

	gdt_l1[cpu * GDT_PAGES + page] = maddr | WINDOW_PTE | nx | (writable ? _PAGE_RW : 0);
	invlpg(window(cpu) + page * PAGE_SIZE);
}

static void gdt_tables_init(void)
{
	const uint64_t table = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;

	gdt_l2[0] = virt_to_maddr(gdt_l1) | table;
	gdt_l3[0] = virt_to_maddr(gdt_l2) | table;
	idle_l4[pt_index(GDT_VIRT_START, L4_SHIFT)] = virt_to_maddr(gdt_l3) | table;
}

static void set_tss(uint64_t *slot, const struct tss64 *tss)
{
	unsigned long base = (unsigned long)tss, limit = sizeof(*tss) - 1;

	slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (DESC_TSS_AVAIL << 40) |
		  ((limit & 0xf0000) << 32) | ((base >> 24 & 0xff) << 56);
	slot[1] = base >> 32;
}

static uint64_t *reserved_desc(unsigned cpu, unsigned selector)
{
	return &reserved[cpu][(selector >> 3) - FIRST_RESERVED_GDT_ENTRY];
}

void gdt_set_guest_frames(unsigned int cpu, const unsigned long *mfns, unsigned int nr)
{
	for (unsigned i = 0; i < FIRST_RESERVED_GDT_PAGE; i++)
		map_gdt_page(cpu, i, i < nr ? mfns[i] << PAGE_SHIFT : virt_to_maddr(empty_page),
			     i < nr);
}

void gdt_load(unsigned int cpu, struct tss64 *tss)
{
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } gdtr = {
		GDT_PAGES * PAGE_SIZE - 1, window(cpu) };

	if (cpu == 0)
		gdt_tables_init();
	*reserved_desc(cpu, HYPERVISOR_CS) = DESC_CODE64_0;
	*reserved_desc(cpu, HYPERVISOR_DS) = DESC_DATA_0;
	*reserved_desc(cpu, FLAT_RING3_CS32) = DESC_CODE32_3;
	*reserved_desc(cpu, FLAT_RING3_DS32) = DESC_DATA_3;
	*reserved_desc(cpu, FLAT_RING3_CS64) = DESC_CODE64_3;
	set_tss(reserved_desc(cpu, TSS_SELECTOR), tss);
	gdt_set_guest_frames(cpu, NULL, 0);
	for (unsigned i = 0; i < RESERVED_PAGES; i++)
		map_gdt_page(cpu, FIRST_RESERVED_GDT_PAGE + i,
			     virt_to_maddr(reserved[cpu]) + i * PAGE_SIZE, true);

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
