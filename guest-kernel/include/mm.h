/*
 * A process's user address space: the port's page tables plus what the
 * kernel knows about the regions in it. The program's segments are
 * mapped by exec; the heap, the stack and mmap(2)'s regions get their
 * pages on first touch (mm_fault); fork shares every page and copies a
 * private one when either side first writes it.
 */
#ifndef MM_H
#define MM_H

#include "arch.h"

/* Linux's x86-64 stack top: one guard page below the end of user space. */
#define USER_STACK_TOP (USER_END - PAGE_SIZE)
#define USER_STACK_SIZE (64 * 1024)
/* The heap may grow up to this far below the stack; nor may a program
 * be loaded above that. mmap(2) places regions downward from there. */
#define USER_STACK_GAP (8UL << 20)
#define USER_HEAP_MAX (USER_STACK_TOP - USER_STACK_SIZE - USER_STACK_GAP)
/* Programs may not map the first page, so that NULL faults. */
#define USER_MIN PAGE_SIZE

/* Regions an address space may hold, as Linux's max_map_count limits them. */
#define MM_VMAS 64

/*
 * An mmap(2) region: anonymous and private, its pages made on first
 * touch; or a device's (VMA_DEVICE: privcmd), whose pages the device maps
 * itself, which fork does not pass on.
 */
struct vma {
	uintptr_t start, end;
	unsigned prot;                 /* PROT_READ | PROT_WRITE | PROT_EXEC, or PROT_NONE; VMA_DEVICE */
};
#define VMA_DEVICE 0x1000

struct mm {
	struct arch_aspace as;
	uintptr_t brk_start, brk;
	unsigned nr_vmas;
	struct vma vmas[MM_VMAS];      /* in address order, disjoint */
};

struct mm *mm_create(void);
/* A copy that shares every page with from until one side writes it, or
 * NULL if memory is short. */
struct mm *mm_clone(struct mm *from);
void mm_destroy(struct mm *mm);
/* Drops whatever pages [start, end) holds. */
void mm_unmap(struct mm *mm, uintptr_t start, uintptr_t end);
uintptr_t mm_brk(struct mm *mm, uintptr_t want);
/* Whether len more bytes of memory may be promised: no single growth
 * beyond the memory free now (Linux's heuristic overcommit). */
bool mm_may_grow(size_t len);
/*
 * A page fault at va: makes the page of a region touched first, or
 * copies a shared page written first. 0 if the access may be retried;
 * -EFAULT if nothing may be there; -ENOMEM if memory is short.
 */
int mm_fault(struct mm *mm, uintptr_t va, bool write);
/* Copies into mm's pages at va through the kernel's mapping (mm need not
 * be loaded, nor its pages made yet); -EFAULT outside its regions. */
int mm_copy_to(struct mm *mm, uintptr_t va, const void *src, size_t n);

/* The region list (vma.c). */
const struct vma *vma_find(const struct mm *mm, uintptr_t va);
bool vma_overlaps(const struct mm *mm, uintptr_t start, uintptr_t end);
/* [start, end) must overlap no region; -ENOMEM if the list is full. */
int vma_insert(struct mm *mm, uintptr_t start, uintptr_t end, unsigned prot);
/* Cuts [start, end) out of every region; -ENOMEM, changing nothing, if
 * that splits a region and the list is full. */
int vma_remove(struct mm *mm, uintptr_t start, uintptr_t end);
/* The highest free gap of len bytes in [floor, ceiling), or 0. */
uintptr_t vma_gap(const struct mm *mm, size_t len, uintptr_t floor, uintptr_t ceiling);

#endif
