#include <stddef.h>

#include "domu_map.h"
#include "hypercall.h"
#include "ptables.h"

/* mmu_update does not flush: the page's old translation may be cached. */
long domu_map(void *va, domid_t domid, xen_pfn_t mfn)
{
	mmu_update_t req = {
		.ptr = boot_pte_maddr((unsigned long)va, 1) | MMU_NORMAL_PT_UPDATE,
		.val = MAKE_PTE(mfn, PTE_PRESENT | PTE_RW),
	};
	long rc = HYPERVISOR_mmu_update(&req, 1, NULL, domid);

	return rc ? rc : invlpg((unsigned long)va);
}

long domu_unmap(void *va)
{
	return map_own_frame(va);
}
