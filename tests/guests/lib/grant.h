/*
 * Grant tables (version 1) from both ends: the granting domain's (its
 * table mapped, a page offered) and the other domain's (map, unmap, copy,
 * one op per call, each giving back its GNTST_* status). The grant tests'
 * domU (domu/grant_child.c) offers dom0 the refs below.
 */
#ifndef GUEST_GRANT_H
#define GUEST_GRANT_H

#include "xen.h"

/* The first refs after those the toolstack keeps for itself. */
#define GRANT_REF_RW GNTTAB_NR_RESERVED_ENTRIES
#define GRANT_REF_RO (GRANT_REF_RW + 1)
/* Offered to GRANT_NOT_DOM0, a domain id nobody has. */
#define GRANT_REF_OTHER (GRANT_REF_RW + 2)
#define GRANT_NOT_DOM0 1000
/* Word i of the pages as the domU fills them; dom0 leaves the RW page inverted. */
#define GRANT_WORD(ref, i) ((0x6772616e74UL << 24) + ((unsigned long)(ref) << 16) + (i))
#define GRANT_INVERTED (~0UL)

/* Word i of the page at va becomes GRANT_WORD(ref, i) ^ x. */
void grant_page_fill(void *va, grant_ref_t ref, uint64_t x);
/* The first word i of the page at va that is not GRANT_WORD(ref, i) ^ x, or -1. */
long grant_page_check(const void *va, grant_ref_t ref, uint64_t x);

/*
 * GNTTABOP_setup_table for dom: its first nr frames' MFNs in frames. Returns
 * the op's status; a failed hypercall fails the test.
 */
int16_t grant_setup(domid_t dom, uint32_t nr, xen_pfn_t *frames);

/* The granter's end: its own table's first frame, mapped; NULL on failure. */
grant_entry_v1_t *grant_table(void);
/* Offers page to domain `to`: the entry's flags are written last. */
void grant_offer(grant_entry_v1_t *table, grant_ref_t ref, domid_t to, const void *page,
		 uint16_t flags);

/*
 * The mapper's end. A grant is mapped at a free VA: one of our pages,
 * unmapped, its L1 still in place. GNTTABOP_map_grant_ref is made with
 * GNTMAP_host_map at va.
 */
long grant_free_va(void *va);
int16_t grant_map(domid_t dom, grant_ref_t ref, uint32_t flags, const void *va,
		  grant_handle_t *handle);
int16_t grant_unmap(const void *va, grant_handle_t handle);
int16_t grant_copy(struct gnttab_copy op);

#endif
