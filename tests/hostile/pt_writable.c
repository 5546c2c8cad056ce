/*
 * Making page-table frames writable: a writable mapping of a pinned L1, of
 * the boot L1 and of the L4 in use as CR3 (by update_va_mapping and by
 * mmu_update), CLEAR_PAGE and COPY_PAGE onto a table, and the converse, a
 * pin of a frame that is mapped writable. The rule is about the frame's
 * type: once the L1 is unpinned, the same writable mapping is accepted.
 */
#include "alive.h"
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "pt_writable";

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static void map_writable(const char *what, xen_pfn_t table)
{
	const uint64_t pte = MAKE_PTE(table, PTE_PRESENT | PTE_RW);

	if (map_frame(window, table, PTE_PRESENT | PTE_RW) != -XEN_EBUSY)
		fail("update_va_mapping of %s writable is not -EBUSY", what);
	if (mmu_update1(boot_pte_maddr((unsigned long)window, 1), pte) != -XEN_EBUSY)
		fail("mmu_update mapping %s writable is not -EBUSY", what);
	expect_eq(map_frame(window, table, PTE_PRESENT), 0,
		  "read-only mapping of a page table");
	expect_eq(map_own_frame(window), 0, "restore of the window");
}

static void write_by_mmuext(const char *what, xen_pfn_t table)
{
	if (mmuext1(MMUEXT_CLEAR_PAGE, table) != -XEN_EINVAL)
		fail("CLEAR_PAGE of %s is not -EINVAL", what);
	if (copy_page(table, virt_to_mfn(window)) != -XEN_EINVAL)
		fail("COPY_PAGE onto %s is not -EINVAL", what);
}

/* A frame mapped writable cannot become a table. */
static void pin_writable_frame(void)
{
	expect_eq(mmuext1(MMUEXT_PIN_L1_TABLE, virt_to_mfn(window)), -XEN_EINVAL,
		  "pin of a frame mapped writable");
}

void test_main(void)
{
	xen_pfn_t l1 = pinned_table(1);
	xen_pfn_t boot_l1 = PTE_MFN(*boot_pte(0, 2));

	if (!l1) {
		fail("no pinned L1 of a free frame");
		return;
	}
	map_writable("a pinned L1", l1);
	map_writable("the boot L1", boot_l1);
	map_writable("the L4 in use as CR3", boot_l4_mfn());
	write_by_mmuext("a pinned L1", l1);
	write_by_mmuext("the L4 in use as CR3", boot_l4_mfn());
	pin_writable_frame();
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0, "unpin of the L1");
	expect_eq(map_frame(window, l1, PTE_PRESENT | PTE_RW), 0,
		  "writable mapping of the unpinned L1");
	expect_eq(map_own_frame(window), 0, "restore of the window");
	expect_alive();
}
