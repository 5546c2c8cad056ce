/*
 * Pins Xen must refuse: tables that contain themselves writable (a read-only
 * self-reference, a linear page table, is allowed at every level), a second
 * pin, an unpin of what is not pinned, a frame pinned at another level, an
 * L2 with a superpage, and a frame the guest maps writable.
 */
#include "alive.h"
#include "frames.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "pin_bad";

#define SELF_SLOT 3

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* A free frame, zeroed but for one entry; 0 if there is none. */
static xen_pfn_t table_with(unsigned int slot, uint64_t (*entry)(xen_pfn_t self))
{
	xen_pfn_t mfn = frame_alloc();

	if (!mfn || frame_zero(mfn) || frame_write(mfn, slot, entry(mfn))) {
		fail("no free frame for a table");
		return 0;
	}
	return mfn;
}

static uint64_t self_writable(xen_pfn_t self)
{
	return MAKE_PTE(self, PTE_TABLE);
}

static uint64_t self_read_only(xen_pfn_t self)
{
	return MAKE_PTE(self, PTE_TABLE & ~PTE_RW);
}

static uint64_t superpage(xen_pfn_t self)
{
	(void)self;
	return MAKE_PTE(0, PTE_TABLE | PTE_PSE);
}

/* In an L1 the writable self-map is a writable mapping of a table: busy. */
static void self_references(void)
{
	unsigned int level;

	for (level = 1; level <= 4; level++) {
		long writable = level == 1 ? -XEN_EBUSY : -XEN_EINVAL;
		xen_pfn_t rw = table_with(SELF_SLOT, self_writable);
		xen_pfn_t ro = table_with(SELF_SLOT, self_read_only);

		if (mmuext1(PIN_CMD(level), rw) != writable)
			fail("pin of an L%u holding itself writable is not %ld", level, writable);
		if (mmuext1(PIN_CMD(level), ro))
			fail("pin of an L%u holding itself read-only failed", level);
		if (mmuext1(MMUEXT_UNPIN_TABLE, ro))
			fail("unpin of an L%u holding itself read-only failed", level);
	}
}

static void pin_twice_and_unpin_twice(xen_pfn_t l1)
{
	expect_eq(mmuext1(MMUEXT_PIN_L1_TABLE, l1), 0, "first pin");
	expect_eq(mmuext1(MMUEXT_PIN_L1_TABLE, l1), -XEN_EINVAL, "second pin");
	expect_eq(mmuext1(MMUEXT_PIN_L2_TABLE, l1), -XEN_EINVAL, "pin of the L1 as an L2");
	expect_eq(mmuext1(MMUEXT_PIN_L4_TABLE, l1), -XEN_EINVAL, "pin of the L1 as an L4");
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l1), 0, "first unpin");
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l1), -XEN_EINVAL, "second unpin");
}

void test_main(void)
{
	xen_pfn_t l1 = frame_alloc();

	if (!l1 || frame_zero(l1)) {
		fail("no free frame");
		return;
	}
	self_references();
	pin_twice_and_unpin_twice(l1);
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, frame_alloc()), -XEN_EINVAL,
		  "unpin of a frame never pinned");
	expect_eq(mmuext1(MMUEXT_PIN_L2_TABLE, table_with(0, superpage)), -XEN_EINVAL,
		  "pin of an L2 with a 2 MiB superpage");
	expect_eq(map_frame(window, l1, PTE_PRESENT | PTE_RW), 0, "writable mapping");
	expect_eq(mmuext1(MMUEXT_PIN_L1_TABLE, l1), -XEN_EINVAL,
		  "pin of a frame mapped writable");
	expect_eq(map_own_frame(window), 0, "restore of the window");
	expect_alive();
}
