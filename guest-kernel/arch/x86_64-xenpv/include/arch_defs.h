/*
 * The Xen PV port's address-space layout and per-thread state.
 *
 * Kernel virtual memory has two parts, the same as the native port's:
 * the image at KERNBASE (the -mcmodel=kernel range, and Xen's VIRT_BASE,
 * so the image's pseudo-physical address is its offset from KERNBASE),
 * and a direct map of all pseudo-physical memory at PHYSMAP_BASE. That
 * base is Linux's: the first L4 slot above Xen's (256-271) and its guard.
 */
#ifndef ARCH_DEFS_H
#define ARCH_DEFS_H

#include "context.h"
#include "layout.h"
#include "uregs.h"
#include "x86_64.h"

static inline void *phys_to_virt(phys_addr_t pa)
{
	return (void *)(PHYSMAP_BASE + pa);
}

/* Works for the image and for the direct map. */
static inline phys_addr_t virt_to_phys(const void *va)
{
	uintptr_t v = (uintptr_t)va;

	return v >= KERNBASE ? v - KERNBASE : v - PHYSMAP_BASE;
}

/*
 * A 64-bit PV guest's kernel and user mode have separate L4s (Xen switches
 * between them); both point at the same user-half L3s, and only the
 * kernel's maps the kernel. l1 caches the last L1 walked to, for [l1_va,
 * l1_va + 2 MiB), so that runs of mappings queue without walking.
 */
struct arch_aspace {
	phys_addr_t l4;
	phys_addr_t user_l4;
	uintptr_t l1_va;
	phys_addr_t l1;
};

#endif
