/* Walking guest page tables, which the hypervisor reads through its direct
 * map: every table on the way was validated, so every frame is the
 * guest's own. */
#include "domain.h"
#include "mm.h"
#include "page_type.h"
#include "x86.h"
#include "page.h"
#include "pv_mmu.h"

bool guest_l1_slot(unsigned long l4_mfn, unsigned long va, unsigned long *table_mfn,
		   unsigned *idx)
{
	unsigned long mfn = l4_mfn;

	for (unsigned shift = L4_SHIFT; shift > L1_SHIFT; shift -= 9) {
		uint64_t e = ((uint64_t *)mfn_to_virt(mfn))[pt_index(va, shift)];
		if (!(e & _PAGE_PRESENT))
			return false;
		mfn = pte_mfn(e);
	}
	*table_mfn = mfn;
	*idx = pt_index(va, L1_SHIFT);
	return true;
}

int vcpu_set_base(struct vcpu *v, bool user, unsigned long mfn)
{
	unsigned long *slot = user ? &v->guest_table_user : &v->guest_table;

	if (mfn || !user) {
		int rc = get_page_and_type(mfn, PGT_l4, v->domain->domain_id);
		if (rc)
			return rc;
	}
	unsigned long old = *slot;
	*slot = mfn;
	if (!user)
		write_cr3(mfn << PAGE_SHIFT);
	if (old)
		put_page_and_type(old);
	return 0;
}

spinlock_t mm_lock;

/* After its own tables are unpinned and released, a frame with nothing
 * left pointing at it goes back to the pool. One still referenced (a
 * privileged domain's foreign mapping, a peer's grant mapping) stays the
 * dying domain's, an orphan no live domain may take, and goes back with
 * its last reference (frames_free_orphan). */
unsigned long domain_release_frames(domid_t id)
{
	unsigned long freed = 0, kept = 0;

	for (unsigned long mfn = 0; mfn < max_mfn; mfn++) {
		struct page_info *pg = mfn_to_page(mfn);
		if (pg->owner == id && (pg->flags & PGF_pinned))
			unpin_table(mfn, id);
	}
	for (unsigned long mfn = 0; mfn < max_mfn; mfn++) {
		struct page_info *pg = mfn_to_page(mfn);
		if (pg->owner != id)
			continue;
		if (!pg->type_count && !pg->ref_count) {
			free_frame(mfn);
			freed++;
		} else {
			pg->flags |= PGF_orphan;
			kept++;
		}
	}
	if (kept)
		printk("domain %u: %lu frames still mapped by others, freed when unmapped", id, kept);
	dprintk("domain %u: %lu frames freed", id, freed);
	return kept;
}

/* An orphan keeps its dying domain's id as owner, which no live domain
 * has; the domain is gone with its last one. */
void frames_free_orphan(unsigned long mfn)
{
	struct domain *d = domain_by_id_any(mfn_to_page(mfn)->owner);

	free_frame(mfn);
	if (d && d->dying) {
		d->tot_pages--;
		if (--d->orphans == 0)
			domain_gone(d);
	}
}
