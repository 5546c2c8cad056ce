/*
 * User address spaces: pages made on first touch, shared by fork until
 * written, and the heap's end (brk). A page's share count (page_get,
 * page_put) says how many address spaces map it.
 */
#include "arch.h"
#include "errno.h"
#include "heap.h"
#include "lib.h"
#include "mm.h"
#include "page_alloc.h"

/* Pages unmapped per commit: they are let go only once the unmapping is in force. */
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

/* A private writable page becomes copy-on-write in both spaces. */
static int share_page(void *ctx, uintptr_t va, phys_addr_t pa, unsigned prot)
{
	struct mm **pair = ctx;
	int rc = 0;

	if (prot & PROT_WRITE) {
		prot = PROT_COW;
		rc = arch_remap_page(&pair[0]->as, va, pa, prot);
	}
	if (!rc)
		rc = arch_map_page(&pair[1]->as, va, pa, prot);
	if (!rc)
		page_get(pa);
	return rc;
}

struct mm *mm_clone(struct mm *from)
{
	struct mm *mm = mm_create(), *pair[] = { from, mm };
	int rc;

	if (!mm)
		return NULL;
	rc = arch_for_each_page(&from->as, share_page, pair);
	arch_aspace_commit(&from->as);
	if (rc) {
		mm_destroy(mm);
		return NULL;
	}
	arch_aspace_commit(&mm->as);
	mm->brk_start = from->brk_start;
	mm->brk = from->brk;
	for (unsigned i = 0; i < from->nr_vmas; i++)
		if (!(from->vmas[i].prot & VMA_DEVICE))
			mm->vmas[mm->nr_vmas++] = from->vmas[i];
	return mm;
}

void mm_destroy(struct mm *mm)
{
	arch_aspace_destroy(&mm->as);
	kfree(mm);
}

void mm_unmap(struct mm *mm, uintptr_t start, uintptr_t end)
{
	phys_addr_t pages[UNMAP_BATCH];
	uintptr_t va = start;

	while (va < end) {
		unsigned n = 0;

		while (va < end && n < UNMAP_BATCH) {
			phys_addr_t pa = arch_unmap_page(&mm->as, va, &va);

			if (pa)
				pages[n++] = pa;
		}
		arch_aspace_commit(&mm->as);
		while (n)
			page_put(pages[--n]);
	}
}

/* What a page not yet made at va would be mapped with, or -1 if none may be there. */
static int first_touch_prot(const struct mm *mm, uintptr_t va)
{
	const struct vma *v;

	if ((va >= mm->brk_start && va < ALIGN_UP(mm->brk, PAGE_SIZE)) ||
	    (va >= USER_STACK_TOP - USER_STACK_SIZE && va < USER_STACK_TOP))
		return PROT_WRITE;
	v = vma_find(mm, va);
	if (!v || v->prot == PROT_NONE || (v->prot & VMA_DEVICE))
		return -1;
	return (int)(v->prot & PROT_WRITE);
}

static int map_new_page(struct mm *mm, uintptr_t va, unsigned prot)
{
	void *page = page_alloc_zeroed();

	if (!page)
		return -ENOMEM;
	if (arch_map_page(&mm->as, va, virt_to_phys(page), prot)) {
		page_free(page);
		return -ENOMEM;
	}
	arch_aspace_commit(&mm->as);
	return 0;
}

/* The last space to write a shared page takes it over; the others copy it. */
static int unshare(struct mm *mm, uintptr_t va, phys_addr_t pa)
{
	bool shared = page_shared(pa);
	void *copy = shared ? pages_alloc(1) : phys_to_virt(pa);

	if (!copy)
		return -ENOMEM;
	if (shared)
		memcpy(copy, phys_to_virt(pa), PAGE_SIZE);
	/* Replacing an entry needs no new table, so this cannot fail. */
	arch_remap_page(&mm->as, va, virt_to_phys(copy), PROT_WRITE);
	arch_aspace_commit(&mm->as);
	if (shared)
		page_put(pa);
	return 0;
}

int mm_fault(struct mm *mm, uintptr_t va, bool write)
{
	unsigned prot;
	phys_addr_t pa;
	int want;

	va = ALIGN_DOWN(va, PAGE_SIZE);
	pa = arch_lookup_page(&mm->as, va, &prot);
	if (pa)
		return write && (prot & PROT_COW) ? unshare(mm, va, pa) : -EFAULT;
	want = first_touch_prot(mm, va);
	if (want < 0 || (write && !(want & PROT_WRITE)))
		return -EFAULT;
	return map_new_page(mm, va, want);
}

/* Writes through the kernel's mapping, so a shared page is unshared first. */
static void *page_for_write(struct mm *mm, uintptr_t va, int *rc)
{
	unsigned prot;
	phys_addr_t pa = arch_lookup_page(&mm->as, va, &prot);

	*rc = 0;
	if (!pa || !(prot & PROT_WRITE)) {
		*rc = mm_fault(mm, va, true);
		pa = arch_lookup_page(&mm->as, va, NULL);
	}
	return *rc ? NULL : phys_to_virt(pa);
}

int mm_copy_to(struct mm *mm, uintptr_t va, const void *src, size_t n)
{
	int rc = 0;

	while (n && !rc) {
		size_t off = va & (PAGE_SIZE - 1), chunk = MIN(n, PAGE_SIZE - off);
		char *page = page_for_write(mm, va - off, &rc);

		if (page)
			memcpy(page + off, src, chunk);
		va += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return rc;
}

bool mm_may_grow(size_t len)
{
	return len / PAGE_SIZE <= pages_free_count();
}

/* brk(2): the heap grows or shrinks to want; the old end stays on failure. */
uintptr_t mm_brk(struct mm *mm, uintptr_t want)
{
	uintptr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uintptr_t new_end = ALIGN_UP(want, PAGE_SIZE);

	if (want < mm->brk_start || want > USER_HEAP_MAX)
		return mm->brk;
	if (new_end > old_end &&
	    (!mm_may_grow(new_end - old_end) || vma_overlaps(mm, old_end, new_end)))
		return mm->brk;
	if (new_end < old_end)
		mm_unmap(mm, new_end, old_end);
	mm->brk = want;
	return want;
}
