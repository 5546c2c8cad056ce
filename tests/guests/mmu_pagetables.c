/*
 * A page-table hierarchy of the guest's own: four free frames become an L1,
 * L2, L3 and L4 (the L2 shares the boot L1s, so the image stays mapped, and
 * adds one L1 that maps a data frame), are made read-only, pinned, switched
 * to as kernel and user L4, then unpinned and reused as writable data.
 */
#include "frames.h"
#include "ptables.h"
#include "string.h"
#include "test.h"
#include "traps.h"
#include "user.h"

const char test_name[] = "mmu_pagetables";

/* Mapped only by the new tables: the last 2 MiB below 1 GiB. */
#define TEST_VA (511 * PT_SPAN(2))
#define MAGIC 0x5a17ab1e0ddba11UL

enum { L1, L2, L3, L4, DATA, NR_FRAMES };

/* Pages of the image remapped to show the new frames to the guest. */
static char windows[NR_FRAMES][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static xen_pfn_t mfn[NR_FRAMES];

static uint64_t *window(unsigned int i)
{
	return (uint64_t *)windows[i];
}

/* The tables' contents, written through read-write windows. */
static void fill_tables(void)
{
	const uint64_t *boot_l2 = boot_pte(0, 2) - PT_INDEX(0, 2);

	memset(windows, 0, sizeof(windows));
	window(DATA)[0] = MAGIC;
	window(L1)[PT_INDEX(TEST_VA, 1)] = MAKE_PTE(mfn[DATA], PTE_PRESENT | PTE_RW);
	memcpy(window(L2), boot_l2, PAGE_SIZE);
	window(L2)[PT_INDEX(TEST_VA, 2)] = MAKE_PTE(mfn[L1], PTE_TABLE);
	window(L3)[0] = MAKE_PTE(mfn[L2], PTE_TABLE);
	window(L4)[0] = MAKE_PTE(mfn[L3], PTE_TABLE);
}

static int map_windows(unsigned long flags)
{
	unsigned int i;
	long rc;

	for (i = 0; i < NR_FRAMES; i++) {
		rc = map_frame(windows[i], mfn[i], flags);
		if (rc) {
			fail("update_va_mapping of frame %u (flags 0x%lx): %ld", i,
			     flags, rc);
			return -1;
		}
	}
	return 0;
}

static int pin_tables(void)
{
	unsigned int level;
	long rc;

	for (level = L1; level <= L4; level++) {
		rc = mmuext1(PIN_CMD(level + 1), mfn[level]);
		if (rc) {
			fail("pin of the new L%u: %ld", level + 1, rc);
			return -1;
		}
	}
	return 0;
}

static void unpin_tables(void)
{
	int level;

	for (level = L4; level >= L1; level--)
		expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, mfn[level]), 0, "unpin");
}

static void user_reads_test_va(void)
{
	user_exit(peek(TEST_VA));
}

static void expect_test_va_unmapped(const char *when)
{
	expect_eq(read_faults(TEST_VA), 0, when);
	expect_eq(exception_seen.vector, X86_EXC_PF, "vector of the read");
	expect_eq(exception_seen.cr2, TEST_VA, "cr2 of the read");
}

/* Runs on the new tables: the data frame shows at TEST_VA in both modes. */
static void use_new_tables(void)
{
	xen_pfn_t pfn = (unsigned long)windows >> PAGE_SHIFT;

	expect_eq(peek(TEST_VA), MAGIC, "kernel read through the new tables");
	poke(TEST_VA, ~MAGIC);
	expect_eq(window(DATA)[0], ~MAGIC, "write through the new tables");
	expect_eq(user_run(user_reads_test_va), ~MAGIC,
		  "user read through the new user L4");
	expect_eq(mfn_to_pfn(pfn_to_mfn(pfn)), pfn, "M2P read through the new L4");
}

static int switch_to(xen_pfn_t l4, const char *what)
{
	long rc = mmuext1(MMUEXT_NEW_BASEPTR, l4);

	if (!rc)
		rc = user_set_l4(l4);
	if (rc)
		fail("switch to the %s tables: %ld", what, rc);
	return rc ? -1 : 0;
}

/* After the unpin nothing refers to the frames: they take any data. */
static void reuse_as_data(void)
{
	unsigned int i;

	if (map_windows(PTE_PRESENT | PTE_RW))
		return;
	for (i = 0; i < NR_FRAMES; i++)
		memset(windows[i], 0xa5 + i, PAGE_SIZE);
	for (i = 0; i < NR_FRAMES; i++)
		expect_eq(windows[i][PAGE_SIZE - 1], (char)(0xa5 + i),
			  "data in a former table frame");
}

static int alloc_frames(void)
{
	unsigned int i;

	for (i = 0; i < NR_FRAMES; i++) {
		mfn[i] = frame_alloc();
		if (!mfn[i]) {
			fail("no free frame past the initial mapping");
			return -1;
		}
	}
	return 0;
}

void test_main(void)
{
	unsigned int i;

	expect(boot_pte(TEST_VA, 2) && !(*boot_pte(TEST_VA, 2) & PTE_PRESENT),
	       "the boot tables already map 0x%lx", TEST_VA);
	if (alloc_frames() || map_windows(PTE_PRESENT | PTE_RW))
		return;
	fill_tables();
	/* A frame that is writable anywhere cannot become a page table. */
	if (map_windows(PTE_PRESENT) || pin_tables())
		return;
	expect_test_va_unmapped("read of the test page on the boot tables");
	if (switch_to(mfn[L4], "new"))
		return;
	use_new_tables();
	if (switch_to(boot_l4_mfn(), "boot"))
		return;
	expect_test_va_unmapped("read of the test page after switching back");
	unpin_tables();
	reuse_as_data();
	for (i = 0; i < NR_FRAMES; i++)
		expect_eq(map_own_frame(windows[i]), 0, "restore of a window");
}
