/* The fake machine behind tests/unit/include/frames.h. */
#include "frames.h"
#include "support.h"

uint64_t fake_memory[FAKE_FRAMES][PT_ENTRIES];
struct page_info fake_info[FAKE_FRAMES];
unsigned fake_tlb_flushes;
unsigned long fake_orphans_freed[FAKE_FRAMES];
unsigned fake_nr_orphans_freed;
domid_t fake_privileged_domain;

void fake_frames_reset(domid_t owner)
{
	memset(fake_memory, 0, sizeof(fake_memory));
	memset(fake_info, 0, sizeof(fake_info));
	for (unsigned i = 0; i < FAKE_FRAMES; i++)
		fake_info[i].owner = owner;
	fake_tlb_flushes = 0;
	fake_nr_orphans_freed = 0;
	fake_privileged_domain = DOMID_INVALID;
}

struct page_info *fake_frame_info(unsigned long mfn)
{
	ck_assert_msg(mfn < FAKE_FRAMES, "page_info of frame %#lx, beyond RAM", mfn);
	return &fake_info[mfn];
}

uint64_t *fake_frame_entries(unsigned long mfn)
{
	ck_assert_msg(mfn < FAKE_FRAMES, "contents of frame %#lx, beyond RAM", mfn);
	return fake_memory[mfn];
}

/* Asking about the table's owner, not some other domain, is part of what
 * the cache-attribute tests check. */
bool domain_is_privileged(domid_t id)
{
	return id == fake_privileged_domain;
}

void paging_copy_hypervisor_slots(uint64_t *l4)
{
	for (unsigned i = HV_FIRST_L4_SLOT; i <= HV_LAST_L4_SLOT; i++)
		l4[i] = fake_hv_entry(i);
}

void frames_free_orphan(unsigned long mfn)
{
	fake_orphans_freed[fake_nr_orphans_freed++] = mfn;
}
