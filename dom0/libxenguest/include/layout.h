/*
 * The initial virtual address space of a PV domU, as libxc lays it out
 * (tools/libs/guest/xg_dom_core.c xc_dom_build_image, xg_dom_x86.c
 * alloc_pgtables_pv and setup_pgtables_pv). PFN p is VA virt_base + p*4K.
 * After the kernel image come the ramdisk, if any, and then, a page apart
 * each: the p2m list, start_info,
 * the xenstore ring, the console ring, the page tables (the L4, then the
 * L3s, L2s and L1s), the boot stack. The tables map everything from
 * virt_base to a 4 MiB boundary at least 512 KiB past the boot stack.
 */
#ifndef GUEST_LAYOUT_H
#define GUEST_LAYOUT_H

#include <stddef.h>

#include "xen.h"

struct pv_layout {
	uint64_t virt_base;
	xen_pfn_t ramdisk, p2m, p2m_frames, start_info, xenstore, console, pt, stack;
	/* Tables per level: nr_tables[1] L1s ... nr_tables[4] the one L4. */
	unsigned long nr_tables[5];
	unsigned long nr_pt_frames;
	/* The initial mapping covers PFNs [0, end). */
	xen_pfn_t end;
};

/* Lays out an image ending at kend and a ramdisk of ramdisk_len bytes;
 * -XEN_ENOMEM if nr_pages cannot hold them. */
long pv_layout_compute(struct pv_layout *l, uint64_t virt_base, uint64_t kend,
		       size_t ramdisk_len, unsigned long nr_pages);

/* The PFN of the n-th table of a level. */
xen_pfn_t pv_layout_table(const struct pv_layout *l, unsigned int level,
			  unsigned long n);

/*
 * The entries of the n-th table of a level, with the MFNs of p2m: L2-L4
 * entries P|RW|A|D|U, L1 entries P|RW|A except read-only ones for the page
 * tables themselves, which Xen would not validate writable.
 */
void pv_layout_fill_table(const struct pv_layout *l, const xen_pfn_t *p2m,
			  unsigned int level, unsigned long n, uint64_t *table);

#endif
