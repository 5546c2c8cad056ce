/*
 * Pages of (pseudo-)physical memory, named by their direct-map address.
 * One bit per page; nothing is written into free pages, so a port may
 * hand over pages that are mapped read-only at the moment.
 */
#ifndef PAGE_ALLOC_H
#define PAGE_ALLOC_H

#include "types.h"

/* bitmap: page_alloc_bitmap_size(nr_pages) bytes; every page starts in use. */
size_t page_alloc_bitmap_size(unsigned long nr_pages);
void page_alloc_init(void *bitmap, unsigned long nr_pages);
void page_range_free(phys_addr_t start, phys_addr_t end);

/* n contiguous pages, or NULL. */
void *pages_alloc(unsigned long n);
void pages_free(void *p, unsigned long n);
void *page_alloc_zeroed(void);
void page_free(void *p);
unsigned long pages_free_count(void);
/* Every page the bitmap spans: the kernel's own and, natively, the holes
 * between RAM ranges included. */
unsigned long pages_total_count(void);

#endif
