/*
 * The 4-level page-table walk both x86-64 ports share. What differs by port
 * is how an entry names a page, how it is written and what a new table
 * needs before it can be hooked in: the pt_* hooks below, which each port
 * implements (the Xen port in pt_ops.c, through batched mmu_update).
 *
 * The walk needs from struct arch_aspace: l4 (the table the walk starts
 * at) and the cache fields l1_va and l1 (0 when empty).
 */
#ifndef PGTABLE_H
#define PGTABLE_H

#include "arch.h"

typedef uint64_t pte_t;

/* Port hooks. */
phys_addr_t pt_entry_addr(pte_t e);
pte_t pt_entry_make(phys_addr_t pa, uint64_t flags);
const pte_t *pt_table_view(phys_addr_t table);
void pt_entry_set(phys_addr_t table, unsigned idx, pte_t e);
/* Sets an entry of the top table: the Xen port mirrors user slots. */
void pt_root_set(struct arch_aspace *as, unsigned idx, pte_t e);
/* A zeroed table ready to be hooked in, or 0 if memory is short. */
phys_addr_t pt_table_new(void);
/* Entries written so far are in force (the walk reads them) after this. */
void pt_sync(void);
/* va's translation may be cached: drop it once the entry change is in force. */
void pt_invalidate(uintptr_t va);

/* The shared walk. */
phys_addr_t pt_l1_of(struct arch_aspace *as, uintptr_t va, bool create);
int pt_map(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, uint64_t flags);
/* The entry mapping va, in force, or 0 if there is none; *l1 is the L1
 * that holds it (0 if none covers va). */
pte_t pt_leaf(struct arch_aspace *as, uintptr_t va, phys_addr_t *l1);
/*
 * Calls page() on each mapped user page (in address order) and table() on
 * each user-half table after its children; either may be NULL. A nonzero
 * return from page() stops the walk and is returned.
 */
struct pt_visitor {
	void (*table)(struct pt_visitor *v, phys_addr_t table);
	int (*page)(struct pt_visitor *v, uintptr_t va, pte_t e);
};
int pt_visit_user(struct arch_aspace *as, struct pt_visitor *v);
/* Visitor steps that free a table, and drop a page unless it is foreign
 * (aspace_release.c). */
void pt_free_table(struct pt_visitor *v, phys_addr_t table);
int pt_put_page(struct pt_visitor *v, uintptr_t va, pte_t e);

#endif
