/*
 * dom0's mappings of another domain's frames ("foreign" mappings), made as
 * Linux's privcmd makes them for libxc: mmu_update of one of our own L1
 * entries with foreigndom = the frame's owner.
 */
#ifndef GUEST_DOMU_MAP_H
#define GUEST_DOMU_MAP_H

#include "xen.h"

/* Maps mfn of domid read-write at va, a page of our image. */
long domu_map(void *va, domid_t domid, xen_pfn_t mfn);
/* Maps va back to its own frame, dropping the reference on the domU's. */
long domu_unmap(void *va);

#endif
