/*
 * The page-table hypercalls of xen.h. So far: update_va_mapping on the
 * current kernel page tables, and mmuext_op's NEW_USER_BASEPTR (a user L4
 * that is already a validated L4). The rest of the PV MMU returns -ENOSYS
 * until the type engine lands (docs/abi.md).
 */
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "page.h"
#include "pv_mmu.h"
#include "x86.h"

static bool guest_va(unsigned long va)
{
	return is_canonical(va) && guest_range_ok(va, 1);
}

static void flush_after_update(unsigned long va, unsigned long flags, bool had_mapping)
{
	if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_TLB_FLUSH)
		write_cr3(read_cr3());
	else if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_INVLPG || had_mapping)
		invlpg(va);
}

long do_update_va_mapping(unsigned long va, unsigned long val, unsigned long flags)
{
	struct vcpu *v = current_vcpu();

	if (!guest_va(va))
		return -EINVAL;
	uint64_t *pl1e = guest_l1e(v->guest_table, va);
	if (!pl1e)
		return -EINVAL;
	bool had_mapping = *pl1e & _PAGE_PRESENT;
	int rc = mod_l1_entry(v->domain, pl1e, val);
	if (rc)
		return rc;
	flush_after_update(va, flags, had_mapping);
	return 0;
}

/* The user L4 holds a type reference, like the kernel L4 it must equal
 * in kind: a frame of this domain already validated as an L4. */
static long new_user_baseptr(struct vcpu *v, unsigned long mfn)
{
	if (mfn) {
		if (!mfn_valid(mfn))
			return -EINVAL;
		struct page_info *pg = mfn_to_page(mfn);
		if (pg->owner != v->domain->domain_id || pg->type != PGT_l4 || !pg->type_count)
			return -EINVAL;
		pg->type_count++;
	}
	if (v->guest_table_user)
		mfn_to_page(v->guest_table_user)->type_count--;
	v->guest_table_user = mfn;
	return 0;
}

static long mmuext_one(struct vcpu *v, const struct mmuext_op *op)
{
	switch (op->cmd) {
	case MMUEXT_NEW_USER_BASEPTR:
		return new_user_baseptr(v, op->arg1.mfn);
	}
	return -ENOSYS;
}

long do_mmuext_op(unsigned long ops, unsigned long count, unsigned long pdone,
		  unsigned long foreigndom)
{
	struct vcpu *v = current_vcpu();
	unsigned long done = 0;
	long rc = 0;

	if ((domid_t)foreigndom != DOMID_SELF && (domid_t)foreigndom != v->domain->domain_id)
		return -ENOSYS;
	for (; done < count; done++) {
		struct mmuext_op op;
		if (copy_from_guest_va(&op, ops + done * sizeof(op), sizeof(op))) {
			rc = -EFAULT;
			break;
		}
		if ((rc = mmuext_one(v, &op)))
			break;
	}
	if (pdone && copy_to_guest_va(pdone, &done, sizeof(unsigned int)))
		return -EFAULT;
	return rc;
}
