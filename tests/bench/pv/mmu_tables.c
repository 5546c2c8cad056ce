/*
 * What the PV MMU rows act on, built by the first row that needs it as
 * tests/guests/ptwr.c and mmu_pagetables.c build theirs: a spare L1 hooked
 * into the boot L2, and a pinned copy of the boot L4.
 */
#include <stdbool.h>

#include "frames.h"
#include "mmu.h"
#include "ptables.h"
#include "pv.h"
#include "string.h"
#include "test.h"

char l1_view[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
/* Where the copy of the boot L4 is written before it becomes a table. */
static char l4_window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
/*
 * What the entries map: pages of the image, which the boot tables map
 * read-write already, as a kernel's direct map holds every page it maps
 * elsewhere.
 */
static char targets[2][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

uint64_t target_pte[2];
mmu_update_t requests[2][PT_ENTRIES];
xen_pfn_t l4_mfn[2];

static void fill_requests(uint64_t l1_maddr)
{
	for (unsigned int s = 0; s < 2; s++) {
		target_pte[s] = MAKE_PTE(virt_to_mfn(targets[s]), PTE_PRESENT | PTE_RW);
		for (unsigned int i = 0; i < PT_ENTRIES; i++) {
			requests[s][i].ptr = (l1_maddr + i * sizeof(uint64_t)) |
					     MMU_NORMAL_PT_UPDATE;
			requests[s][i].val = target_pte[s];
		}
	}
}

/*
 * A zeroed free frame, mapped read-only at l1_view and hooked into the
 * boot L2, which validates it as an L1. After a failure the next row tries
 * again and so reports the reason again.
 */
const char *hook_l1(void)
{
	static bool hooked;
	uint64_t l2e = boot_pte_maddr(HOOK_VA, 2);
	xen_pfn_t mfn;
	long rc;

	if (hooked)
		return NULL;
	if (!l2e || *boot_pte(HOOK_VA, 2))
		return why("the boot tables have no empty L2 entry for 0x%lx", HOOK_VA);
	mfn = frame_alloc();
	if (!mfn)
		return "no free frame for an L1";
	rc = frame_zero(mfn);
	if (!rc)
		rc = map_frame(l1_view, mfn, PTE_PRESENT);
	if (!rc)
		rc = mmu_update1(l2e, MAKE_PTE(mfn, PTE_TABLE));
	if (rc)
		return why("zeroing, mapping or hooking the spare L1: %ld", rc);
	fill_requests((uint64_t)mfn << PAGE_SHIFT);
	hooked = true;
	return NULL;
}

/* A pinned copy of the boot L4: the same mappings, so the guest runs on either. */
const char *copy_boot_l4(void)
{
	xen_pfn_t mfn;
	long rc;

	if (l4_mfn[1])
		return NULL;
	mfn = frame_alloc();
	if (!mfn)
		return "no free frame for a second L4";
	rc = map_frame(l4_window, mfn, PTE_PRESENT | PTE_RW);
	if (rc)
		return why("mapping a frame for the L4 copy: %ld", rc);
	memcpy(l4_window, (const void *)xen_start_info->pt_base, PAGE_SIZE);
	/* A frame writable anywhere cannot become a page table. */
	rc = map_frame(l4_window, mfn, PTE_PRESENT);
	if (!rc)
		rc = mmuext1(MMUEXT_PIN_L4_TABLE, mfn);
	if (rc)
		return why("making the L4 copy read-only or pinning it: %ld", rc);
	l4_mfn[0] = boot_l4_mfn();
	l4_mfn[1] = mfn;
	return NULL;
}
