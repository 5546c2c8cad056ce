#ifndef XENITH_DOM0_BUILD_H
#define XENITH_DOM0_BUILD_H

#include "domain.h"

struct boot_module {
	const void *data;
	size_t size;
	const char *cmdline;      /* the words after the module's file name */
};

/* Builds domain 0's initial address space from its kernel and optional
 * initrd, exactly as Xen's PV dom0 builder lays it out, and sets up vCPU 0
 * to enter the kernel. Panics with the reason if the kernel is unusable. */
void dom0_build(struct domain *d, const struct boot_module *kernel,
		const struct boot_module *initrd, unsigned long nr_pages);

#endif
