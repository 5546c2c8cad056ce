/*
 * The native answers to the shared page-table walk (pgtable.h): entries
 * hold physical addresses and are plain stores, in force at once; a
 * removed translation leaves the TLB through invlpg. (On Xen: machine
 * frames, batched mmu_update, and tables made read-only first.)
 */
#include "cpu.h"
#include "native.h"
#include "pgtable.h"

phys_addr_t pt_entry_addr(pte_t e)
{
	return e & PTE_ADDR_MASK;
}

pte_t pt_entry_make(phys_addr_t pa, uint64_t flags)
{
	return pa | flags;
}

const pte_t *pt_table_view(phys_addr_t table)
{
	return phys_to_virt(table);
}

void pt_entry_set(phys_addr_t table, unsigned idx, pte_t e)
{
	((pte_t *)phys_to_virt(table))[idx] = e;
}

void pt_root_set(struct arch_aspace *as, unsigned idx, pte_t e)
{
	pt_entry_set(as->l4, idx, e);
}

phys_addr_t pt_table_new(void)
{
	return table_page();
}

void pt_sync(void)
{
}

/* Harmless when as is not loaded: the entry for va then belongs to no one. */
void pt_invalidate(uintptr_t va)
{
	invlpg(va);
}
