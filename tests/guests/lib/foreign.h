/*
 * Frames a dom0 test guest can name but does not own, for the hostile
 * guests: Xen's own page tables and M2P, and RAM that is in no p2m.
 */
#ifndef GUEST_FOREIGN_H
#define GUEST_FOREIGN_H

#include "xen.h"

/* The first frame of the M2P (XENMEM_machphys_mfn_list), or 0. */
xen_pfn_t m2p_frame(void);

/* Xen's L3 behind the M2P slot (256) that it put in the guest's boot L4. */
xen_pfn_t xen_l3_frame(void);

/* The first RAM frame above 1 MiB (below is I/O memory) not in our p2m, or 0. */
xen_pfn_t unowned_ram_frame(void);

/* An address bit beyond any CPU's physical address width (52 bits). */
#define MFN_BEYOND_PADDR ((1UL << 40) - 1)
/* The local APIC's page, which Xen keeps from dom0. */
#define MFN_LOCAL_APIC 0xfee00UL

#endif
