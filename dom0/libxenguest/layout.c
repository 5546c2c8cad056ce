#include "layout.h"
#include "pagetable.h"

/* libxc lays out 48-bit virtual addresses (VIRT_BITS_X86_64). */
#define VA_MASK ((1UL << 48) - 1)
/* libxc's round_up(addr, mask) is addr | mask: always up to the next end. */
#define MAPPING_END_MASK ((4UL << 20) - 1)
/* The boot stack, and 512 KiB the guest may use for its own early tables. */
#define EXTRA_PAGES (1 + (512UL << 10) / PAGE_SIZE)

/* Bits of VA one level-n table spans. */
static unsigned int table_shift(unsigned int level)
{
	return PAGE_SHIFT + 9 * level;
}

/* count_pgtables: the tables that map [virt_base, last]. */
static unsigned long count_tables(struct pv_layout *l, uint64_t last)
{
	uint64_t from = l->virt_base & VA_MASK, to = last & VA_MASK;
	unsigned long total = 0;
	unsigned int level;

	for (level = 1; level <= 4; level++) {
		l->nr_tables[level] = level == 4 ? 1 :
			(to >> table_shift(level)) - (from >> table_shift(level)) + 1;
		total += l->nr_tables[level];
	}
	return total;
}

static xen_pfn_t pages_for(uint64_t bytes)
{
	return (bytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

long pv_layout_compute(struct pv_layout *l, uint64_t virt_base, uint64_t kend,
		       size_t ramdisk_len, unsigned long nr_pages)
{
	xen_pfn_t next = pages_for(kend - virt_base);
	unsigned long pages = EXTRA_PAGES;
	uint64_t last;

	if (pages_for(ramdisk_len) > nr_pages)
		return -XEN_ENOMEM;
	l->virt_base = virt_base;
	l->ramdisk = next;
	next += pages_for(ramdisk_len);
	l->p2m = next;
	l->p2m_frames = pages_for(nr_pages * sizeof(xen_pfn_t));
	next += l->p2m_frames;
	l->start_info = next++;
	l->xenstore = next++;
	l->console = next++;
	/* alloc_pgtables_pv: grow the mapping until its own tables fit in it. */
	for (;;) {
		last = (virt_base + ((next + pages) << PAGE_SHIFT)) | MAPPING_END_MASK;
		l->nr_pt_frames = count_tables(l, last);
		pages = l->nr_pt_frames + EXTRA_PAGES;
		if (virt_base + ((next + pages) << PAGE_SHIFT) <= last + 1)
			break;
	}
	l->pt = next;
	l->stack = next + l->nr_pt_frames;
	l->end = (last + 1 - virt_base) >> PAGE_SHIFT;
	return l->end > nr_pages ? -XEN_ENOMEM : 0;
}

xen_pfn_t pv_layout_table(const struct pv_layout *l, unsigned int level,
			  unsigned long n)
{
	xen_pfn_t pfn = l->pt + n;
	unsigned int above;

	for (above = 4; above > level; above--)
		pfn += l->nr_tables[above];
	return pfn;
}

static uint64_t l1_entry(const struct pv_layout *l, const xen_pfn_t *p2m,
			 xen_pfn_t pfn)
{
	unsigned long flags = PTE_PRESENT | PTE_RW | PTE_ACCESSED;

	if (pfn >= l->pt && pfn < l->pt + l->nr_pt_frames)
		flags &= ~PTE_RW;
	return MAKE_PTE(p2m[pfn], flags);
}

void pv_layout_fill_table(const struct pv_layout *l, const xen_pfn_t *p2m,
			  unsigned int level, unsigned long n, uint64_t *table)
{
	uint64_t from = l->virt_base & VA_MASK;
	uint64_t end = from + (l->end << PAGE_SHIFT);
	uint64_t va = ((from >> table_shift(level)) + n) << table_shift(level);
	unsigned int i;

	for (i = 0; i < PT_ENTRIES; i++, va += PT_SPAN(level)) {
		unsigned long child;

		if (va + PT_SPAN(level) <= from || va >= end)
			table[i] = 0;
		else if (level == 1)
			table[i] = l1_entry(l, p2m, (va - from) >> PAGE_SHIFT);
		else {
			child = (va >> table_shift(level - 1)) -
				(from >> table_shift(level - 1));
			table[i] = MAKE_PTE(p2m[pv_layout_table(l, level - 1, child)],
					    PTE_TABLE);
		}
	}
}
