/*
 * mmu_update on L1 entries: map, remap, unmap and protection changes of one
 * page of the image (each seen from inside, faults included), A/D bits kept
 * by MMU_PT_UPDATE_PRESERVE_AD, an M2P entry written and read back, and
 * batches of 1 to 512 entries in an L1 the guest hooks into its L2.
 */
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "mmu_update";

/* The L1 this guest hooks maps the last 2 MiB below 1 GiB. */
#define HOOK_VA (511 * PT_SPAN(2))
#define MAGIC_A 0xaaaa0000aaaa0000UL
#define MAGIC_B 0xbbbb0000bbbb0000UL
#define PTE_DATA (PTE_PRESENT | PTE_RW)

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static mmu_update_t batch[PT_ENTRIES];
static xen_pfn_t frame_a, frame_b;

static unsigned long window_va(void)
{
	return (unsigned long)window;
}

/* Sets the window's L1 entry and flushes it, as a PV kernel must. */
static void set_window_pte(unsigned int cmd, uint64_t val, const char *what)
{
	long rc = mmu_update1(boot_pte_maddr(window_va(), 1) | cmd, val);

	expect_eq(rc, 0, what);
	expect_eq(invlpg(window_va()), 0, "INVLPG_LOCAL of the window");
}

static uint64_t window_pte(void)
{
	return *boot_pte(window_va(), 1);
}

static void map_remap_unmap(void)
{
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_a, PTE_DATA), "map A");
	poke(window_va(), MAGIC_A);
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_b, PTE_DATA), "remap to B");
	poke(window_va(), MAGIC_B);
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_a, PTE_DATA), "remap to A");
	expect_eq(peek(window_va()), MAGIC_A, "A's data after the remaps");
	set_window_pte(MMU_NORMAL_PT_UPDATE, 0, "unmap");
	expect_eq(read_faults(window_va()), 0, "#PF error code of a read of the unmapped page");
	expect_eq(exception_seen.cr2, window_va(), "cr2 of that read");
}

static void protection(void)
{
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_b, PTE_PRESENT), "map B read-only");
	expect_eq(peek(window_va()), MAGIC_B, "read of the read-only page");
	expect_eq(write_faults(window_va(), 1), PFEC_WRITE | PTE_PRESENT,
		  "#PF error code of a write to the read-only page");
	expect_eq(exception_seen.cr2, window_va(), "cr2 of that write");
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_b, PTE_DATA), "make B writable");
	expect_eq(write_faults(window_va(), 1), -1, "write after making the page writable");
	expect_eq(peek(window_va()), 1, "the write to the writable page");
}

/* The CPU sets A and D in the guest's own L1 entry; PRESERVE_AD keeps them. */
static void preserve_ad(void)
{
	const uint64_t ad = PTE_ACCESSED | PTE_DIRTY;

	poke(window_va(), MAGIC_B);
	expect_eq(window_pte() & ad, ad, "A and D after a write");
	set_window_pte(MMU_PT_UPDATE_PRESERVE_AD, MAKE_PTE(frame_b, PTE_DATA),
		       "MMU_PT_UPDATE_PRESERVE_AD");
	expect_eq(window_pte() & ad, ad, "A and D after MMU_PT_UPDATE_PRESERVE_AD");
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(frame_b, PTE_DATA),
		       "MMU_NORMAL_PT_UPDATE without A and D");
	expect_eq(window_pte() & ad, 0, "A and D after MMU_NORMAL_PT_UPDATE");
	expect_eq(PTE_MFN(window_pte()), frame_b, "frame of the updated entry");
}

static void machphys(void)
{
	xen_pfn_t pfn = mfn_to_pfn(frame_a);
	uint64_t ptr = ((uint64_t)frame_a << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE;

	expect_eq(mmu_update1(ptr, 0x12345), 0, "MMU_MACHPHYS_UPDATE");
	expect_eq(mfn_to_pfn(frame_a), 0x12345, "M2P entry after the update");
	expect_eq(mmu_update1(ptr, pfn), 0, "MMU_MACHPHYS_UPDATE back");
	expect_eq(mfn_to_pfn(frame_a), pfn, "M2P entry restored");
}

/* Entry i of the hooked L1 maps A or B, alternately, or nothing. */
static void fill_batch(uint64_t l1, unsigned int n, int unmap)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		batch[i].ptr = l1 + i * sizeof(uint64_t);
		batch[i].val = unmap ? 0 : MAKE_PTE(i & 1 ? frame_b : frame_a, PTE_PRESENT);
	}
}

static void run_batch(uint64_t l1, unsigned int n, int unmap)
{
	unsigned int done = 0xdead;
	unsigned long va = HOOK_VA + (n - 1) * PAGE_SIZE;

	fill_batch(l1, n, unmap);
	expect_eq(HYPERVISOR_mmu_update(batch, n, &done, DOMID_SELF), 0, "batch");
	expect_eq(done, n, "entries done by the batch");
	expect_eq(invlpg(va), 0, "INVLPG_LOCAL after the batch");
	if (unmap)
		return;
	expect_eq(peek(HOOK_VA), MAGIC_A, "first page of the batch");
	expect_eq(peek(va), (n - 1) & 1 ? MAGIC_B : MAGIC_A, "last page of the batch");
}

/*
 * A bad entry ends the batch: the entries before it are done, none after.
 * The bad one maps the boot L4, a page table, writable.
 */
static void batch_with_bad_entry(uint64_t l1)
{
	unsigned int done = 0xdead;
	const unsigned int bad = 5;

	fill_batch(l1, 8, 1);
	batch[bad].val = MAKE_PTE(boot_l4_mfn(), PTE_DATA);
	batch[bad + 1].val = MAKE_PTE(frame_b, PTE_PRESENT);
	/* A page table cannot be writable anywhere: Xen says it is busy. */
	expect_eq(HYPERVISOR_mmu_update(batch, 8, &done, DOMID_SELF), -XEN_EBUSY,
		  "batch whose entry 5 maps the L4 writable");
	expect_eq(done, bad, "entries done before the bad one");
	expect_eq(invlpg(HOOK_VA), 0, "INVLPG_LOCAL");
	expect_eq(invlpg(HOOK_VA + (bad + 1) * PAGE_SIZE), 0, "INVLPG_LOCAL");
	expect_eq(read_faults(HOOK_VA), 0, "#PF error code of a read of entry 0, unmapped");
	expect_eq(peek(HOOK_VA + (bad + 1) * PAGE_SIZE), MAGIC_A,
		  "entry 6, after the bad one, still maps A");
}

/* Xen takes a "page-table update" of a data frame as a plain write to it. */
static void update_of_data_frame(uint64_t l1)
{
	uint64_t ptr = ((uint64_t)frame_a << PAGE_SHIFT) | MMU_NORMAL_PT_UPDATE;

	expect_eq(mmu_update1(ptr, 0x1234), 0, "MMU_NORMAL_PT_UPDATE into a data frame");
	expect_eq(mmu_update1(l1, MAKE_PTE(frame_a, PTE_PRESENT)), 0, "map A");
	expect_eq(invlpg(HOOK_VA), 0, "INVLPG_LOCAL");
	expect_eq(peek(HOOK_VA), 0x1234, "data frame written by mmu_update");
}

/* Writing the L2 entry validates the new L1 implicitly: no pin. */
static void batches(void)
{
	static const unsigned int sizes[] = { 1, 8, 64, PT_ENTRIES };
	xen_pfn_t l1 = frame_alloc();
	uint64_t l1_maddr = (uint64_t)l1 << PAGE_SHIFT;
	uint64_t l2e = boot_pte_maddr(HOOK_VA, 2);
	unsigned int i;

	if (!l1 || frame_zero(l1)) {
		fail("no zeroed free frame for the L1");
		return;
	}
	expect_eq(*boot_pte(HOOK_VA, 2), 0, "the boot L2's entry for the hook");
	if (mmu_update1(l2e, MAKE_PTE(l1, PTE_TABLE))) {
		fail("hooking a new L1 into the boot L2");
		return;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		run_batch(l1_maddr, sizes[i], 0);
	batch_with_bad_entry(l1_maddr);
	update_of_data_frame(l1_maddr);
	run_batch(l1_maddr, PT_ENTRIES, 1);
	expect_eq(mmu_update1(l2e, 0), 0, "unhooking the L1");
	expect_eq(frame_zero(l1), 0, "writing the unhooked L1 as data");
}

void test_main(void)
{
	frame_a = frame_alloc();
	frame_b = frame_alloc();
	if (!frame_a || !frame_b) {
		fail("no free frames past the initial mapping");
		return;
	}
	map_remap_unmap();
	protection();
	preserve_ad();
	machphys();
	batches();
	set_window_pte(MMU_NORMAL_PT_UPDATE, MAKE_PTE(virt_to_mfn(window), PTE_DATA),
		       "restore of the window");
}
