/*
 * Bad entries stored straight into a pinned L1 through its read-only
 * mapping (Xen's writable-page-table path), and stores into tables Xen does
 * not emulate (a pinned L2, the L4 in use). Each store must come back as the
 * #PF of a write to a read-only page and leave the entry as it was.
 */
#include "alive.h"
#include "foreign.h"
#include "frames.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "ptwr_bad";

#define SLOT 9

static char view[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static unsigned long slot_va(const void *table, unsigned int i)
{
	return (unsigned long)table + i * sizeof(uint64_t);
}

static void refused_store(const char *what, unsigned long va, uint64_t v)
{
	uint64_t before = peek(va);
	long code = write_faults(va, v);

	if (code != (long)(PFEC_WRITE | PTE_PRESENT))
		fail("store of %s: #PF error code %ld, expected 3", what, code);
	else if (exception_seen.cr2 != va)
		fail("store of %s: cr2 0x%lx", what, exception_seen.cr2);
	if (peek(va) != before)
		fail("store of %s changed the entry to 0x%lx", what, peek(va));
}

static void bad_l1_entries(void)
{
	const struct {
		const char *what;
		uint64_t pte;
	} bad[] = {
		{ "the L4 writable", MAKE_PTE(boot_l4_mfn(), PTE_PRESENT | PTE_RW) },
		{ "an M2P frame", MAKE_PTE(m2p_frame(), PTE_PRESENT) },
		{ "Xen's M2P L3", MAKE_PTE(xen_l3_frame(), PTE_PRESENT) },
		{ "RAM in no p2m", MAKE_PTE(unowned_ram_frame(), PTE_PRESENT) },
		{ "the local APIC", MAKE_PTE(MFN_LOCAL_APIC, PTE_PRESENT) },
		{ "an MFN beyond the address width", MAKE_PTE(MFN_BEYOND_PADDR, PTE_PRESENT) },
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused_store(bad[i].what, slot_va(view, SLOT), bad[i].pte);
	expect_eq(write_faults(slot_va(view, SLOT), MAKE_PTE(virt_to_mfn(view), PTE_PRESENT)),
		  -1, "a good entry after the bad ones");
	expect_eq(write_faults(slot_va(view, SLOT), 0), -1, "clearing it");
}

/* Only L1s are emulated; an L2 or L4 entry needs mmu_update. */
static void stores_into_upper_tables(xen_pfn_t l1)
{
	xen_pfn_t l2 = pinned_table(2);
	const uint64_t *l4 = (const uint64_t *)xen_start_info->pt_base;

	if (!l2 || map_frame(view, l2, PTE_PRESENT)) {
		fail("no pinned L2 seen read-only");
		return;
	}
	refused_store("an L1 into a pinned L2", slot_va(view, SLOT), MAKE_PTE(l1, PTE_TABLE));
	refused_store("0 into the L4's M2P slot", slot_va(l4, PT_INDEX(MACH2PHYS_VIRT_START, 4)), 0);
	refused_store("the L4's own first entry", slot_va(l4, 0), l4[0]);
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l2), 0, "unpin of the L2");
}

void test_main(void)
{
	xen_pfn_t l1 = pinned_table(1);

	if (!l1 || map_frame(view, l1, PTE_PRESENT)) {
		fail("no pinned L1 seen read-only");
		return;
	}
	bad_l1_entries();
	stores_into_upper_tables(l1);
	expect_eq(map_own_frame(view), 0, "restore of the view");
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0, "unpin of the L1");
	expect_alive();
}
