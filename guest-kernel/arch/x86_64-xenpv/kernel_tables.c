/*
 * The kernel's own page tables: the direct map of all pseudo-physical
 * memory (built inside the builder's tables, which are live meanwhile),
 * then a fresh L4 holding it and the image. Every later L4 copies this
 * one's kernel half.
 */
#include "pgtable.h"
#include "printk.h"
#include "xenpv.h"

extern char __rodata_end[], __image_end[];

struct arch_aspace kernel_as;
unsigned long physmap_end_pfn;

/*
 * In pfn order, so that a table page taken from the direct map
 * (boot_mm.c) is always one it already covers. A page's own tables are
 * made before its mapping is chosen: the new L1 may be that very page,
 * which Xen then lets be mapped read-only only.
 */
void physmap_build(void)
{
	for (unsigned long pfn = 0; pfn < xen_start.nr_pages; pfn++) {
		phys_addr_t pa = (phys_addr_t)pfn << PAGE_SHIFT;
		uintptr_t va = PHYSMAP_BASE + pa;

		if (!pt_l1_of(&kernel_as, va, true) ||
		    pt_map(&kernel_as, va, pa, boot_page_is_table(pfn) ? KERNEL_RO : KERNEL_RW))
			panic("out of memory for the direct map");
		physmap_end_pfn = pfn + 1;
	}
	pt_sync();
}

phys_addr_t kernel_tables_build(void)
{
	unsigned slot = PT_INDEX(PHYSMAP_BASE, 4);
	phys_addr_t physmap_l3 = pt_entry_addr(pt_table_view(kernel_as.l4)[slot]);
	phys_addr_t l4 = pt_table_new();

	pt_sync();
	mmuext_ops(&(struct mmuext_op){ .cmd = MMUEXT_PIN_L4_TABLE, .arg1.mfn = table_mfn(l4) }, 1);
	kernel_as = (struct arch_aspace){ .l4 = l4 };
	pt_root_set(&kernel_as, slot, pt_entry_make(physmap_l3, PTE_TABLE));
	for (uintptr_t va = KERNBASE; va < (uintptr_t)__image_end; va += PAGE_SIZE)
		if (pt_map(&kernel_as, va, va - KERNBASE,
			   va < (uintptr_t)__rodata_end ? KERNEL_RO : KERNEL_RW))
			panic("out of memory for the kernel's page tables");
	pt_sync();
	return l4;
}
