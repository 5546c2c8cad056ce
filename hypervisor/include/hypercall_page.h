#ifndef XENITH_HYPERCALL_PAGE_H
#define XENITH_HYPERCALL_PAGE_H
#include <stdint.h>
/* Fills a guest's hypercall page (4 KiB) with Xen's stubs. */
void write_hypercall_page(uint8_t *page);
#endif
