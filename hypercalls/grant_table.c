/*
 * grant_table_op (grant_table.h), version 1: a domain offers frames to a
 * peer in its shared grant entries; the peer maps them (PV: a PTE at a
 * virtual address of its own, marked _PAGE_GNTTAB) or copies through them.
 * A mapping holds references on the frame, recorded in the mapper's
 * maptrack, and sets GTF_reading/GTF_writing in the granter's entry while
 * any mapping of that entry lasts. Each op of a batch reports its own
 * GNTST_* status, as Xen's do.
 */
#include "arch.h"
#include "frames.h"
#include "hypercalls.h"
#include "mm.h"
#include "page.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "x86.h"
#include <xen/grant_table.h>

#define ENTRIES_PER_FRAME (PAGE_SIZE / sizeof(grant_entry_v1_t))

static spinlock_t grant_lock;

/* The shared entry a peer wrote; it may change under us, so each use
 * reads it once. */
static grant_entry_v1_t *entry(struct domain *d, grant_ref_t ref)
{
	return (grant_entry_v1_t *)mfn_to_virt(d->gnt_frames[ref / ENTRIES_PER_FRAME]) +
	       ref % ENTRIES_PER_FRAME;
}

/* Granter, reference and frame of a grant offered to `grantee`. */
static int16_t check_grant(struct domain *rd, grant_ref_t ref, domid_t grantee, bool write,
			   unsigned long *mfn)
{
	if (ref >= rd->gnt_nr_frames * ENTRIES_PER_FRAME)
		return GNTST_bad_gntref;
	grant_entry_v1_t e = *(volatile grant_entry_v1_t *)entry(rd, ref);
	/* Xen's answer to a grant not offered, or offered read-only, is a
	 * general error; permission_denied is for its security policy. */
	if ((e.flags & GTF_type_mask) != GTF_permit_access || e.domid != grantee ||
	    (write && (e.flags & GTF_readonly)))
		return GNTST_general_error;
	if (!owned_by(e.frame, rd->domain_id))
		return GNTST_bad_page;
	*mfn = e.frame;
	return GNTST_okay;
}

static long new_handle(struct domain *d)
{
	for (long h = 0; h < GNT_MAX_MAPS; h++)
		if (!d->maptrack[h].used)
			return h;
	return -1;
}

static void pin(struct domain *rd, grant_ref_t ref, bool readonly)
{
	uint16_t *flags = &entry(rd, ref)->flags;

	rd->gnt_pins[ref]++;
	__atomic_or_fetch(flags, GTF_reading | (readonly ? 0 : GTF_writing), __ATOMIC_SEQ_CST);
}

static void unpin(struct domain *rd, grant_ref_t ref)
{
	if (--rd->gnt_pins[ref] == 0)
		__atomic_and_fetch(&entry(rd, ref)->flags, (uint16_t)~(GTF_reading | GTF_writing),
				   __ATOMIC_SEQ_CST);
}

/* The L1 slot mapping host_addr in the mapper's current tables. */
static uint64_t *host_pte(struct vcpu *v, uint64_t host_addr)
{
	unsigned long l1;
	unsigned idx;

	if (!is_canonical(host_addr) || !guest_range_ok(host_addr, 1) || (host_addr & (PAGE_SIZE - 1)) ||
	    !guest_l1_slot(v->guest_table, host_addr, &l1, &idx) ||
	    mfn_to_page(l1)->type != PGT_l1 || mfn_to_page(l1)->owner != v->domain->domain_id)
		return NULL;
	return (uint64_t *)mfn_to_virt(l1) + idx;
}

static int16_t map_one(struct vcpu *v, struct gnttab_map_grant_ref *op)
{
	struct domain *d = v->domain, *rd = domain_by_id(op->dom);
	bool ro = op->flags & GNTMAP_readonly;
	unsigned long mfn;
	uint64_t *pte;

	if (!(op->flags & (GNTMAP_host_map | GNTMAP_device_map)))
		return GNTST_bad_gntref;
	if (op->flags & (GNTMAP_device_map | GNTMAP_contains_pte))
		return GNTST_general_error;        /* no IOMMU, no PTE addresses: docs/abi.md */
	if (!rd)
		return GNTST_bad_domain;
	int16_t st = check_grant(rd, op->ref, d->domain_id, !ro, &mfn);
	if (st)
		return st;
	long h = new_handle(d);
	if (h < 0)
		return GNTST_no_space;
	if (!(pte = host_pte(v, op->host_addr)))
		return GNTST_general_error;
	unsigned long l1 = pte_mfn(virt_to_maddr(pte));
	uint64_t e = pte_make(mfn, _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED |
				   (ro ? 0 : _PAGE_RW | _PAGE_DIRTY));
	if (get_page_from_entry(e, 1, l1, rd->domain_id))
		return GNTST_general_error;        /* e.g. a writable map of a page table */
	pin(rd, op->ref, ro);
	/* Whatever the slot mapped goes, as on Xen; flushing it is the
	 * guest's business (it is not told the old mapping went). */
	uint64_t old = __atomic_exchange_n(pte, e | _PAGE_GNTTAB, __ATOMIC_SEQ_CST);
	put_page_from_entry(old, 1, l1);
	d->maptrack[h] = (struct grant_mapping){ .used = true, .readonly = ro, .granter = rd->domain_id,
						 .ref = op->ref, .mfn = mfn, .host_addr = op->host_addr };
	op->handle = h;
	op->dev_bus_addr = (uint64_t)mfn << PAGE_SHIFT;
	return GNTST_okay;
}

/* Drops what a mapping holds; its PTE too if it still maps the grant. */
static void release_mapping(struct vcpu *v, struct grant_mapping *m)
{
	unsigned long l1;
	unsigned idx;
	uint64_t e = pte_make(m->mfn, _PAGE_PRESENT | (m->readonly ? 0 : _PAGE_RW));

	if (v && guest_l1_slot(v->guest_table, m->host_addr, &l1, &idx)) {
		uint64_t *pte = (uint64_t *)mfn_to_virt(l1) + idx;
		if ((*pte & _PAGE_GNTTAB) && pte_mfn(*pte) == m->mfn) {
			__atomic_store_n(pte, 0, __ATOMIC_SEQ_CST);
			invlpg(m->host_addr);
		}
	}
	put_page_from_entry(e, 1, 0);
	struct domain *rd = domain_by_id(m->granter);
	if (rd)
		unpin(rd, m->ref);
	m->used = false;
}

static int16_t unmap_one(struct vcpu *v, struct gnttab_unmap_grant_ref *op)
{
	struct grant_mapping *m = op->handle < GNT_MAX_MAPS ? &v->domain->maptrack[op->handle] : NULL;

	if (!m || !m->used)
		return GNTST_bad_handle;
	if (op->host_addr && op->host_addr != m->host_addr)
		return GNTST_general_error;
	release_mapping(v, m);
	return GNTST_okay;
}

/* One side of a copy: through a grant of domid to the caller, or a frame
 * of the caller's own (for a PV caller a gmfn is an MFN). */
static int16_t copy_side(struct domain *d, const struct gnttab_copy_ptr *p, bool by_ref,
			 bool write, unsigned long *mfn)
{
	if (by_ref) {
		struct domain *rd = domain_by_id(p->domid);
		return rd ? check_grant(rd, p->u.ref, d->domain_id, write, mfn) : GNTST_bad_domain;
	}
	if (p->domid != DOMID_SELF && p->domid != d->domain_id)
		return GNTST_permission_denied;
	if (!owned_by(p->u.gmfn, d->domain_id))
		return GNTST_bad_page;
	*mfn = p->u.gmfn;
	return GNTST_okay;
}

/* The destination takes a writable type for the copy, so that a page
 * table can never be written this way. */
static int16_t copy_one(struct vcpu *v, struct gnttab_copy *op)
{
	unsigned long src, dst;
	int16_t st;

	if (op->source.offset + op->len > PAGE_SIZE || op->dest.offset + op->len > PAGE_SIZE)
		return GNTST_bad_copy_arg;
	if ((st = copy_side(v->domain, &op->source, op->flags & GNTCOPY_source_gref, false, &src)) ||
	    (st = copy_side(v->domain, &op->dest, op->flags & GNTCOPY_dest_gref, true, &dst)))
		return st;
	if (get_page_and_type(dst, PGT_writable, mfn_to_page(dst)->owner))
		return GNTST_general_error;
	memcpy((uint8_t *)mfn_to_virt(dst) + op->dest.offset,
	       (uint8_t *)mfn_to_virt(src) + op->source.offset, op->len);
	put_page_and_type(dst);
	return GNTST_okay;
}

/* Grows the domain's table to nr frames (frames it owns and may map), and
 * reports their MFNs. */
static int16_t grow_table(struct domain *d, unsigned nr)
{
	if (nr > GNT_MAX_FRAMES)
		return GNTST_general_error;
	while (d->gnt_nr_frames < nr) {
		long mfn = alloc_frame(d->domain_id);
		if (mfn < 0)
			return GNTST_no_space;
		mfn_to_page(mfn)->flags |= PGF_xen_shared;
		d->gnt_frames[d->gnt_nr_frames++] = mfn;
	}
	return GNTST_okay;
}

static struct domain *target(struct domain *self, domid_t id, int16_t *st)
{
	struct domain *d = id == DOMID_SELF ? self : domain_by_id(id);

	*st = !d ? GNTST_bad_domain : (d != self && !self->is_privileged) ? GNTST_permission_denied : 0;
	return *st ? NULL : d;
}

static long setup_table(struct domain *self, unsigned long arg)
{
	struct gnttab_setup_table op;

	if (copy_from_guest(&op, arg))
		return -EFAULT;
	struct domain *d = target(self, op.dom, &op.status);
	if (d && !(op.status = grow_table(d, op.nr_frames)))
		for (unsigned i = 0; i < op.nr_frames; i++) {
			xen_pfn_t mfn = d->gnt_frames[i];
			if (copy_to_guest_va((unsigned long)op.frame_list.p + i * sizeof(mfn),
					     &mfn, sizeof(mfn)))
				return -EFAULT;
		}
	return copy_to_guest(arg, &op) ? -EFAULT : 0;
}

static long query_size(struct domain *self, unsigned long arg)
{
	struct gnttab_query_size op;

	if (copy_from_guest(&op, arg))
		return -EFAULT;
	struct domain *d = target(self, op.dom, &op.status);
	if (d) {
		op.nr_frames = d->gnt_nr_frames;
		op.max_nr_frames = GNT_MAX_FRAMES;
	}
	return copy_to_guest(arg, &op) ? -EFAULT : 0;
}

/* Only version 1 exists here; asking for 2 is asking for what this
 * hypervisor does not implement. */
static long set_version(unsigned long arg)
{
	struct gnttab_set_version op;

	if (copy_from_guest(&op, arg))
		return -EFAULT;
	if (op.version != 1)
		return op.version == 2 ? -ENOSYS : -EINVAL;
	return 0;
}

static long get_version(struct domain *self, unsigned long arg)
{
	struct gnttab_get_version op;
	int16_t st;

	if (copy_from_guest(&op, arg))
		return -EFAULT;
	if (!target(self, op.dom, &st))
		return st == GNTST_bad_domain ? -ESRCH : -EPERM;
	op.version = 1;
	return copy_to_guest(arg, &op) ? -EFAULT : 0;
}

typedef int16_t (*grant_fn)(struct vcpu *v, void *op);

/* Each op is read, done, and its status written back into the guest's
 * array; a bad array is -EFAULT for the rest of the batch. */
static long batch(unsigned long uop, unsigned long count, size_t size, size_t status_off,
		  grant_fn fn)
{
	struct vcpu *v = current_vcpu();
	uint8_t op[sizeof(struct gnttab_copy) > sizeof(struct gnttab_map_grant_ref) ?
		   sizeof(struct gnttab_copy) : sizeof(struct gnttab_map_grant_ref)];

	for (unsigned long i = 0; i < count; i++) {
		unsigned long va = uop + i * size;
		if (copy_from_guest_va(op, va, size))
			return -EFAULT;
		spin_lock(&mm_lock);
		int16_t *status = (int16_t *)(op + status_off);
		*status = fn(v, op);
		spin_unlock(&mm_lock);
		if (copy_to_guest_va(va, op, size))
			return -EFAULT;
	}
	return 0;
}

#define BATCH(type, fn) batch(uop, count, sizeof(type), offsetof(type, status), \
			      (grant_fn)(void (*)(void))fn)

long do_grant_table_op(unsigned long cmd, unsigned long uop, unsigned long count)
{
	struct domain *d = current_vcpu()->domain;
	long rc;

	spin_lock(&grant_lock);
	switch (cmd) {
	case GNTTABOP_map_grant_ref:   rc = BATCH(struct gnttab_map_grant_ref, map_one); break;
	case GNTTABOP_unmap_grant_ref: rc = BATCH(struct gnttab_unmap_grant_ref, unmap_one); break;
	case GNTTABOP_copy:            rc = BATCH(struct gnttab_copy, copy_one); break;
	case GNTTABOP_setup_table:     rc = setup_table(d, uop); break;
	case GNTTABOP_query_size:      rc = query_size(d, uop); break;
	case GNTTABOP_set_version:     rc = set_version(uop); break;
	case GNTTABOP_get_version:     rc = get_version(d, uop); break;
	default:                       rc = -ENOSYS;
	}
	spin_unlock(&grant_lock);
	return rc;
}

/* A dying domain gives back the mappings it holds; its own grants, if
 * still mapped by peers, keep their frames out of the pool (domain.c). */
void grant_table_release(struct domain *d)
{
	spin_lock(&grant_lock);
	spin_lock(&mm_lock);
	for (unsigned h = 0; h < GNT_MAX_MAPS; h++)
		if (d->maptrack[h].used)
			release_mapping(NULL, &d->maptrack[h]);
	spin_unlock(&mm_lock);
	spin_unlock(&grant_lock);
}

int grant_table_init(struct domain *d)
{
	return grow_table(d, 1) ? -ENOMEM : 0;
}
