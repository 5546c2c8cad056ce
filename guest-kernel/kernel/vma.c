/*
 * The regions mmap(2) made in an address space: a short array in address
 * order, since a process here holds a handful. Touching neighbours with
 * the same protection merge, so that a run of small mappings takes one
 * slot.
 */
#include "errno.h"
#include "lib.h"
#include "mm.h"

const struct vma *vma_find(const struct mm *mm, uintptr_t va)
{
	for (unsigned i = 0; i < mm->nr_vmas && mm->vmas[i].start <= va; i++)
		if (va < mm->vmas[i].end)
			return &mm->vmas[i];
	return NULL;
}

bool vma_overlaps(const struct mm *mm, uintptr_t start, uintptr_t end)
{
	for (unsigned i = 0; i < mm->nr_vmas; i++)
		if (mm->vmas[i].start < end && start < mm->vmas[i].end)
			return true;
	return false;
}

/* The index of the first region that ends above va. */
static unsigned first_above(const struct mm *mm, uintptr_t va)
{
	unsigned i = 0;

	while (i < mm->nr_vmas && mm->vmas[i].end <= va)
		i++;
	return i;
}

static void open_slot(struct mm *mm, unsigned i)
{
	memmove(&mm->vmas[i + 1], &mm->vmas[i], (mm->nr_vmas - i) * sizeof(mm->vmas[0]));
	mm->nr_vmas++;
}

static void close_slot(struct mm *mm, unsigned i)
{
	mm->nr_vmas--;
	memmove(&mm->vmas[i], &mm->vmas[i + 1], (mm->nr_vmas - i) * sizeof(mm->vmas[0]));
}

int vma_insert(struct mm *mm, uintptr_t start, uintptr_t end, unsigned prot)
{
	unsigned i = first_above(mm, start);
	struct vma *prev = i ? &mm->vmas[i - 1] : NULL;
	struct vma *next = i < mm->nr_vmas ? &mm->vmas[i] : NULL;
	bool join_prev = prev && prev->end == start && prev->prot == prot;
	bool join_next = next && next->start == end && next->prot == prot;

	if (join_prev && join_next) {
		prev->end = next->end;
		close_slot(mm, i);
	} else if (join_prev) {
		prev->end = end;
	} else if (join_next) {
		next->start = start;
	} else if (mm->nr_vmas == MM_VMAS) {
		return -ENOMEM;
	} else {
		open_slot(mm, i);
		mm->vmas[i] = (struct vma){ .start = start, .end = end, .prot = prot };
	}
	return 0;
}

int vma_remove(struct mm *mm, uintptr_t start, uintptr_t end)
{
	unsigned i = first_above(mm, start);
	struct vma *v = &mm->vmas[i];

	if (i < mm->nr_vmas && v->start < start && v->end > end) {
		if (mm->nr_vmas == MM_VMAS)
			return -ENOMEM;
		open_slot(mm, i);
		v[0].end = start;
		v[1].start = end;
		return 0;
	}
	while (i < mm->nr_vmas && mm->vmas[i].start < end) {
		v = &mm->vmas[i];
		if (v->start < start) {
			v->end = start;
			i++;
		} else if (v->end > end) {
			v->start = end;
			i++;
		} else {
			close_slot(mm, i);
		}
	}
	return 0;
}

uintptr_t vma_gap(const struct mm *mm, size_t len, uintptr_t floor, uintptr_t ceiling)
{
	uintptr_t top = ceiling;

	for (unsigned i = mm->nr_vmas; i-- > 0 && top > floor;) {
		const struct vma *v = &mm->vmas[i];
		uintptr_t low = MAX(v->end, floor);

		if (v->start >= top)
			continue;
		if (low <= top && top - low >= len)
			return top - len;
		top = v->start;
	}
	return top > floor && top - floor >= len ? top - len : 0;
}
