#include <stdbool.h>

#include "foreign.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"
#include <xen/grant_table.h>

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

#define MAX_GRANT_FRAMES 4

/* shared_info and the grant-table frames are in no p2m either, but they
 * are the guest's own pages: the hypervisor shares them with the guest,
 * which maps and writes them. */
static bool shared_with_guest(xen_pfn_t mfn)
{
	xen_pfn_t frames[MAX_GRANT_FRAMES];
	struct gnttab_setup_table setup = { .dom = DOMID_SELF, .nr_frames = 1 };
	unsigned int i;

	if (mfn == xen_start_info->shared_info >> PAGE_SHIFT)
		return true;
	set_xen_guest_handle(setup.frame_list, frames);
	if (hypercall_by_number(__HYPERVISOR_grant_table_op, GNTTABOP_setup_table,
				(unsigned long)&setup, 1, 0, 0) || setup.status)
		return false;
	for (i = 0; i < setup.nr_frames; i++)
		if (frames[i] == mfn)
			return true;
	return false;
}

xen_pfn_t unowned_ram_frame(void)
{
	long max_ram_page = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
	xen_pfn_t mfn;

	for (mfn = FIRST_MIB_FRAMES; (long)mfn < max_ram_page; mfn++)
		if (!frame_is_own(mfn) && !shared_with_guest(mfn))
			return mfn;
	return 0;
}
