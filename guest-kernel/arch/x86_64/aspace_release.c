/*
 * What both ports' arch_aspace_destroy() does with each table and page of
 * a space it tears down: a table is the space's own; a page may be shared
 * (page_put drops this space's hold), or another domain's, which is not
 * ours to drop.
 */
#include "page_alloc.h"
#include "pgtable.h"

void pt_free_table(struct pt_visitor *v, phys_addr_t table)
{
	(void)v;
	page_free(phys_to_virt(table));
}

int pt_put_page(struct pt_visitor *v, uintptr_t va, pte_t e)
{
	(void)v, (void)va;
	if (!(e & PTE_FOREIGN))
		page_put(pt_entry_addr(e));
	return 0;
}
