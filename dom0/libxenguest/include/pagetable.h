/* x86 page-table entry bits and indices; architectural, so not in the Xen headers. */
#ifndef GUEST_PAGETABLE_H
#define GUEST_PAGETABLE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PTE_PRESENT 0x1UL
#define PTE_RW 0x2UL
#define PTE_USER 0x4UL
#define PTE_ACCESSED 0x20UL
#define PTE_DIRTY 0x40UL
#define PTE_PSE 0x80UL
#define PTE_ADDR_MASK 0x000ffffffffff000UL

#define PT_ENTRIES 512
/* Index of va's entry in its level-n table (L1 is level 1). */
#define PT_INDEX(va, level) (((unsigned long)(va) >> (PAGE_SHIFT + 9 * ((level) - 1))) & 511)
/* The first byte one level-n entry maps. */
#define PT_SPAN(level) (1UL << (PAGE_SHIFT + 9 * ((level) - 1)))

#define PTE_MFN(pte) (((pte) & PTE_ADDR_MASK) >> PAGE_SHIFT)
#define MAKE_PTE(mfn, flags) (((unsigned long)(mfn) << PAGE_SHIFT) | (flags))

/* What the domain builder puts in the entries of L2-L4 tables. */
#define PTE_TABLE (PTE_PRESENT | PTE_RW | PTE_USER | PTE_ACCESSED | PTE_DIRTY)

#endif
