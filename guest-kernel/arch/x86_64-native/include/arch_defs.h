/*
 * The native port's address-space layout and per-thread state: the image
 * at KERNBASE and a direct map of physical memory at PHYSMAP_BASE, as in
 * the Xen port, so that generic code sees the same addresses on both.
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
 * One L4 per address space: its kernel half is the same in every one,
 * and the user bit keeps ring 3 out of it. l1 caches the last L1 walked
 * to, for [l1_va, l1_va + 2 MiB).
 */
struct arch_aspace {
	phys_addr_t l4;
	uintptr_t l1_va;
	phys_addr_t l1;
};

#endif
