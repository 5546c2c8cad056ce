/*
 * Memory at boot. Until the page allocator runs, pages come in order from
 * the usable RAM just past the image and the initrd: the kernel's page
 * tables, then the allocator's bitmap. Then every usable page goes to the
 * allocator except the first MiB (the BIOS's), the image, the initrd
 * (generic code frees it once unpacked) and those boot pages.
 */
#include "lib.h"
#include "native.h"
#include "page_alloc.h"
#include "printk.h"

extern char __image_end[];

/* [boot_first, boot_next) handed out, up to boot_end. */
static phys_addr_t boot_first, boot_next, boot_end;
static phys_addr_t initrd_start, initrd_end;
static bool allocator_ready;

/* The first usable page past the image and the initrd that head.S maps. */
static void boot_pages_init(void)
{
	phys_addr_t floor = ALIGN_UP(MAX(virt_to_phys(__image_end), initrd_end), PAGE_SIZE);

	for (unsigned i = 0; i < nr_mem_ranges && !boot_end; i++) {
		phys_addr_t start = MAX(mem_ranges[i].start, floor);
		phys_addr_t end = MIN(mem_ranges[i].end, (phys_addr_t)BOOT_MAP_SIZE);

		if (start < end) {
			boot_first = boot_next = start;
			boot_end = end;
		}
	}
	if (!boot_end)
		panic("no usable memory after the image and the initrd");
}

/* n zeroed contiguous pages, reached through head.S's direct map. */
static phys_addr_t boot_pages(unsigned long n)
{
	phys_addr_t pa = boot_next;

	if (n * PAGE_SIZE > boot_end - boot_next)
		panic("out of memory at boot");
	boot_next += n * PAGE_SIZE;
	memset(phys_to_virt(pa), 0, n * PAGE_SIZE);
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

static bool in_use(phys_addr_t pa)
{
	return pa < virt_to_phys(__image_end) || (pa >= initrd_start && pa < initrd_end) ||
	       (pa >= boot_first && pa < boot_next);
}

/* Frees the runs of [start, end) that hold nothing. */
static void free_usable(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t run = start;

	for (phys_addr_t pa = start; pa < end; pa += PAGE_SIZE) {
		if (!in_use(pa))
			continue;
		if (run < pa)
			page_range_free(run, pa);
		run = pa + PAGE_SIZE;
	}
	if (run < end)
		page_range_free(run, end);
}

static void start_page_allocator(void)
{
	unsigned long nr = 0;
	phys_addr_t bitmap;

	for (unsigned i = 0; i < nr_mem_ranges; i++)
		nr = MAX(nr, (unsigned long)(mem_ranges[i].end >> PAGE_SHIFT));
	bitmap = boot_pages(ALIGN_UP(page_alloc_map_size(nr), PAGE_SIZE) >> PAGE_SHIFT);
	page_alloc_init(phys_to_virt(bitmap), nr);
	for (unsigned i = 0; i < nr_mem_ranges; i++)
		free_usable(mem_ranges[i].start, mem_ranges[i].end);
	allocator_ready = true;
}

void boot_mm_init(const struct boot_info *bi)
{
	initrd_start = bi->initrd_start;
	initrd_end = ALIGN_UP(bi->initrd_start + bi->initrd_len, PAGE_SIZE);
	boot_pages_init();
	kernel_tables_build();
	start_page_allocator();
}
