/*
 * Guest memory is reached through the guest's own page tables (its L4 is
 * loaded while we run on its behalf), so a copy faults exactly where the
 * guest itself would. The fault is caught through the exception table.
 */
#include "errno.h"
#include "guest_access.h"
#include "smap.h"
#include <xen/xen.h>

/* Guests own the lower canonical half and the upper half above Xen's
 * reserved slots. */
bool guest_range_ok(unsigned long va, size_t len)
{
	const unsigned long lower_end = 1UL << 47;
	unsigned long end = va + len;

	if (end < va)
		return false;
	if (end <= lower_end)
		return true;
	return va >= HYPERVISOR_VIRT_END;
}

/* Returns the number of bytes not copied. A fault resumes after the
 * copy, so the clac always runs. */
static size_t copy_with_fixup(void *dst, const void *src, size_t n)
{
	stac();
	__asm__ volatile("1:\trep movsb\n"
			 "2:\n"
			 ".pushsection .ex_table, \"a\"\n\t"
			 ".balign 8\n\t"
			 ".quad 1b, 2b\n"
			 ".popsection"
			 : "+D"(dst), "+S"(src), "+c"(n) :: "memory");
	clac();
	return n;
}

int copy_from_guest_va(void *dst, unsigned long src, size_t len)
{
	if (!guest_range_ok(src, len) || copy_with_fixup(dst, (const void *)src, len))
		return -EFAULT;
	return 0;
}

int copy_to_guest_va(unsigned long dst, const void *src, size_t len)
{
	if (!guest_range_ok(dst, len) || copy_with_fixup((void *)dst, src, len))
		return -EFAULT;
	return 0;
}
