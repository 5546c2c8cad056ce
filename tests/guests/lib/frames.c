#include "frames.h"
#include "pagetable.h"
#include "test.h"

/* The builder ends the initial mapping on a 4 MiB boundary at least 512 KiB
 * past the boot stack, the page after the page tables (xen.h, start_info). */
#define MAPPING_ALIGN (4UL << 20)
#define MAPPING_PADDING (512UL << 10)

xen_pfn_t pfn_to_mfn(xen_pfn_t pfn)
{
	return ((const xen_pfn_t *)xen_start_info->mfn_list)[pfn];
}

xen_pfn_t mfn_to_pfn(xen_pfn_t mfn)
{
	return ((const xen_pfn_t *)MACH2PHYS_VIRT_START)[mfn];
}

xen_pfn_t virt_to_mfn(const void *va)
{
	return pfn_to_mfn((unsigned long)va >> PAGE_SHIFT);
}

uint64_t virt_to_maddr(const void *va)
{
	return (virt_to_mfn(va) << PAGE_SHIFT) |
	       ((unsigned long)va & (PAGE_SIZE - 1));
}

int frame_is_own(xen_pfn_t mfn)
{
	xen_pfn_t pfn = mfn_to_pfn(mfn);

	return pfn < xen_start_info->nr_pages && pfn_to_mfn(pfn) == mfn;
}

static unsigned long initial_mapping_end(void)
{
	unsigned long stack_end = xen_start_info->pt_base +
				  (xen_start_info->nr_pt_frames + 1) * PAGE_SIZE;

	return (stack_end + MAPPING_PADDING + MAPPING_ALIGN - 1) &
	       ~(MAPPING_ALIGN - 1);
}

xen_pfn_t frame_alloc(void)
{
	static xen_pfn_t next_pfn;

	if (!next_pfn)
		next_pfn = initial_mapping_end() >> PAGE_SHIFT;
	if (next_pfn >= xen_start_info->nr_pages)
		return 0;
	return pfn_to_mfn(next_pfn++);
}
