/*
 * A minimal libxl/libxc domain builder for a PV domU, run in dom0 over
 * hypercalls only: the same hypercalls, in the same order, with the same
 * arguments as `xl create` of a PV guest with one vCPU (docs/testing.md
 * lists them), except that memory comes in 4 KiB extents where libxc asks
 * for 2 MiB ones first. Not done: vCPU/NUMA affinity, TSC mode, the e820
 * map, the CPUID policy, xenstore entries and the grant-table seeding.
 */
#ifndef GUEST_BUILDER_H
#define GUEST_BUILDER_H

#include <stddef.h>

#include "layout.h"
#include "xen.h"

#define DOMU_MAX_PAGES 4096

struct domu {
	domid_t domid;
	unsigned long nr_pages;
	/* PFN -> MFN, as populate_physmap returned the frames. */
	xen_pfn_t p2m[DOMU_MAX_PAGES];
	struct pv_layout layout;
	/* The domU's ends of its xenstore and console channels, unbound. */
	evtchn_port_t store_port, console_port;
	xen_pfn_t shared_info_mfn;
	/* The kernel's command line in start_info; NULL: empty. */
	const char *cmdline;
	/* The ramdisk (start_info's module) and its length; NULL: none. */
	const void *ramdisk;
	size_t ramdisk_len;
	/* The step that failed, for the test's message. */
	const char *failed_step;
};

/*
 * XEN_DOMCTL_createdomain, max_mem, the xenstore and console event
 * channels, set_address_size, populate_physmap (libxl__domain_make,
 * libxl__build_pre, meminit_pv): the domain exists, paused, with its memory.
 */
long builder_create(struct domu *d, unsigned long nr_pages);
/* The same with the domain id the caller chose (DOMID_INVALID: Xen picks). */
long builder_create_as(struct domu *d, domid_t domid, unsigned long nr_pages);

/*
 * Loads the PV ELF kernel image and the ramdisk and sets up what its vCPU
 * starts with (xc_dom_build_image, xc_dom_boot_image): p2m, start_info, the rings,
 * page tables pinned as its L4, hypercall page, shared_info, vCPU context.
 */
long builder_load(struct domu *d, const void *image, size_t len);

long builder_unpause(struct domu *d);
long builder_destroy(struct domu *d);

/* Logs Xen's answer to a step and keeps the first one that failed. */
long builder_step(struct domu *d, const char *name, long rc);

#endif
