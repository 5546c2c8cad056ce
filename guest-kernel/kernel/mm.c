/*
 * User address spaces: regions of zeroed pages, and the heap's end (brk).
 * Every user page belongs to exactly one address space, which frees it.
 */
#include "arch.h"
#include "errno.h"
#include "heap.h"
#include "lib.h"
#include "mm.h"
#include "page_alloc.h"

/* Pages unmapped per commit: they are freed only once the unmapping is in force. */
#define UNMAP_BATCH 64

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));

	if (mm && arch_aspace_init(&mm->as)) {
		kfree(mm);
		mm = NULL;
	}
	return mm;
}

static int copy_page(void *ctx, uintptr_t va, phys_addr_t pa, unsigned prot)
{
	struct mm *to = ctx;
	void *page = pages_alloc(1);

	if (!page)
		return -ENOMEM;
	memcpy(page, phys_to_virt(pa), PAGE_SIZE);
	if (arch_map_page(&to->as, va, virt_to_phys(page), prot)) {
		page_free(page);
		return -ENOMEM;
	}
	return 0;
}

struct mm *mm_clone(struct mm *from)
{
	struct mm *mm = mm_create();

	if (!mm)
		return NULL;
	if (arch_for_each_page(&from->as, copy_page, mm)) {
		mm_destroy(mm);
		return NULL;
	}
	arch_aspace_commit(&mm->as);
	mm->brk_start = from->brk_start;
	mm->brk = from->brk;
	return mm;
}

void mm_destroy(struct mm *mm)
{
	arch_aspace_destroy(&mm->as);
	kfree(mm);
}

int mm_map_zeroed(struct mm *mm, uintptr_t start, uintptr_t end, unsigned prot)
{
	for (uintptr_t va = start; va < end; va += PAGE_SIZE) {
		void *page = page_alloc_zeroed();

		if (!page || arch_map_page(&mm->as, va, virt_to_phys(page), prot)) {
			if (page)
				page_free(page);
			mm_unmap(mm, start, va);
			return -ENOMEM;
		}
	}
	arch_aspace_commit(&mm->as);
	return 0;
}

void mm_unmap(struct mm *mm, uintptr_t start, uintptr_t end)
{
	phys_addr_t pages[UNMAP_BATCH];
	uintptr_t va = start;

	while (va < end) {
		unsigned n = 0;

		for (; va < end && n < UNMAP_BATCH; va += PAGE_SIZE) {
			phys_addr_t pa = arch_unmap_page(&mm->as, va);

			if (pa)
				pages[n++] = pa;
		}
		arch_aspace_commit(&mm->as);
		while (n)
			page_free(phys_to_virt(pages[--n]));
	}
}

int mm_copy_to(struct mm *mm, uintptr_t va, const void *src, size_t n)
{
	while (n) {
		size_t off = va & (PAGE_SIZE - 1), chunk = MIN(n, PAGE_SIZE - off);
		phys_addr_t pa = arch_lookup_page(&mm->as, va - off);

		if (!pa)
			return -EFAULT;
		memcpy((char *)phys_to_virt(pa) + off, src, chunk);
		va += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return 0;
}

/* brk(2): the heap grows or shrinks to want; the old end stays on failure. */
uintptr_t mm_brk(struct mm *mm, uintptr_t want)
{
	uintptr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uintptr_t new_end = ALIGN_UP(want, PAGE_SIZE);

	if (want < mm->brk_start || want > USER_HEAP_MAX)
		return mm->brk;
	if (new_end > old_end && mm_map_zeroed(mm, old_end, new_end, PROT_WRITE))
		return mm->brk;
	if (new_end < old_end)
		mm_unmap(mm, new_end, old_end);
	mm->brk = want;
	return want;
}
