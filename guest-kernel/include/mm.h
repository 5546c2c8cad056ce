/*
 * A process's user address space: the port's page tables plus what the
 * kernel knows about the regions in it. Every page is mapped when the
 * region is made (no demand paging yet).
 */
#ifndef MM_H
#define MM_H

#include "arch.h"

/* Linux's x86-64 stack top: one guard page below the end of user space. */
#define USER_STACK_TOP (USER_END - PAGE_SIZE)
#define USER_STACK_SIZE (64 * 1024)
/* The heap may grow up to this far below the stack; nor may a program
 * be loaded above that. */
#define USER_STACK_GAP (8UL << 20)
#define USER_HEAP_MAX (USER_STACK_TOP - USER_STACK_SIZE - USER_STACK_GAP)

struct mm {
	struct arch_aspace as;
	uintptr_t brk_start, brk;
};

struct mm *mm_create(void);
/* A copy of every page of from, or NULL if memory is short. */
struct mm *mm_clone(struct mm *from);
void mm_destroy(struct mm *mm);
int mm_map_zeroed(struct mm *mm, uintptr_t start, uintptr_t end, unsigned prot);
void mm_unmap(struct mm *mm, uintptr_t start, uintptr_t end);
uintptr_t mm_brk(struct mm *mm, uintptr_t want);
/* Copies into mm's pages at va through the kernel's mapping (mm need not
 * be loaded); -EFAULT if a page is not mapped. */
int mm_copy_to(struct mm *mm, uintptr_t va, const void *src, size_t n);

#endif
