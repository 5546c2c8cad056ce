/*
 * The page-type engine (include/page_type.h has the rules and who holds
 * which reference). Tables are validated when first typed and released
 * recursively when their last type reference goes; the recursion follows
 * the levels downward only, so it is at most four deep.
 *
 * Linear page tables: an upper-level entry may point at its own table,
 * read-only (a guest's self-map). An entry pointing at another table of
 * its own level is refused: Xen allows those only with limits on chains
 * of them (XSA-240), and nothing here needs them.
 *
 * TLB: a frame that loses its type (last writable mapping gone, or a
 * table released) is marked PGF_tlb_stale, and the TLB is flushed before
 * it takes a new type, so no stale writable or paging-structure entry
 * survives into the frame's next life.
 */
#include "errno.h"
#include "frames.h"
#include "page.h"
#include "page_type.h"

#define _PAGE_AVAIL_HIGH  (0x7ffUL << 52)
#define CACHE_ATTRS       (_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)
#define UPPER_ALLOWED     (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | \
			   _PAGE_DIRTY | _PAGE_AVAIL | _PAGE_AVAIL_HIGH | _PAGE_NX)
#define L1_ALLOWED        ((UPPER_ALLOWED | _PAGE_GLOBAL) & ~_PAGE_GNTTAB)

bool owned_by(unsigned long mfn, domid_t owner)
{
	return frame_kind(mfn) == FRAME_RAM && frame_info(mfn)->owner == owner;
}

static bool is_hv_slot(unsigned level, unsigned idx)
{
	return level == 4 && idx >= HV_FIRST_L4_SLOT && idx <= HV_LAST_L4_SLOT;
}

static unsigned table_level(unsigned type)
{
	return type - PGT_l1 + 1;
}

static void put_page_type(unsigned long mfn);

#define SEG_PRESENT   (1UL << 47)
#define SEG_DPL       (3UL << 45)
#define SEG_CODE_DATA (1UL << 44)
#define SEG_TYPE      (0xfUL << 40)
#define SEG_CALL_GATE (0xcUL << 40)
#define GATE_RESERVED (0xffUL << 32)
#define GATE_SEL(d)   ((unsigned)((d) >> 16) & 0xffff)
#define SEL_LDT       4

/* A call gate may lead into the guest's own GDT or LDT, or to the flat
 * kernel code selector, never to the hypervisor's. */
static bool gate_selector_ok(unsigned sel)
{
	return (sel & SEL_LDT) || (sel >> 3) < FIRST_RESERVED_GDT_ENTRY || sel == FLAT_KERNEL_CS;
}

/* Xen's check_descriptor for a 64-bit PV guest. Code and data segments
 * are fine once their DPL is 3 (the guest kernel's ring); not-present and
 * type-0 descriptors (such as a gate's upper half) are harmless. A call
 * gate is stored with DPL 0, its own DPL (at least 3) moving into the
 * target's RPL, so that ring 3 cannot use it directly. No other system
 * descriptor (TSS, LDT, interrupt gate) may come from a guest. */
bool check_descriptor(uint64_t *desc)
{
	uint64_t d = *desc;

	if (!(d & SEG_PRESENT))
		return true;
	if (d & SEG_CODE_DATA) {
		*desc = d | SEG_DPL;
		return true;
	}
	if (!(d & SEG_TYPE))
		return true;
	if ((d & SEG_TYPE) != SEG_CALL_GATE || (d & GATE_RESERVED) || !gate_selector_ok(GATE_SEL(d)))
		return false;
	*desc = (d & ~SEG_DPL) | ((uint64_t)3 << 16);
	return true;
}

static int validate_descriptors(unsigned long mfn)
{
	uint64_t *d = frame_entries(mfn);

	for (unsigned i = 0; i < PT_ENTRIES; i++)
		if (!check_descriptor(&d[i]))
			return -EINVAL;
	return 0;
}

/* Only a domain that may drive devices sets cache attributes, as on Xen. */
static uint64_t allowed_flags(unsigned level, domid_t owner)
{
	if (level > 1)
		return UPPER_ALLOWED;
	return domain_is_privileged(owner) ? L1_ALLOWED | CACHE_ATTRS : L1_ALLOWED;
}

static int validate_table(unsigned long mfn, unsigned level, domid_t owner)
{
	uint64_t *t = frame_entries(mfn);

	for (unsigned i = 0; i < PT_ENTRIES; i++) {
		if (is_hv_slot(level, i))
			continue;
		int rc = get_page_from_entry(t[i], level, mfn, owner);
		if (rc) {
			while (i--)
				if (!is_hv_slot(level, i))
					put_page_from_entry(t[i], level, mfn);
			return rc;
		}
		if (t[i] & _PAGE_PRESENT)
			t[i] |= _PAGE_USER;     /* the guest kernel runs in ring 3 */
	}
	if (level == 4)
		paging_copy_hypervisor_slots(t);
	return 0;
}

/* Hypervisor slots are cleared too: a released L4 may become the
 * guest's data, and the hypervisor's addresses are none of its business. */
static void release_table(unsigned long mfn, unsigned level)
{
	uint64_t *t = frame_entries(mfn);

	for (unsigned i = 0; i < PT_ENTRIES; i++) {
		if (is_hv_slot(level, i))
			t[i] = 0;
		else
			put_page_from_entry(t[i], level, mfn);
	}
}

static int get_page_type(unsigned long mfn, enum page_type type, domid_t owner)
{
	struct page_info *pg = frame_info(mfn);

	if (pg->type_count) {
		if (pg->type != type)
			return -EINVAL;
		pg->type_count++;
		return 0;
	}
	if (pg->flags & PGF_tlb_stale) {
		frames_flush_tlb();
		pg->flags &= ~PGF_tlb_stale;
	}
	pg->type = type;
	pg->type_count = 1;
	if (is_pt_type(type) || type == PGT_seg_desc) {
		int rc = type == PGT_seg_desc ? validate_descriptors(mfn)
					      : validate_table(mfn, table_level(type), owner);
		if (rc) {
			pg->type_count = 0;
			pg->type = PGT_none;
			return rc;
		}
	}
	return 0;
}

static void put_page_type(unsigned long mfn)
{
	struct page_info *pg = frame_info(mfn);

	BUG_ON(!pg->type_count);
	if (--pg->type_count)
		return;
	if (is_pt_type(pg->type))
		release_table(mfn, table_level(pg->type));
	pg->type = PGT_none;
	pg->flags |= PGF_tlb_stale;
}

int get_page_and_type(unsigned long mfn, enum page_type type, domid_t owner)
{
	if (!owned_by(mfn, owner))
		return -EINVAL;
	int rc = get_page_type(mfn, type, owner);
	if (!rc)
		frame_info(mfn)->ref_count++;
	return rc;
}

/* The last reference to a frame whose domain is gone frees it. */
static void put_ref(unsigned long mfn)
{
	struct page_info *pg = frame_info(mfn);

	if (--pg->ref_count == 0 && !pg->type_count && (pg->flags & PGF_orphan))
		frames_free_orphan(mfn);
}

void put_page_and_type(unsigned long mfn)
{
	put_page_type(mfn);
	put_ref(mfn);
}

/* Xen's answers: an address the CPU cannot have is -EINVAL, device memory
 * the domain may not map -EPERM (mapped, it holds no reference: it has no
 * page_info to count in), and RAM of anyone else -EBUSY. */
static int get_page_from_l1e(uint64_t e, unsigned long mfn, domid_t owner)
{
	switch (frame_kind(mfn)) {
	case FRAME_NONE:
		return -EINVAL;
	case FRAME_IO:
		return io_frame_permitted(owner, mfn) ? 0 : -EPERM;
	case FRAME_RAM:
		break;
	}
	if (frame_info(mfn)->owner != owner)
		return -EBUSY;
	/* A frame in use as a table cannot be mapped writable: Xen says
	 * -EBUSY here, where every other type conflict is -EINVAL. */
	if ((e & _PAGE_RW) && get_page_type(mfn, PGT_writable, owner))
		return -EBUSY;
	frame_info(mfn)->ref_count++;
	return 0;
}

/* The table's owner decides what its entries may be; only an L1 entry
 * may map another owner's frame (pg_owner), a privilege the hypercall
 * layer grants. Upper levels always point at the table owner's tables. */
int get_page_from_entry(uint64_t e, unsigned level, unsigned long table_mfn, domid_t pg_owner)
{
	domid_t owner = frame_info(table_mfn)->owner;

	if (!(e & _PAGE_PRESENT))
		return 0;
	if (e & ~PTE_ADDR_MASK & ~allowed_flags(level, owner))
		return -EINVAL;
	unsigned long mfn = pte_mfn(e);
	if (level == 1)
		return get_page_from_l1e(e, mfn, pg_owner);
	if (mfn == table_mfn)
		return (e & _PAGE_RW) ? -EINVAL : 0;
	return get_page_and_type(mfn, (enum page_type)(PGT_l1 + level - 2), owner);
}

void put_page_from_entry(uint64_t e, unsigned level, unsigned long table_mfn)
{
	if (!(e & _PAGE_PRESENT))
		return;
	unsigned long mfn = pte_mfn(e);
	if (level == 1) {
		/* A grant mapping's references belong to its maptrack entry
		 * and go with GNTTABOP_unmap_grant_ref. */
		if (frame_kind(mfn) != FRAME_RAM || (e & _PAGE_GNTTAB))
			return;
		if (e & _PAGE_RW)
			put_page_type(mfn);
		put_ref(mfn);
	} else if (mfn != table_mfn) {
		put_page_and_type(mfn);
	}
}

int mod_pt_entry(unsigned long table_mfn, unsigned idx, uint64_t e, domid_t pg_owner,
		 bool preserve_ad)
{
	struct page_info *pg = frame_info(table_mfn);

	if (!is_pt_type(pg->type) || !pg->type_count || idx >= PT_ENTRIES)
		return -EINVAL;
	unsigned level = table_level(pg->type);
	if (is_hv_slot(level, idx))
		return -EINVAL;
	uint64_t *pe = &frame_entries(table_mfn)[idx];
	uint64_t old = *pe;
	if (preserve_ad)
		e |= old & (_PAGE_ACCESSED | _PAGE_DIRTY);
	if (e & _PAGE_PRESENT)
		e |= _PAGE_USER;
	int rc = get_page_from_entry(e, level, table_mfn, pg_owner);
	if (rc)
		return rc;
	__atomic_store_n(pe, e, __ATOMIC_SEQ_CST);
	put_page_from_entry(old, level, table_mfn);
	return 0;
}

int pin_table(unsigned long mfn, enum page_type type, domid_t owner)
{
	if (!owned_by(mfn, owner) || (frame_info(mfn)->flags & PGF_pinned))
		return -EINVAL;
	int rc = get_page_and_type(mfn, type, owner);
	if (!rc)
		frame_info(mfn)->flags |= PGF_pinned;
	return rc;
}

int unpin_table(unsigned long mfn, domid_t owner)
{
	if (!owned_by(mfn, owner) || !(frame_info(mfn)->flags & PGF_pinned))
		return -EINVAL;
	frame_info(mfn)->flags &= ~PGF_pinned;
	put_page_and_type(mfn);
	return 0;
}
