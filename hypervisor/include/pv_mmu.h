/* Walking a guest's page tables from the hypervisor. */
#ifndef XENITH_PV_MMU_H
#define XENITH_PV_MMU_H

#include "lib.h"

/* The L1 table (its mfn) and the index in it that map va under the L4 at
 * l4_mfn; false if no present entry leads there. The result may be any
 * table a guest's linear self-map reaches: callers check its type. */
bool guest_l1_slot(unsigned long l4_mfn, unsigned long va, unsigned long *table_mfn,
		   unsigned *idx);

#endif
