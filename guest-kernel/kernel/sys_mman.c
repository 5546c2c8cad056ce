/*
 * Memory system calls: brk, and mmap/munmap of anonymous private memory
 * (regions whose pages are made on first touch) and of devices that map
 * pages themselves (privcmd). Mapping a regular file or sharing anonymous
 * memory is not implemented: mmap says ENODEV and ENOSYS for them.
 */
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "lib.h"
#include "mm.h"
#include "proc.h"
#include "syscall.h"

long sys_brk(const unsigned long *arg)
{
	return (long)mm_brk(current->mm, arg[0]);
}

static bool range_free(const struct mm *mm, uintptr_t start, size_t len)
{
	uintptr_t floor = ALIGN_UP(mm->brk, PAGE_SIZE);

	return start >= floor && start <= USER_HEAP_MAX && len <= USER_HEAP_MAX - start &&
	       !vma_overlaps(mm, start, start + len);
}

/* The hint if it is free, else the highest gap below the stack. */
static uintptr_t place(const struct mm *mm, uintptr_t hint, size_t len)
{
	hint = ALIGN_UP(hint, PAGE_SIZE);
	if (hint && range_free(mm, hint, len))
		return hint;
	return vma_gap(mm, len, ALIGN_UP(mm->brk, PAGE_SIZE), USER_HEAP_MAX);
}

/* MAP_FIXED replaces whatever was there; the region list keeps room for
 * the split and the insertion that may take, so nothing fails halfway. */
static long map_fixed(struct mm *mm, uintptr_t start, size_t len, unsigned prot)
{
	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	if (start < USER_MIN)
		return -EPERM;
	if (start > USER_HEAP_MAX || len > USER_HEAP_MAX - start || mm->nr_vmas + 2 > MM_VMAS)
		return -ENOMEM;
	vma_remove(mm, start, start + len);
	mm_unmap(mm, start, start + len);
	vma_insert(mm, start, start + len, prot);
	return (long)start;
}

/* A device that maps its pages at once (xenbus_backend) does it into the
 * new region; if it cannot, the region goes again. */
static long map_device(const struct file *f, long start, size_t len, unsigned long prot)
{
	int rc;

	if (start < 0 || !f || !f->ops->mmap)
		return start;
	rc = f->ops->mmap((struct file *)f, (uintptr_t)start, len, (unsigned)prot);
	if (!rc)
		return start;
	if (!vma_remove(current->mm, (uintptr_t)start, (uintptr_t)start + len))
		mm_unmap(current->mm, (uintptr_t)start, (uintptr_t)start + len);
	return rc;
}

/* Linux's checks, in its order where several apply. */
long sys_mmap(const unsigned long *arg)
{
	uintptr_t addr = arg[0], start;
	size_t len = ALIGN_UP(arg[1], PAGE_SIZE);
	unsigned long prot = arg[2], flags = arg[3], type = flags & MAP_TYPE;
	struct mm *mm = current->mm;
	struct file *f = NULL;

	if (!arg[1] || (arg[5] & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (!len || len > USER_END)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC) ||
	    (type != MAP_PRIVATE && type != MAP_SHARED))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		f = fd_file((int)arg[4]);
		if (!f)
			return -EBADF;
		if (!f->ops->maps_pages)
			return -ENODEV;
		prot |= VMA_DEVICE;
	} else if (type == MAP_SHARED) {
		return -ENOSYS;
	} else if (!mm_may_grow(len)) {
		return -ENOMEM;
	}
	if (flags & MAP_FIXED)
		return map_device(f, map_fixed(mm, addr, len, prot), len, prot);
	start = place(mm, addr, len);
	if (!start)
		return -ENOMEM;
	return map_device(f, vma_insert(mm, start, start + len, prot) ?: (long)start, len, prot);
}

long sys_munmap(const unsigned long *arg)
{
	uintptr_t start = arg[0];
	size_t len = ALIGN_UP(arg[1], PAGE_SIZE);
	struct mm *mm = current->mm;
	int rc;

	if ((start & (PAGE_SIZE - 1)) || !len || start >= USER_END || len > USER_END - start)
		return -EINVAL;
	rc = vma_remove(mm, start, start + len);
	if (!rc)
		mm_unmap(mm, start, start + len);
	return rc;
}
