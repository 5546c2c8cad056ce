/*
 * The x86-64 architecture as both ports see it: pages, page-table entry
 * bits and the few instructions the kernel needs that C cannot say.
 */
#ifndef X86_64_H
#define X86_64_H

#include "types.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)

#define PTE_PRESENT 0x1UL
#define PTE_RW 0x2UL
#define PTE_USER 0x4UL
#define PTE_ACCESSED 0x20UL
#define PTE_DIRTY 0x40UL
/* Software-available bits (Xen passes bits 9-11 through): PROT_COW, and
 * a page of another domain's (PROT_FOREIGN). */
#define PTE_COW 0x200UL
#define PTE_FOREIGN 0x400UL
#define PTE_ADDR_MASK 0x000ffffffffff000UL

/* What an L2-L4 entry carries: the leaf entries decide the access. */
#define PTE_TABLE (PTE_PRESENT | PTE_RW | PTE_USER | PTE_ACCESSED | PTE_DIRTY)

#define PT_ENTRIES 512
/* Index of va's entry in its level-n table (L1 is level 1). */
#define PT_INDEX(va, level) (((uintptr_t)(va) >> (PAGE_SHIFT + 9 * ((level) - 1))) & 511)
/* How much one level-n entry maps. */
#define PT_SPAN(level) (1UL << (PAGE_SHIFT + 9 * ((level) - 1)))
/* L4 slots below this one map user space. */
#define L4_USER_SLOTS 256

#define X86_EFLAGS_CF 0x1UL
#define X86_EFLAGS_PF 0x4UL
#define X86_EFLAGS_AF 0x10UL
#define X86_EFLAGS_ZF 0x40UL
#define X86_EFLAGS_SF 0x80UL
#define X86_EFLAGS_TF 0x100UL
#define X86_EFLAGS_IF 0x200UL
#define X86_EFLAGS_DF 0x400UL
#define X86_EFLAGS_OF 0x800UL
#define X86_EFLAGS_RF 0x10000UL
#define X86_EFLAGS_AC 0x40000UL

#define X86_EXC_PF 14
/* A page fault's error code: the access was a write. */
#define PF_WRITE 0x2UL

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif
