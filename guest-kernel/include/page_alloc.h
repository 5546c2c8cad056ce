/*
 * Pages of (pseudo-)physical memory, named by their direct-map address.
 * One bit per page; nothing is written into free pages, so a port may
 * hand over pages that are mapped read-only at the moment.
 */
#ifndef PAGE_ALLOC_H
#define PAGE_ALLOC_H

#include "types.h"

/* map: page_alloc_map_size(nr_pages) bytes; every page starts in use. */
size_t page_alloc_map_size(unsigned long nr_pages);
void page_alloc_init(void *map, unsigned long nr_pages);
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

/*
 * A user page that several address spaces map (fork shares pages until
 * one writes): page_get() for each mapping beyond the first, page_put()
 * for each mapping dropped; the last put frees the page.
 */
void page_get(phys_addr_t pa);
void page_put(phys_addr_t pa);
bool page_shared(phys_addr_t pa);

#endif
