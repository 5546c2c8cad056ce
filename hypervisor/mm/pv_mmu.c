/*
 * The L1 half of Xen's PV MMU rules: a guest maps only frames it owns, a
 * frame mapped writable is of type "writable" (never a page table at the
 * same time), and each mapping holds a reference on its frame. Guest L1
 * entries always carry _PAGE_USER: guest kernel and user both run in
 * ring 3.
 */
#include "errno.h"
#include "mm.h"
#include "page.h"
#include "pv_mmu.h"

/* Flags a PV guest may set in an L1 entry; the high available bits 52-62
 * and anything addressing beyond the machine are refused. */
#define L1_ALLOWED_FLAGS (0xfffUL | _PAGE_NX)

uint64_t *guest_l1e(unsigned long l4_mfn, unsigned long va)
{
	uint64_t *table = mfn_to_virt(l4_mfn);

	for (unsigned shift = L4_SHIFT; shift > L1_SHIFT; shift -= 9) {
		uint64_t e = table[pt_index(va, shift)];
		if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE))
			return NULL;
		table = mfn_to_virt(pte_mfn(e));
	}
	return &table[pt_index(va, L1_SHIFT)];
}

int get_page_from_l1e(const struct domain *d, uint64_t l1e)
{
	if (!(l1e & _PAGE_PRESENT))
		return 0;
	unsigned long mfn = pte_mfn(l1e);
	if ((l1e & ~PTE_ADDR_MASK & ~L1_ALLOWED_FLAGS) || !mfn_valid(mfn))
		return -EINVAL;
	struct page_info *pg = mfn_to_page(mfn);
	if (pg->owner != d->domain_id)
		return -EINVAL;
	if (l1e & _PAGE_RW) {
		if (pg->type_count && pg->type != PGT_writable)
			return -EINVAL;
		pg->type = PGT_writable;
		pg->type_count++;
	}
	pg->ref_count++;
	return 0;
}

void put_page_from_l1e(uint64_t l1e)
{
	if (!(l1e & _PAGE_PRESENT))
		return;
	struct page_info *pg = mfn_to_page(pte_mfn(l1e));

	if ((l1e & _PAGE_RW) && --pg->type_count == 0)
		pg->type = PGT_none;
	pg->ref_count--;
}

int mod_l1_entry(const struct domain *d, uint64_t *pl1e, uint64_t nl1e)
{
	if (nl1e & _PAGE_PRESENT)
		nl1e |= _PAGE_USER;
	int rc = get_page_from_l1e(d, nl1e);
	if (rc)
		return rc;
	uint64_t old = __atomic_exchange_n(pl1e, nl1e, __ATOMIC_SEQ_CST);
	put_page_from_l1e(old);
	return 0;
}
