/*
 * memory_op (memory.h): what a PV guest asks about memory at boot — the
 * machine's size and memory map, a domain's reservation, and where the
 * read-only M2P lives. The sub-ops that change a reservation or a physmap
 * come with the PV MMU and answer -ENOSYS until then (docs/abi.md).
 * Every answer here, errors included, was checked against Xen 4.17.7.
 */
#include "arch.h"
#include "hypercalls.h"
#include "frames.h"
#include "mm.h"
#include "pv_mmu.h"
#include <xen/memory.h>

/*
 * The bits of cmd above the sub-op say where a preempted reservation op
 * resumes. Xen keeps these two in its private xen/hypercall.h rather than
 * the public headers, yet they are ABI: a continuation carries them.
 */
#define MEMOP_EXTENT_SHIFT 6
#define MEMOP_CMD_MASK     ((1UL << MEMOP_EXTENT_SHIFT) - 1)

/* Xen looks the domain up before it checks the caller's right to it
 * (XSM_TARGET), so a missing domain is -ESRCH even to an unprivileged one. */
static long target_domain(unsigned long arg, struct domain **d)
{
	struct domain *self = current_vcpu()->domain;
	struct xen_memory_domain md;

	if (copy_from_guest(&md, arg))
		return -EFAULT;
	*d = md.domid == DOMID_SELF ? self : domain_by_id(md.domid);
	if (!*d)
		return -ESRCH;
	if (*d != self && !self->is_privileged)
		return -EPERM;
	return 0;
}

/* A PV guest publishes the size of its p2m in shared_info, and Xen reads
 * that: a count, so the highest gpfn is one less (0 while it is unset). */
static unsigned long max_gpfn(const struct domain *d)
{
	unsigned long nr_pfns = d->shared_info->arch.max_pfn;

	return (nr_pfns ? nr_pfns : 1) - 1;
}

static long domain_stat(unsigned long op, unsigned long arg)
{
	struct domain *d;
	long rc = target_domain(arg, &d);

	if (rc)
		return rc;
	switch (op) {
	case XENMEM_current_reservation:
		return d->tot_pages;
	case XENMEM_maximum_reservation:
		return d->max_pages;
	}
	return max_gpfn(d);
}

/* A PV domain has a pseudo-physical map only once its builder sets one
 * (XENMEM_set_memory_map, not yet here); without one Xen reads the
 * argument and answers -ENOSYS, and guests fall back to one RAM range of
 * start_info.nr_pages. */
static long memory_map(unsigned long arg)
{
	struct xen_memory_map map;

	if (copy_from_guest(&map, arg))
		return -EFAULT;
	return -ENOSYS;
}

/* Dom0's view of the machine. A NULL buffer asks for the count; a buffer
 * must have one slot more than Xen fills, or it is -EINVAL. */
static long machine_memory_map(unsigned long arg)
{
	const struct e820_entry *e820;
	unsigned int n = mm_machine_map(&e820);
	struct xen_memory_map map;

	if (!current_vcpu()->domain->is_privileged)
		return -EPERM;
	if (copy_from_guest(&map, arg))
		return -EFAULT;
	unsigned long buffer = (unsigned long)map.buffer.p;
	if (buffer && map.nr_entries < n + 1)
		return -EINVAL;
	if (buffer && copy_to_guest_va(buffer, e820, n * sizeof(*e820)))
		return -EFAULT;
	map.nr_entries = n;
	return copy_to_guest(arg, &map) ? -EFAULT : 0;
}

/* Without memory hot-plug Xen bounds a PV guest's lookups by the last RAM
 * frame, not by the table's reserved size. */
static long machphys_mapping(unsigned long arg)
{
	struct xen_machphys_mapping m = { .v_start = MACH2PHYS_VIRT_START,
					  .v_end = MACH2PHYS_VIRT_END,
					  .max_mfn = max_mfn - 1 };

	return copy_to_guest(arg, &m) ? -EFAULT : 0;
}

/* Entries go out one by one, as in Xen: a fault part way leaves those
 * before it written and nr_extents untouched. */
static long machphys_mfn_list(unsigned long arg)
{
	struct xen_machphys_mfn_list list;

	if (copy_from_guest(&list, arg))
		return -EFAULT;
	unsigned long buffer = (unsigned long)list.extent_start.p;
	unsigned int n = MIN(list.max_extents, m2p_nr_extents());
	for (unsigned int i = 0; i < n; i++) {
		xen_pfn_t mfn = m2p_extent_mfn(i);
		if (copy_to_guest_va(buffer + i * sizeof(mfn), &mfn, sizeof(mfn)))
			return -EFAULT;
	}
	list.nr_extents = n;
	return copy_to_guest(arg, &list) ? -EFAULT : 0;
}

/* What one extent of a reservation op does with its slot of extent_start
 * (order 0 only): false stops the op there. */
typedef bool (*extent_fn)(struct domain *d, unsigned long slot);

/* A fresh frame: its gpfn (from the slot) goes into the M2P and, as PV
 * builders expect, its MFN back into the slot. */
static bool populate_one(struct domain *d, unsigned long slot)
{
	xen_pfn_t gpfn;

	if (copy_from_guest_va(&gpfn, slot, sizeof(gpfn)) || d->tot_pages >= d->max_pages)
		return false;
	long mfn = alloc_frame(d->domain_id);
	if (mfn < 0)
		return false;
	if (copy_to_guest_va(slot, &mfn, sizeof(mfn))) {
		free_frame(mfn);
		return false;
	}
	d->tot_pages++;
	m2p_set(mfn, gpfn);
	return true;
}

/* A fresh frame for a balloon: its MFN goes into the slot; where it sits
 * in the guest's physical map is the guest's to say (MMU_MACHPHYS_UPDATE). */
static bool increase_one(struct domain *d, unsigned long slot)
{
	if (d->tot_pages >= d->max_pages)
		return false;
	long mfn = alloc_frame(d->domain_id);
	if (mfn < 0)
		return false;
	if (copy_to_guest_va(slot, &mfn, sizeof(mfn))) {
		free_frame(mfn);
		return false;
	}
	d->tot_pages++;
	return true;
}

/* The guest gives a frame back (PV: by its MFN). Only a frame nothing
 * maps or types any more can go: Xen would free a mapped one later, here
 * the op stops at it (docs/abi.md). The hypervisor's pages it shares with
 * the guest (shared_info, grant table) never go this way. */
static bool decrease_one(struct domain *d, unsigned long slot)
{
	xen_pfn_t mfn;

	if (copy_from_guest_va(&mfn, slot, sizeof(mfn)) || frame_kind(mfn) != FRAME_RAM)
		return false;
	struct page_info *pg = mfn_to_page(mfn);
	if (pg->owner != d->domain_id || pg->ref_count || pg->type_count ||
	    (pg->flags & PGF_xen_shared))
		return false;
	free_frame(mfn);
	d->tot_pages--;
	return true;
}

/* The reservation ops share Xen's shape: the result is the number of
 * extents done (also when the request cannot be read, as on Xen); a long
 * request continues from the extent it reached (cmd's upper bits). */
static long reservation_op(unsigned long cmd, unsigned long arg, extent_fn one)
{
	struct domain *self = current_vcpu()->domain;
	struct xen_memory_reservation r;
	unsigned long start = cmd >> MEMOP_EXTENT_SHIFT, i = start;

	if (copy_from_guest(&r, arg))
		return start;
	struct domain *d = r.domid == DOMID_SELF ? self : domain_by_id(r.domid);
	if (!d)
		return -ESRCH;
	if (d != self && !self->is_privileged)
		return -EPERM;
	if (r.extent_order)
		return start;
	for (; i < r.nr_extents; i++) {
		if (i > start && hypercall_preempt_check()) {
			guest_regs()->rdi = (cmd & MEMOP_CMD_MASK) | (i << MEMOP_EXTENT_SHIFT);
			return -ERESTART;
		}
		spin_lock(&mm_lock);
		bool done = one(d, (unsigned long)r.extent_start.p + i * sizeof(xen_pfn_t));
		spin_unlock(&mm_lock);
		if (!done)
			break;
	}
	return i;
}

long do_memory_op(unsigned long cmd, unsigned long arg)
{
	unsigned long op = cmd & MEMOP_CMD_MASK;

	switch (op) {
	case XENMEM_populate_physmap:
		return reservation_op(cmd, arg, populate_one);
	case XENMEM_increase_reservation:
		return reservation_op(cmd, arg, increase_one);
	case XENMEM_decrease_reservation:
		return reservation_op(cmd, arg, decrease_one);
	case XENMEM_maximum_ram_page:
	case XENMEM_current_reservation:
	case XENMEM_maximum_reservation:
	case XENMEM_maximum_gpfn:
		/* Only the reservation ops resume: a start extent is garbage here. */
		if (cmd >> MEMOP_EXTENT_SHIFT)
			return -EINVAL;
		return op == XENMEM_maximum_ram_page ? (long)max_mfn : domain_stat(op, arg);
	}
	/* Xen's arch_memory_op matches the whole cmd: with a start extent these
	 * sub-ops are unknown ones. */
	switch (cmd) {
	case XENMEM_memory_map:
		return memory_map(arg);
	case XENMEM_machine_memory_map:
		return machine_memory_map(arg);
	case XENMEM_machphys_mapping:
		return machphys_mapping(arg);
	case XENMEM_machphys_mfn_list:
		return machphys_mfn_list(arg);
	case XENMEM_machphys_compat_mfn_list:
		return -EOPNOTSUPP;     /* as Xen without 32-bit PV guests */
	}
	return -ENOSYS;
}
