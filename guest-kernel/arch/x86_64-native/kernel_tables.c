/*
 * The kernel's own page tables, replacing head.S's: a direct map of the
 * usable RAM, the image with its text and read-only data read-only, and
 * any device registers mapped later. Every address space copies this
 * L4's kernel half, so kernel mappings are global: a CR3 load keeps them.
 */
#include "cpu.h"
#include "native.h"
#include "pgtable.h"
#include "printk.h"

#define CR4_PGE (1UL << 7)
#define KERNEL_MMIO (KERNEL_RW | PTE_PWT | PTE_PCD)

extern char __image_start[], __rodata_end[], __image_end[];

struct arch_aspace kernel_as;

static void map_range(uintptr_t va, phys_addr_t pa, phys_addr_t end, uint64_t flags)
{
	for (; pa < end; pa += PAGE_SIZE, va += PAGE_SIZE)
		if (pt_map(&kernel_as, va, pa, flags))
			panic("out of memory for the kernel's page tables");
}

static void map_image(const char *start, const char *end, uint64_t flags)
{
	map_range((uintptr_t)start, virt_to_phys(start), virt_to_phys(end), flags);
}

/* Global pages are turned on only once no boot mapping can linger. */
void kernel_tables_build(void)
{
	kernel_as.l4 = pt_table_new();
	if (!kernel_as.l4)
		panic("out of memory for the kernel's page tables");
	for (unsigned i = 0; i < nr_mem_ranges; i++)
		map_range(PHYSMAP_BASE + mem_ranges[i].start, mem_ranges[i].start,
			  mem_ranges[i].end, KERNEL_RW);
	map_image(__image_start, __rodata_end, KERNEL_RO);
	map_image(__rodata_end, __image_end, KERNEL_RW);
	WRITE_CR(3, kernel_as.l4);
	WRITE_CR(4, READ_CR(4) | CR4_PGE);
}

/*
 * A device's registers, uncached, at the direct-map address of their
 * physical page: never RAM, so never mapped there otherwise. Only at
 * boot, before any address space copies the kernel half.
 */
volatile void *kernel_map_mmio(phys_addr_t pa)
{
	map_range(PHYSMAP_BASE + pa, pa, pa + PAGE_SIZE, KERNEL_MMIO);
	return phys_to_virt(pa);
}
