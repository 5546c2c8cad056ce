/*
 * The page allocator: one bit per page (set = in use), first fit from a
 * moving hint. First fit over a bitmap gives contiguous runs (kernel
 * stacks) without a buddy system's bookkeeping. A byte per page counts
 * the address spaces that share a user page beyond its first (fork's
 * copy-on-write), so that the last to let go frees it.
 */
#include "arch.h"
#include "lib.h"
#include "page_alloc.h"
#include "printk.h"
#include "proc.h"

#define BITS 64
#define NOT_FOUND (~0UL)

/* A page is shared by at most every process. */
_Static_assert(NPROC <= UINT8_MAX + 1, "share counts are bytes");

static uint64_t *bitmap;
static uint8_t *sharers;
static unsigned long nr_pages, nr_free, hint;

static size_t bitmap_size(unsigned long pages)
{
	return ALIGN_UP(pages, BITS) / 8;
}

size_t page_alloc_map_size(unsigned long pages)
{
	return bitmap_size(pages) + pages;
}

void page_alloc_init(void *map, unsigned long pages)
{
	bitmap = map;
	sharers = (uint8_t *)map + bitmap_size(pages);
	nr_pages = pages;
	memset(bitmap, 0xff, bitmap_size(pages));
	memset(sharers, 0, pages);
}

static bool in_use(unsigned long pfn)
{
	return bitmap[pfn / BITS] & (1UL << (pfn % BITS));
}

static void mark(unsigned long pfn, bool used)
{
	if (used)
		bitmap[pfn / BITS] |= 1UL << (pfn % BITS);
	else
		bitmap[pfn / BITS] &= ~(1UL << (pfn % BITS));
}

void page_range_free(phys_addr_t start, phys_addr_t end)
{
	for (unsigned long pfn = start >> PAGE_SHIFT; pfn < end >> PAGE_SHIFT; pfn++) {
		BUG_ON(pfn >= nr_pages || !in_use(pfn));
		mark(pfn, false);
		nr_free++;
	}
}

/* The first run of n free pages in [from, to), skipping full words whole. */
static unsigned long find_run(unsigned long from, unsigned long to, unsigned long n)
{
	unsigned long run = 0;

	for (unsigned long pfn = from; pfn < to; pfn++) {
		if (pfn % BITS == 0 && bitmap[pfn / BITS] == ~0UL && pfn + BITS <= to) {
			pfn += BITS - 1;
			run = 0;
		} else if (in_use(pfn)) {
			run = 0;
		} else if (++run == n) {
			return pfn + 1 - n;
		}
	}
	return NOT_FOUND;
}

void *pages_alloc(unsigned long n)
{
	unsigned long pfn;

	if (n > nr_free)
		return NULL;
	pfn = find_run(hint, nr_pages, n);
	if (pfn == NOT_FOUND)
		pfn = find_run(0, MIN(hint + n, nr_pages), n);
	if (pfn == NOT_FOUND)
		return NULL;
	for (unsigned long i = 0; i < n; i++)
		mark(pfn + i, true);
	nr_free -= n;
	hint = pfn + n;
	return phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT);
}

void pages_free(void *p, unsigned long n)
{
	phys_addr_t pa = virt_to_phys(p);

	page_range_free(pa, pa + n * PAGE_SIZE);
}

void *page_alloc_zeroed(void)
{
	void *p = pages_alloc(1);

	if (p)
		memset(p, 0, PAGE_SIZE);
	return p;
}

void page_free(void *p)
{
	pages_free(p, 1);
}

void page_get(phys_addr_t pa)
{
	unsigned long pfn = pa >> PAGE_SHIFT;

	BUG_ON(pfn >= nr_pages || !in_use(pfn) || sharers[pfn] == UINT8_MAX);
	sharers[pfn]++;
}

void page_put(phys_addr_t pa)
{
	unsigned long pfn = pa >> PAGE_SHIFT;

	BUG_ON(pfn >= nr_pages || !in_use(pfn));
	if (sharers[pfn])
		sharers[pfn]--;
	else
		page_free(phys_to_virt(pa));
}

bool page_shared(phys_addr_t pa)
{
	return sharers[pa >> PAGE_SHIFT] != 0;
}

unsigned long pages_free_count(void)
{
	return nr_free;
}

unsigned long pages_total_count(void)
{
	return nr_pages;
}
