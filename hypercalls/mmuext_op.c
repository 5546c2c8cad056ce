/*
 * mmuext_op (xen.h): pinning, base pointers, TLB and cache maintenance,
 * page clearing and copying. Commands not listed return -ENOSYS, and so
 * does SET_LDT with entries (no LDT support yet).
 */
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "x86.h"

static const enum page_type pin_types[] = {
	[MMUEXT_PIN_L1_TABLE] = PGT_l1, [MMUEXT_PIN_L2_TABLE] = PGT_l2,
	[MMUEXT_PIN_L3_TABLE] = PGT_l3, [MMUEXT_PIN_L4_TABLE] = PGT_l4,
};

static long clear_page(domid_t owner, unsigned long mfn)
{
	long rc = get_page_and_type(mfn, PGT_writable, owner);

	if (rc)
		return rc;
	memset(mfn_to_virt(mfn), 0, PAGE_SIZE);
	put_page_and_type(mfn);
	return 0;
}

static long copy_page(domid_t owner, unsigned long dst, unsigned long src)
{
	if (!owned_by(src, owner))
		return -EINVAL;
	long rc = get_page_and_type(dst, PGT_writable, owner);
	if (rc)
		return rc;
	memcpy(mfn_to_virt(dst), mfn_to_virt(src), PAGE_SIZE);
	put_page_and_type(dst);
	return 0;
}

static long flush_cache(const struct domain *d)
{
	if (!d->is_privileged)
		return -EACCES;
	__asm__ volatile("wbinvd" ::: "memory");
	return 0;
}

/* The vCPU mask of the _MULTI forms is read, and one that cannot be is
 * -EINVAL, as on Xen; each domain has a single vCPU running so far, so
 * local is all. */
static long tlb_op(const struct mmuext_op *op, bool one_page)
{
	unsigned long mask;

	if ((op->cmd == MMUEXT_TLB_FLUSH_MULTI || op->cmd == MMUEXT_INVLPG_MULTI) &&
	    copy_from_guest_va(&mask, (unsigned long)op->arg2.vcpumask.p, sizeof(mask)))
		return -EINVAL;
	if (!one_page)
		write_cr3(read_cr3());
	else if (is_canonical(op->arg1.linear_addr))
		invlpg(op->arg1.linear_addr);
	return 0;
}

/* Checked as Xen checks it: a page-aligned guest address and at most 8192
 * entries. No LDT can be loaded yet, so only "no LDT" succeeds. */
static long set_ldt(unsigned long base, unsigned int ents)
{
	if ((base & (PAGE_SIZE - 1)) || ents > 8192 ||
	    !guest_range_ok(base, (unsigned long)ents * 8))
		return -EINVAL;
	return ents ? -ENOSYS : 0;
}

/* Pins, clears and copies act on pg_owner's frames (a privileged caller
 * pins a domain it builds); base pointers are always the caller's own. */
static long mmuext_one(struct vcpu *v, domid_t pg_owner, const void *entry)
{
	const struct mmuext_op *op = entry;
	domid_t owner = pg_owner;
	bool own = pg_owner == v->domain->domain_id;

	switch (op->cmd) {
	case MMUEXT_PIN_L1_TABLE: case MMUEXT_PIN_L2_TABLE:
	case MMUEXT_PIN_L3_TABLE: case MMUEXT_PIN_L4_TABLE:
		return pin_table(op->arg1.mfn, pin_types[op->cmd], owner);
	case MMUEXT_UNPIN_TABLE:
		return unpin_table(op->arg1.mfn, owner);
	case MMUEXT_NEW_BASEPTR:
		return own ? vcpu_set_base(v, false, op->arg1.mfn) : -EINVAL;
	case MMUEXT_NEW_USER_BASEPTR:
		return own ? vcpu_set_base(v, true, op->arg1.mfn) : -EINVAL;
	case MMUEXT_TLB_FLUSH_LOCAL: case MMUEXT_TLB_FLUSH_MULTI: case MMUEXT_TLB_FLUSH_ALL:
		return tlb_op(op, false);
	case MMUEXT_INVLPG_LOCAL: case MMUEXT_INVLPG_MULTI: case MMUEXT_INVLPG_ALL:
		return tlb_op(op, true);
	case MMUEXT_FLUSH_CACHE: case MMUEXT_FLUSH_CACHE_GLOBAL:
		return flush_cache(v->domain);
	case MMUEXT_CLEAR_PAGE:
		return clear_page(owner, op->arg1.mfn);
	case MMUEXT_COPY_PAGE:
		return copy_page(owner, op->arg1.mfn, op->arg2.src_mfn);
	case MMUEXT_SET_LDT:
		return set_ldt(op->arg1.linear_addr, op->arg2.nr_ents);
	}
	return -ENOSYS;
}

long do_mmuext_op(unsigned long ops, unsigned long count, unsigned long pdone,
		  unsigned long foreigndom)
{
	domid_t pg_owner;
	long rc = resolve_pg_owner(current_vcpu()->domain, foreigndom, &pg_owner);

	if (rc)
		return rc;
	return run_batch(ops, count, pdone, sizeof(struct mmuext_op), pg_owner, mmuext_one);
}
