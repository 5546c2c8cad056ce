/* mmu_tables.c: what the PV MMU rows (mmu.c) act on. */
#ifndef PV_BENCH_MMU_H
#define PV_BENCH_MMU_H

#include "pagetable.h"
#include "xen.h"

/* The spare L1 maps the last 2 MiB below 1 GiB, as in tests/guests/ptwr.c. */
#define HOOK_VA (511 * PT_SPAN(2))

/* The spare L1, mapped read-only: stores into it are emulated (ptwr). */
extern char l1_view[PAGE_SIZE];
/* Entries for targets[0] and [1], read-write. */
extern uint64_t target_pte[2];
/* Side s points entries 0..511 of the spare L1 at target s. */
extern mmu_update_t requests[2][PT_ENTRIES];
/* The boot L4 and its pinned copy. */
extern xen_pfn_t l4_mfn[2];

/* Build them once; NULL, or why they could not be built. */
const char *hook_l1(void);
const char *copy_boot_l4(void);

#endif
