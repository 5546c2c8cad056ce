/*
 * Xen's page-type rules for PV guests. Every machine frame of a domain is
 * at any time used as at most one of: writable data, an L1/L2/L3/L4 page
 * table, a descriptor table; its type count says by how many users. A
 * table is validated when its type count goes 0 -> 1 (every present entry
 * checked and referenced) and released recursively when it drops to 0.
 *
 * References, and who holds them:
 *  - ref_count (general): each L1 entry mapping the frame, each upper-level
 *    entry pointing to it, a pin, a vCPU's kernel or user base pointer;
 *  - type_count: each of the above that needs the frame's type: writable
 *    L1 entries (PGT_writable), parent entries (PGT_l1..l3), pins and base
 *    pointers (the pinned or loaded level).
 * Read-only L1 mappings take only a general reference, which is how a
 * guest keeps read access to its own page tables.
 */
#ifndef XENITH_PAGE_TYPE_H
#define XENITH_PAGE_TYPE_H

#include "mm.h"

/* mfn is RAM that belongs to owner. */
bool owned_by(unsigned long mfn, domid_t owner);
int get_page_and_type(unsigned long mfn, enum page_type type, domid_t owner);
void put_page_and_type(unsigned long mfn);

/* A new entry at `level` (1..4) of the table at table_mfn: checked and
 * its references taken, or an error. An L1 entry maps frames of pg_owner
 * (the table's owner, or a foreign domain for a privileged one); an entry
 * may point back at its own table (a read-only linear mapping). */
int get_page_from_entry(uint64_t e, unsigned level, unsigned long table_mfn, domid_t pg_owner);
void put_page_from_entry(uint64_t e, unsigned level, unsigned long table_mfn);

/* Replaces entry `idx` of a validated table (L1 targets of pg_owner); the
 * table's level comes from its type. With preserve_ad the old accessed/dirty bits are kept as well
 * (xen.h: *ptr = val | (*ptr & (A|D))). */
int mod_pt_entry(unsigned long table_mfn, unsigned idx, uint64_t e, domid_t pg_owner,
		 bool preserve_ad);

int pin_table(unsigned long mfn, enum page_type type, domid_t owner);
int unpin_table(unsigned long mfn, domid_t owner);

/* A segment descriptor a guest may have in its GDT (fixing its DPL up to
 * 3 in place, as Xen does), or false. */
bool check_descriptor(uint64_t *desc);

static inline bool is_pt_type(unsigned t) { return t >= PGT_l1 && t <= PGT_l4; }

#endif
