/*
 * Walking, filling and emptying 4-level page tables. Reads go through
 * pt_table_view() after pt_sync(); writes through the port's hooks, which
 * may queue them. The L1 cache lets a run of mappings in one 2 MiB region
 * queue without a walk (and so without a sync).
 */
#include "errno.h"
#include "lib.h"
#include "pgtable.h"

/* The table below entry idx of table (a level-`level` table), made if absent. */
static phys_addr_t next_table(struct arch_aspace *as, phys_addr_t table,
			      unsigned level, uintptr_t va, bool create)
{
	unsigned idx = PT_INDEX(va, level);
	pte_t e = pt_table_view(table)[idx];
	phys_addr_t t;

	if (e & PTE_PRESENT)
		return pt_entry_addr(e);
	if (!create || !(t = pt_table_new()))
		return 0;
	e = pt_entry_make(t, PTE_TABLE);
	if (level == 4)
		pt_root_set(as, idx, e);
	else
		pt_entry_set(table, idx, e);
	return t;
}

phys_addr_t pt_l1_of(struct arch_aspace *as, uintptr_t va, bool create)
{
	uintptr_t base = ALIGN_DOWN(va, PT_SPAN(2));
	phys_addr_t t = as->l4;

	if (as->l1 && as->l1_va == base)
		return as->l1;
	pt_sync();
	for (unsigned level = 4; level > 1 && t; level--)
		t = next_table(as, t, level, va, create);
	if (t) {
		as->l1_va = base;
		as->l1 = t;
	}
	return t;
}

int pt_map(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, uint64_t flags)
{
	phys_addr_t l1 = pt_l1_of(as, va, true);

	if (!l1)
		return -ENOMEM;
	pt_entry_set(l1, PT_INDEX(va, 1), pt_entry_make(pa, flags));
	return 0;
}

static uint64_t user_flags(unsigned prot)
{
	uint64_t flags = PTE_PRESENT | PTE_USER | PTE_ACCESSED;

	if (prot & PROT_COW)
		return flags | PTE_COW;
	return prot & PROT_WRITE ? flags | PTE_RW | PTE_DIRTY : flags;
}

static unsigned entry_prot(pte_t e)
{
	return (e & PTE_RW ? PROT_WRITE : 0) | (e & PTE_COW ? PROT_COW : 0) |
	       (e & PTE_FOREIGN ? PROT_FOREIGN : 0);
}

int arch_map_page(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, unsigned prot)
{
	return pt_map(as, va, pa, user_flags(prot));
}

int arch_remap_page(struct arch_aspace *as, uintptr_t va, phys_addr_t pa, unsigned prot)
{
	int rc = pt_map(as, va, pa, user_flags(prot));

	if (!rc)
		pt_invalidate(va);
	return rc;
}

pte_t pt_leaf(struct arch_aspace *as, uintptr_t va, phys_addr_t *l1)
{
	pte_t e;

	*l1 = pt_l1_of(as, va, false);
	if (!*l1)
		return 0;
	pt_sync();
	e = pt_table_view(*l1)[PT_INDEX(va, 1)];
	return e & PTE_PRESENT ? e : 0;
}

phys_addr_t arch_lookup_page(struct arch_aspace *as, uintptr_t va, unsigned *prot)
{
	phys_addr_t l1;
	pte_t e = pt_leaf(as, va, &l1);

	if (prot)
		*prot = entry_prot(e);
	return e && !(e & PTE_FOREIGN) ? pt_entry_addr(e) : 0;
}

/* The end of the span of va's top table whose entry is missing. */
static uintptr_t hole_end(struct arch_aspace *as, uintptr_t va)
{
	phys_addr_t t = as->l4;
	unsigned level = 4;

	pt_sync();
	for (; level > 1; level--) {
		pte_t e = pt_table_view(t)[PT_INDEX(va, level)];

		if (!(e & PTE_PRESENT))
			break;
		t = pt_entry_addr(e);
	}
	return ALIGN_DOWN(va, PT_SPAN(level)) + PT_SPAN(level);
}

phys_addr_t arch_unmap_page(struct arch_aspace *as, uintptr_t va, uintptr_t *next)
{
	phys_addr_t l1;
	pte_t e = pt_leaf(as, va, &l1);

	*next = l1 ? va + PAGE_SIZE : hole_end(as, va);
	if (!e)
		return 0;
	pt_entry_set(l1, PT_INDEX(va, 1), 0);
	pt_invalidate(va);
	return e & PTE_FOREIGN ? 0 : pt_entry_addr(e);
}

static int visit(struct pt_visitor *v, phys_addr_t table, unsigned level, uintptr_t base)
{
	const pte_t *t = pt_table_view(table);
	unsigned n = level == 4 ? L4_USER_SLOTS : PT_ENTRIES;
	int rc = 0;

	for (unsigned i = 0; i < n && !rc; i++) {
		uintptr_t va = base + i * PT_SPAN(level);

		if (!(t[i] & PTE_PRESENT))
			continue;
		if (level > 1)
			rc = visit(v, pt_entry_addr(t[i]), level - 1, va);
		else if (v->page)
			rc = v->page(v, va, t[i]);
	}
	if (!rc && level < 4 && v->table)
		v->table(v, table);
	return rc;
}

int pt_visit_user(struct arch_aspace *as, struct pt_visitor *v)
{
	pt_sync();
	return visit(v, as->l4, 4, 0);
}

struct page_visitor {
	struct pt_visitor v;
	int (*fn)(void *ctx, uintptr_t va, phys_addr_t pa, unsigned prot);
	void *ctx;
};

static int call_page_fn(struct pt_visitor *v, uintptr_t va, pte_t e)
{
	struct page_visitor *pv = container_of(v, struct page_visitor, v);

	if (e & PTE_FOREIGN)
		return 0;
	return pv->fn(pv->ctx, va, pt_entry_addr(e), entry_prot(e));
}


int arch_for_each_page(struct arch_aspace *as,
		       int (*fn)(void *ctx, uintptr_t va, phys_addr_t pa, unsigned prot),
		       void *ctx)
{
	struct page_visitor pv = { .v.page = call_page_fn, .fn = fn, .ctx = ctx };

	return pt_visit_user(as, &pv.v);
}
