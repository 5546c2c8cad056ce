/*
 * Frame numbers of a PV guest: the p2m the builder gave it
 * (start_info.mfn_list), Xen's read-only M2P, and the frames it owns beyond
 * the builder's initial mapping, which a test may turn into page tables.
 */
#ifndef GUEST_FRAMES_H
#define GUEST_FRAMES_H

#include "xen.h"

xen_pfn_t pfn_to_mfn(xen_pfn_t pfn);
/* Reads the M2P at MACH2PHYS_VIRT_START, as every PV kernel does. */
xen_pfn_t mfn_to_pfn(xen_pfn_t mfn);

/* Guests are linked with virt_base 0: a page's PFN is its VA >> 12. */
xen_pfn_t virt_to_mfn(const void *va);
uint64_t virt_to_maddr(const void *va);

/* True if the guest's p2m maps some PFN to mfn. */
int frame_is_own(xen_pfn_t mfn);

/*
 * Hands out the guest's frames past the initial mapping, which no mapping
 * of the guest refers to, by MFN; returns 0 once none are left (MFN 0 is
 * never a guest's: Xen keeps the first MiB as I/O memory).
 */
xen_pfn_t frame_alloc(void);

#endif
