/*
 * Memory at boot. Xen's builder mapped pfn i at KERNBASE + i*4K for the
 * initial region only (pv-abi.md §1.2: image, initrd, p2m list, start_info,
 * its page tables, a boot stack, then padding of at least 512 KiB to a
 * 4 MiB boundary). The padding is the first memory the kernel can use: it
 * holds the direct map's page tables. Then the kernel moves to page tables
 * of its own, gives the builder's back, and starts the page allocator.
 */
#include "lib.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "printk.h"
#include "xenpv.h"

#define PADDING_MIN (512UL << 10)
#define ALIAS_ALIGN (4UL << 20)

/* The builder's tables, and pfns: [pt_first, pt_end) its tables, pt_end
 * its boot stack, [scratch_first, alias_end) the padding. */
static struct arch_aspace builder_as;
static unsigned long pt_first, pt_end, scratch_first, scratch_next, alias_end;
/* Past the alias: pages the direct map covers, used once the padding is gone. */
static unsigned long high_next;
static bool alias_live = true, allocator_ready;

struct arch_aspace *boot_alias(void)
{
	return alias_live ? &builder_as : NULL;
}

void *page_view(phys_addr_t pa)
{
	if (alias_live && pa < (phys_addr_t)alias_end << PAGE_SHIFT)
		return (void *)(KERNBASE + pa);
	return phys_to_virt(pa);
}

/* While the direct map is built, every page handed out is one of its tables. */
bool boot_page_is_table(unsigned long pfn)
{
	return (pfn >= pt_first && pfn < pt_end) || (pfn >= scratch_first && pfn < scratch_next);
}

/* n zeroed contiguous pages, from the padding or else from the direct map. */
static phys_addr_t boot_pages(unsigned long n)
{
	phys_addr_t pa;

	if (scratch_next + n <= alias_end) {
		pa = (phys_addr_t)scratch_next << PAGE_SHIFT;
		scratch_next += n;
	} else {
		if (high_next + n > physmap_end_pfn)
			panic("out of memory while building the direct map");
		pa = (phys_addr_t)high_next << PAGE_SHIFT;
		high_next += n;
		pt_sync();
	}
	memset(page_view(pa), 0, n * PAGE_SIZE);
	return pa;
}

phys_addr_t table_page(void)
{
	void *p;

	if (!allocator_ready)
		return boot_pages(1);
	p = page_alloc_zeroed();
	return p ? virt_to_phys(p) : 0;
}

static void find_layout(void)
{
	phys_addr_t pt_base = xen_start.pt_base - KERNBASE;

	pt_first = pt_base >> PAGE_SHIFT;
	pt_end = pt_first + xen_start.nr_pt_frames;
	scratch_first = scratch_next = pt_end + 1;
	alias_end = ALIGN_UP((scratch_first << PAGE_SHIFT) + PADDING_MIN, ALIAS_ALIGN) >> PAGE_SHIFT;
	high_next = alias_end;
	builder_as = kernel_as = (struct arch_aspace){ .l4 = pt_base };
}

/* The builder's L4 is pinned; unpinned, its tables become plain pages. */
static void leave_builder_tables(phys_addr_t l4)
{
	struct mmuext_op ops[] = {
		{ .cmd = MMUEXT_NEW_BASEPTR, .arg1.mfn = table_mfn(l4) },
		{ .cmd = MMUEXT_NEW_USER_BASEPTR, .arg1.mfn = 0 },
		{ .cmd = MMUEXT_UNPIN_TABLE, .arg1.mfn = table_mfn(builder_as.l4) },
	};

	mmuext_ops(ops, ARRAY_SIZE(ops));
	alias_live = false;
	for (unsigned long pfn = pt_first; pfn < pt_end; pfn++)
		pt_protect((phys_addr_t)pfn << PAGE_SHIFT, true);
	pt_sync();
}

static void start_page_allocator(void)
{
	unsigned long nr = xen_start.nr_pages;
	size_t bytes = page_alloc_map_size(nr);
	phys_addr_t bitmap = boot_pages(ALIGN_UP(bytes, PAGE_SIZE) >> PAGE_SHIFT);

	page_alloc_init(phys_to_virt(bitmap), nr);
	page_range_free((phys_addr_t)scratch_next << PAGE_SHIFT, (phys_addr_t)alias_end << PAGE_SHIFT);
	page_range_free((phys_addr_t)high_next << PAGE_SHIFT, (phys_addr_t)nr << PAGE_SHIFT);
	/* The builder's tables and, after them, its boot stack. */
	page_range_free((phys_addr_t)pt_first << PAGE_SHIFT, (phys_addr_t)(pt_end + 1) << PAGE_SHIFT);
	allocator_ready = true;
}

void boot_mm_init(void)
{
	p2m_init();
	find_layout();
	physmap_build();
	p2m_relocate();
	leave_builder_tables(kernel_tables_build());
	map_shared_info();
	console_map_ring();
	start_page_allocator();
}
