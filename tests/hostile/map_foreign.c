/*
 * Mapping frames the guest does not own, through update_va_mapping and
 * mmu_update alike: Xen's own page tables and M2P, RAM in no p2m, the local
 * APIC, an address beyond the physical width. Then the other ways to touch
 * such a frame: an M2P update, COPY_PAGE from it, CLEAR_PAGE of it, a pin.
 * dom0 may map I/O memory, so a frame in the hole above RAM does map.
 */
#include <stdbool.h>

#include "alive.h"
#include "foreign.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "map_foreign";

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

struct target {
	const char *what;
	xen_pfn_t mfn;
	long expected;
	bool ram;	/* RAM of another owner: every other use is refused too */
};

static long mmu_map(xen_pfn_t mfn, unsigned long flags)
{
	return mmu_update1(boot_pte_maddr((unsigned long)window, 1), MAKE_PTE(mfn, flags));
}

static void map_both_ways(const struct target *t)
{
	static const unsigned long flags[] = { PTE_PRESENT, PTE_PRESENT | PTE_RW };
	unsigned int i;
	long rc;

	for (i = 0; i < 2; i++) {
		rc = map_frame(window, t->mfn, flags[i]);
		if (rc != t->expected)
			fail("update_va_mapping of %s (flags 0x%lx): got %ld, expected %ld",
			     t->what, flags[i], rc, t->expected);
		rc = mmu_map(t->mfn, flags[i]);
		if (rc != t->expected)
			fail("mmu_update mapping %s (flags 0x%lx): got %ld, expected %ld",
			     t->what, flags[i], rc, t->expected);
	}
	expect_eq(map_own_frame(window), 0, "restore of the window");
}

/* Every other operation on a frame of someone else is -EINVAL. */
static void touch_otherwise(const char *what, xen_pfn_t mfn)
{
	uint64_t m2p = ((uint64_t)mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE;

	if (mmu_update1(m2p, 0) != -XEN_EINVAL)
		fail("MMU_MACHPHYS_UPDATE of %s is not -EINVAL", what);
	if (copy_page(virt_to_mfn(window), mfn) != -XEN_EINVAL)
		fail("COPY_PAGE from %s is not -EINVAL", what);
	if (mmuext1(MMUEXT_CLEAR_PAGE, mfn) != -XEN_EINVAL)
		fail("CLEAR_PAGE of %s is not -EINVAL", what);
	if (mmuext1(MMUEXT_PIN_L1_TABLE, mfn) != -XEN_EINVAL)
		fail("PIN_L1_TABLE of %s is not -EINVAL", what);
}

void test_main(void)
{
	long max_ram_page = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
	const struct target targets[] = {
		{ "Xen's M2P L3", xen_l3_frame(), -XEN_EBUSY, true },
		{ "an M2P frame", m2p_frame(), -XEN_EBUSY, true },
		{ "RAM in no p2m", unowned_ram_frame(), -XEN_EBUSY, true },
		{ "the local APIC", MFN_LOCAL_APIC, -XEN_EPERM, false },
		{ "an MFN beyond the address width", MFN_BEYOND_PADDR, -XEN_EINVAL, false },
		{ "I/O memory above RAM", max_ram_page + 0x10, 0, false },
	};
	unsigned int i;

	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		if (!targets[i].mfn) {
			fail("no frame for %s", targets[i].what);
			continue;
		}
		map_both_ways(&targets[i]);
		if (targets[i].ram)
			touch_otherwise(targets[i].what, targets[i].mfn);
	}
	expect_alive();
}
