/*
 * The page-table hypercalls of xen.h: mmu_update, mmuext_op and
 * update_va_mapping, over the page-type engine (mm/page_type.c). Batches
 * stop at the first failure and report how many entries were done, as
 * Xen's do; a long batch is preempted and continued (hypercall.h).
 */
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "page.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "x86.h"

/* Xen's own continuation mark in a batch count: the remaining count goes
 * back to the guest with it, and the next entry resumes the batch. */
#define MMU_UPDATE_PREEMPTED (~(~0U >> 1))

/* Whose frames a batch's entries name: the caller's (DOMID_SELF), or,
 * for a privileged caller building or serving another domain, that
 * domain's. Naming oneself by id is -ESRCH, as on Xen; the upper half of
 * foreigndom (Xen's separate page-table owner) is not supported. */
long resolve_pg_owner(const struct domain *d, unsigned long foreigndom, domid_t *pg_owner)
{
	domid_t dom = (domid_t)foreigndom;

	if (foreigndom >> 16)
		return -ENOSYS;
	if (dom == DOMID_SELF) {
		*pg_owner = d->domain_id;
		return 0;
	}
	if (dom == d->domain_id || !domain_by_id(dom))
		return -ESRCH;
	if (!d->is_privileged)
		return -EPERM;
	*pg_owner = dom;
	return 0;
}

/* Reads entries one by one, calls `one` on each, and keeps *pdone true,
 * also across continuations. As on Xen, a pdone that cannot be written
 * is not an error of the batch. */
long run_batch(unsigned long list, unsigned long count_arg, unsigned long pdone,
	       size_t size, domid_t pg_owner, batch_entry_fn one)
{
	struct vcpu *v = current_vcpu();
	unsigned int count = (unsigned int)count_arg, done = 0, i;
	uint64_t entry[2];
	long rc = 0;

	if (count & MMU_UPDATE_PREEMPTED) {
		count &= ~MMU_UPDATE_PREEMPTED;
		if (pdone && copy_from_guest_va(&done, pdone, sizeof(done)))
			return -EFAULT;
	}
	for (i = 0; i < count; i++) {
		if (i && hypercall_preempt_check()) {
			struct cpu_user_regs *regs = guest_regs();
			regs->rdi = list + (unsigned long)i * size;
			regs->rsi = (count - i) | MMU_UPDATE_PREEMPTED;
			done += i;
			if (pdone && copy_to_guest_va(pdone, &done, sizeof(done)))
				return -EFAULT;     /* the continuation could not resume */
			return -ERESTART;
		}
		if (copy_from_guest_va(entry, list + (unsigned long)i * size, size)) {
			rc = -EFAULT;
			break;
		}
		spin_lock(&mm_lock);
		rc = one(v, pg_owner, entry);
		spin_unlock(&mm_lock);
		if (rc)
			break;
	}
	done += i;
	if (pdone)
		copy_to_guest_va(pdone, &done, sizeof(done));
	return rc;
}

long write_data_entry(unsigned long maddr, uint64_t val, domid_t owner)
{
	unsigned long mfn = maddr >> PAGE_SHIFT;
	long rc = get_page_and_type(mfn, PGT_writable, owner);

	if (rc)
		return rc;
	*(uint64_t *)maddr_to_virt(maddr) = val;
	put_page_and_type(mfn);
	return 0;
}

/* The table is the caller's; a data frame written this way may also be
 * the foreign domain's (how a builder fills a new domain's memory). */
static long pt_update(struct domain *d, domid_t pg_owner, uint64_t ptr, uint64_t val,
		      bool preserve_ad)
{
	unsigned long maddr = ptr & ~7UL;
	unsigned long mfn = maddr >> PAGE_SHIFT;

	if (!mfn_valid(mfn))
		return -EINVAL;
	domid_t owner = mfn_to_page(mfn)->owner;
	bool table = is_pt_type(mfn_to_page(mfn)->type) && mfn_to_page(mfn)->type_count;
	if (table && owner == d->domain_id)
		return mod_pt_entry(mfn, (maddr & (PAGE_SIZE - 1)) / sizeof(uint64_t), val,
				    pg_owner, preserve_ad);
	if (!table && (owner == d->domain_id || owner == pg_owner))
		return write_data_entry(maddr, val, owner);
	return -EINVAL;
}

static long machphys_update(domid_t pg_owner, uint64_t ptr, uint64_t pfn)
{
	unsigned long mfn = ptr >> PAGE_SHIFT;

	if (!owned_by(mfn, pg_owner))
		return -EINVAL;
	m2p_set(mfn, pfn);
	return 0;
}

static long mmu_update_one(struct vcpu *v, domid_t pg_owner, const void *entry)
{
	const struct mmu_update *req = entry;

	switch (req->ptr & 3) {
	case MMU_NORMAL_PT_UPDATE:
		return pt_update(v->domain, pg_owner, req->ptr, req->val, false);
	case MMU_PT_UPDATE_PRESERVE_AD:
		return pt_update(v->domain, pg_owner, req->ptr, req->val, true);
	case MMU_MACHPHYS_UPDATE:
		return machphys_update(pg_owner, req->ptr, req->val);
	}
	return -ENOSYS;
}

long do_mmu_update(unsigned long ureqs, unsigned long count, unsigned long pdone,
		   unsigned long foreigndom)
{
	domid_t pg_owner;
	long rc = resolve_pg_owner(current_vcpu()->domain, foreigndom, &pg_owner);

	if (rc)
		return rc;
	return run_batch(ureqs, count, pdone, sizeof(struct mmu_update), pg_owner,
			 mmu_update_one);
}

static long update_va_mapping(domid_t pg_owner, unsigned long va, unsigned long val,
			      unsigned long flags)
{
	struct vcpu *v = current_vcpu();
	unsigned long l1_mfn;
	unsigned idx;

	if (!is_canonical(va) || !guest_range_ok(va, 1) ||
	    !guest_l1_slot(v->guest_table, va, &l1_mfn, &idx) ||
	    mfn_to_page(l1_mfn)->type != PGT_l1)
		return -EINVAL;
	spin_lock(&mm_lock);
	long rc = mod_pt_entry(l1_mfn, idx, val, pg_owner, false);
	spin_unlock(&mm_lock);
	if (rc)
		return rc;
	/* Beyond LOCAL and ALL, the flags are a pointer to a vCPU mask (MULTI).
	 * As on Xen it is read after the update, which stands even if the
	 * mask is bad; one vCPU per domain makes local all there is. */
	unsigned long mask, mask_ptr = flags & ~UVMF_FLUSHTYPE_MASK;
	if (mask_ptr != UVMF_LOCAL && mask_ptr != UVMF_ALL &&
	    copy_from_guest_va(&mask, mask_ptr, sizeof(mask)))
		return -EFAULT;
	if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_TLB_FLUSH)
		write_cr3(read_cr3());
	else if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_INVLPG)
		invlpg(va);
	return 0;
}

long do_update_va_mapping(unsigned long va, unsigned long val, unsigned long flags)
{
	return update_va_mapping(current_vcpu()->domain->domain_id, va, val, flags);
}

/* The same, mapping a frame of another domain (privileged callers). */
long do_update_va_mapping_otherdomain(unsigned long va, unsigned long val,
				      unsigned long flags, unsigned long domid)
{
	domid_t pg_owner;
	long rc = resolve_pg_owner(current_vcpu()->domain, domid, &pg_owner);

	if (rc)
		return rc;
	return update_va_mapping(pg_owner, va, val, flags);
}
