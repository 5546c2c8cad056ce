/*
 * The Xen PV answers to the shared page-table walk (pgtable.h). Entries
 * hold machine frames; every write is a queued mmu_update; and a page
 * becomes a table only once no mapping of it is writable (Xen's rule that a
 * frame is a page table or writable, never both: docs/pv-mmu.md).
 */
#include "page_alloc.h"
#include "pgtable.h"
#include "xenpv.h"

phys_addr_t pt_entry_addr(pte_t e)
{
	return (phys_addr_t)mfn_to_pfn((e & PTE_ADDR_MASK) >> PAGE_SHIFT) << PAGE_SHIFT;
}

pte_t pt_entry_make(phys_addr_t pa, uint64_t flags)
{
	return phys_to_machine(pa) | flags;
}

const pte_t *pt_table_view(phys_addr_t table)
{
	return page_view(table);
}

void pt_entry_set(phys_addr_t table, unsigned idx, pte_t e)
{
	mmu_queue(phys_to_machine(table) + idx * sizeof(pte_t), e);
}

/* The user half of a kernel L4 is also the whole of its user L4. */
void pt_root_set(struct arch_aspace *as, unsigned idx, pte_t e)
{
	pt_entry_set(as->l4, idx, e);
	if (idx < L4_USER_SLOTS && as->user_l4)
		pt_entry_set(as->user_l4, idx, e);
}

phys_addr_t pt_table_new(void)
{
	phys_addr_t pa = table_page();

	if (pa)
		pt_protect(pa, false);
	return pa;
}

void pt_sync(void)
{
	mmu_flush();
}

void pt_invalidate(uintptr_t va)
{
	(void)va;
	mmu_flush_tlb_later();
}

/* Rewrites the entry that maps pa at va in as, if there is one. */
static void protect_view(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, bool writable)
{
	phys_addr_t l1;

	if (pt_leaf(as, va, &l1))
		pt_entry_set(l1, PT_INDEX(va, 1), pt_entry_make(pa, writable ? KERNEL_RW : KERNEL_RO));
}

/* Every kernel mapping of a page: the direct map, and the builder's while it lives. */
void pt_protect(phys_addr_t pa, bool writable)
{
	struct arch_aspace *alias = boot_alias();

	protect_view(&kernel_as, PHYSMAP_BASE + pa, pa, writable);
	if (alias)
		protect_view(alias, KERNBASE + pa, pa, writable);
}
