/*
 * set_gdt and update_descriptor (arch-x86/xen.h): a guest's own GDT, in
 * frames it owns that take the descriptor-table type, so that it can never
 * map them writable; every descriptor is checked (check_descriptor) when a
 * frame takes the type and whenever one is updated.
 */
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "page_type.h"
#include "pv_mmu.h"

#define DESCS_PER_FRAME (PAGE_SIZE / sizeof(uint64_t))

/* Takes the new frames' descriptor-table type first: a failure leaves the
 * old GDT in place. Called with mm_lock held. */
static long install_gdt(struct vcpu *v, const unsigned long *frames, unsigned nr)
{
	for (unsigned i = 0; i < nr; i++) {
		long rc = get_page_and_type(frames[i], PGT_seg_desc, v->domain->domain_id);
		if (rc) {
			while (i--)
				put_page_and_type(frames[i]);
			return rc;
		}
	}
	vcpu_release_gdt(v);
	memcpy(v->gdt_frames, frames, nr * sizeof(frames[0]));
	v->gdt_nr_frames = nr;
	gdt_set_guest_frames(this_cpu()->cpu_id, v->gdt_frames, nr);
	return 0;
}

/* entries is an unsigned int in Xen's ABI: its upper bits are ignored. */
long do_set_gdt(unsigned long frame_list, unsigned long entries_arg)
{
	unsigned int entries = (unsigned int)entries_arg;
	struct vcpu *v = current_vcpu();
	unsigned long frames[FIRST_RESERVED_GDT_PAGE];

	if (entries > FIRST_RESERVED_GDT_ENTRY)
		return -EINVAL;
	unsigned nr = (entries + DESCS_PER_FRAME - 1) / DESCS_PER_FRAME;
	if (copy_from_guest_va(frames, frame_list, nr * sizeof(frames[0])))
		return -EFAULT;
	spin_lock(&mm_lock);
	long rc = install_gdt(v, frames, nr);
	spin_unlock(&mm_lock);
	return rc;
}

/* A frame of a descriptor table is written in place; any other frame of
 * the caller's is written as data, if it may be writable. */
static long write_descriptor(unsigned long maddr, uint64_t d, domid_t owner)
{
	unsigned long mfn = maddr >> PAGE_SHIFT;
	struct page_info *pg = mfn_to_page(mfn);

	if (pg->type == PGT_seg_desc && pg->type_count) {
		*(uint64_t *)maddr_to_virt(maddr) = d;
		return 0;
	}
	return write_data_entry(maddr, d, owner) ? -EINVAL : 0;
}

long do_update_descriptor(unsigned long maddr, unsigned long desc)
{
	domid_t owner = current_vcpu()->domain->domain_id;
	unsigned long mfn = maddr >> PAGE_SHIFT;
	uint64_t d = desc;

	if ((maddr & 7) || !owned_by(mfn, owner) ||
	    !check_descriptor(&d))
		return -EINVAL;
	spin_lock(&mm_lock);
	long rc = write_descriptor(maddr, d, owner);
	spin_unlock(&mm_lock);
	return rc;
}

/* The descriptor a selector names in the vCPU's own GDT, if it has one. */
bool guest_gdt_descriptor(const struct vcpu *v, unsigned int sel, uint64_t *desc)
{
	unsigned idx = sel >> 3;

	if ((sel & 4) || idx >= v->gdt_nr_frames * DESCS_PER_FRAME)
		return false;
	*desc = ((uint64_t *)mfn_to_virt(v->gdt_frames[idx / DESCS_PER_FRAME]))[idx % DESCS_PER_FRAME];
	return true;
}
