/* Walking a guest's page tables from the hypervisor. */
#ifndef XENITH_PV_MMU_H
#define XENITH_PV_MMU_H

#include "lib.h"

/* The L1 table (its mfn) and the index in it that map va under the L4 at
 * l4_mfn; false if no present entry leads there. The result may be any
 * table a guest's linear self-map reaches: callers check its type. */
bool guest_l1_slot(unsigned long l4_mfn, unsigned long va, unsigned long *table_mfn,
		   unsigned *idx);

#include "spinlock.h"
#include <xen/xen.h>

struct vcpu;

/* Serialises every change of page types and references: domains on
 * different CPUs (and a privileged one acting on another's frames) share
 * the frame table. */
extern spinlock_t mm_lock;

unsigned long domain_release_frames(domid_t id);     /* how many it had to keep */

/* Loads a new kernel (or user) L4 for the vCPU, which takes a type
 * reference on it (validating it if it is new) and drops the old one's.
 * A user L4 of 0 means none. -EINVAL if mfn is not a valid L4 of the
 * domain. The kernel one takes effect at once: the vCPU is in kernel mode
 * whenever the hypervisor acts on its behalf this way. */
int vcpu_set_base(struct vcpu *v, bool user, unsigned long mfn);

#endif
