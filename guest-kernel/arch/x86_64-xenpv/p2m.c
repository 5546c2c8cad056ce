/*
 * Pseudo-physical to machine frame numbers and back. Page tables and
 * hypercalls name machine frames; the rest of the kernel names pages by
 * their pseudo-physical address, contiguous from 0 like a machine's RAM.
 * The p2m list is the builder's (start_info.mfn_list); the M2P is Xen's,
 * read-only at MACH2PHYS_VIRT_START in every address space.
 */
#include "printk.h"
#include "xenpv.h"

static const xen_pfn_t *p2m;

void p2m_init(void)
{
	p2m = (const xen_pfn_t *)xen_start.mfn_list;
}

/* Once the direct map exists the list is read there: the builder's
 * mapping of it goes with the builder's page tables. */
void p2m_relocate(void)
{
	p2m = phys_to_virt(xen_start.mfn_list - KERNBASE);
}

xen_pfn_t pfn_to_mfn(unsigned long pfn)
{
	BUG_ON(pfn >= xen_start.nr_pages);
	return p2m[pfn];
}

unsigned long mfn_to_pfn(xen_pfn_t mfn)
{
	return ((const unsigned long *)MACH2PHYS_VIRT_START)[mfn];
}
