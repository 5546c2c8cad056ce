/* x86-64 page-table entries (hardware facts, not Xen ABI). */
#ifndef XENITH_PAGE_H
#define XENITH_PAGE_H

#include <stdint.h>

#define _PAGE_PRESENT   (1UL << 0)
#define _PAGE_RW        (1UL << 1)
#define _PAGE_USER      (1UL << 2)
#define _PAGE_PWT       (1UL << 3)
#define _PAGE_PCD       (1UL << 4)
#define _PAGE_ACCESSED  (1UL << 5)
#define _PAGE_DIRTY     (1UL << 6)
#define _PAGE_PSE       (1UL << 7)
#define _PAGE_PAT       (1UL << 7)     /* in an L1 entry */
#define _PAGE_GLOBAL    (1UL << 8)
#define _PAGE_AVAIL     (7UL << 9)
#define _PAGE_GNTTAB    (1UL << 62)     /* Xen's mark of a grant mapping */
#define _PAGE_NX        (1UL << 63)

#define PADDR_BITS      52
#define PTE_ADDR_MASK   (((1UL << PADDR_BITS) - 1) & ~0xfffUL)
#define PTE_FLAGS_MASK  (~PTE_ADDR_MASK)

#define PT_ENTRIES      512
#define L1_SHIFT        12
#define L2_SHIFT        21
#define L3_SHIFT        30
#define L4_SHIFT        39

static inline unsigned pt_index(unsigned long va, unsigned shift) { return (va >> shift) & 511; }
static inline unsigned long pte_mfn(uint64_t pte) { return (pte & PTE_ADDR_MASK) >> 12; }
static inline uint64_t pte_make(unsigned long mfn, uint64_t flags) { return ((uint64_t)mfn << 12) | flags; }

#endif
