/* The PV MMU: guest page-table entries and the references they hold. */
#ifndef XENITH_PV_MMU_H
#define XENITH_PV_MMU_H

#include "domain.h"

/* The L1 entry mapping va under the L4 at l4_mfn, or NULL if no L1 table
 * maps it. Every table on the way is one the hypervisor validated. */
uint64_t *guest_l1e(unsigned long l4_mfn, unsigned long va);

/* Takes the references a new L1 entry needs (a general reference on the
 * frame, and a writable type reference if it maps it writable), or fails
 * with -EINVAL for flags, frames or types the entry may not have. */
int get_page_from_l1e(const struct domain *d, uint64_t l1e);
void put_page_from_l1e(uint64_t l1e);

/* Replaces an L1 entry, keeping every reference count true. */
int mod_l1_entry(const struct domain *d, uint64_t *pl1e, uint64_t nl1e);

#endif
