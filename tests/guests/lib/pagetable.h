/* x86 page-table entry bits; architectural, so not in the Xen headers. */
#ifndef GUEST_PAGETABLE_H
#define GUEST_PAGETABLE_H

#define PAGE_SHIFT 12
#define PTE_PRESENT 0x1UL
#define PTE_RW 0x2UL

#endif
