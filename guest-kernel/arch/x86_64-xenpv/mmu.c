/*
 * Page-table writes, batched. A PV guest's tables are read-only to it:
 * each entry change is an mmu_update request (machine address of the
 * entry, new value) that Xen validates. Requests queue here and go in one
 * hypercall when the queue fills or when someone needs them in force.
 */
#include "hypercall.h"
#include "printk.h"
#include "xenpv.h"

#define QUEUE_LEN 512

static mmu_update_t queue[QUEUE_LEN];
static unsigned queued;
static bool tlb_flush_pending;

void mmu_queue(uint64_t maddr, uint64_t val)
{
	if (queued == QUEUE_LEN)
		mmu_flush();
	queue[queued++] = (mmu_update_t){ .ptr = maddr | MMU_NORMAL_PT_UPDATE, .val = val };
}

/* Xen does not flush the TLB for a changed entry; a removed one must go,
 * by mmu_commit(): once for a whole batch of unmaps. */
void mmu_flush_tlb_later(void)
{
	tlb_flush_pending = true;
}

void mmu_flush(void)
{
	unsigned done = 0;
	long rc;

	if (queued) {
		rc = HYPERVISOR_mmu_update(queue, queued, &done);
		if (rc)
			panic("mmu_update: error %ld at request %u of %u (ptr %lx val %lx)", rc,
			      done, queued, (unsigned long)queue[done].ptr,
			      (unsigned long)queue[done].val);
		queued = 0;
	}
}

void mmu_commit(void)
{
	mmu_flush();
	if (tlb_flush_pending) {
		tlb_flush_pending = false;
		mmuext_ops(&(struct mmuext_op){ .cmd = MMUEXT_TLB_FLUSH_LOCAL }, 1);
	}
}

void mmuext_ops(struct mmuext_op *ops, unsigned count)
{
	unsigned done = 0;
	long rc = HYPERVISOR_mmuext_op(ops, count, &done);

	if (rc)
		panic("mmuext_op %u: error %ld", ops[done].cmd, rc);
}

xen_pfn_t table_mfn(phys_addr_t table)
{
	return table ? pfn_to_mfn(table >> PAGE_SHIFT) : 0;
}
