#include "foreign.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

#define FIRST_MIB_FRAMES 0x100

xen_pfn_t m2p_frame(void)
{
	xen_pfn_t mfn;
	struct xen_machphys_mfn_list list = { .max_extents = 1 };

	set_xen_guest_handle(list.extent_start, &mfn);
	if (HYPERVISOR_memory_op(XENMEM_machphys_mfn_list, &list) || list.nr_extents != 1)
		return 0;
	return mfn;
}

xen_pfn_t xen_l3_frame(void)
{
	return PTE_MFN(*boot_pte(MACH2PHYS_VIRT_START, 4));
}

xen_pfn_t unowned_ram_frame(void)
{
	long max_ram_page = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
	xen_pfn_t mfn;

	/* shared_info is in no p2m either, but it is the guest's own page:
	 * Xen shares it with the guest, which maps and writes it. */
	xen_pfn_t shared_info = xen_start_info->shared_info >> PAGE_SHIFT;

	for (mfn = FIRST_MIB_FRAMES; (long)mfn < max_ram_page; mfn++)
		if (!frame_is_own(mfn) && mfn != shared_info)
			return mfn;
	return 0;
}
