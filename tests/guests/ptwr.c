/*
 * Writable page tables: the guest kernel stores straight into its own L1
 * page-table pages through their read-only mappings (mov, a 4-byte mov,
 * xchg, cmpxchg), and Xen emulates each store as a validated PTE update.
 * Both an L1 hooked into the L2 and one that is only pinned take such
 * stores; a bad entry, and any store into an L2, come back as #PF.
 */
#include "frames.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "ptwr";

/* The hooked L1 maps the last 2 MiB below 1 GiB. */
#define HOOK_VA (511 * PT_SPAN(2))
#define MAGIC_A 0xa5a5000000a5a5a5UL
#define MAGIC_B 0xb5b5000000b5b5b5UL
/* What Xen may add to a guest's L1 entry: U, A, D, and its own bit 52. */
#define PTE_XEN_BITS (PTE_USER | PTE_ACCESSED | PTE_DIRTY | (1UL << 52))

/* Read-only views of the two L1s, and a window to fill the data frames. */
static char hooked_view[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static char pinned_view[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static xen_pfn_t frame_a, frame_b;

static unsigned long entry_va(const char *view, unsigned int i)
{
	return (unsigned long)view + i * sizeof(uint64_t);
}

static unsigned long page_va(unsigned int i)
{
	return HOOK_VA + i * PAGE_SIZE;
}

/* The entry without the bits Xen adds on the way in. */
static uint64_t entry(const char *view, unsigned int i)
{
	return peek(entry_va(view, i)) & ~PTE_XEN_BITS;
}

static uint64_t xchg(unsigned long va, uint64_t v)
{
	asm volatile("xchg %0, (%1)" : "+r"(v) : "r"(va) : "memory");
	return v;
}

static uint64_t cmpxchg(unsigned long va, uint64_t old, uint64_t v)
{
	asm volatile("lock cmpxchg %2, (%1)" : "+a"(old) : "r"(va), "r"(v) : "memory");
	return old;
}

static void store32(unsigned long va, uint32_t v)
{
	asm volatile("movl %1, (%0)" : : "r"(va), "r"(v) : "memory");
}

/* The new entry must be in force: read through the page it maps. */
static void expect_page(unsigned int i, uint64_t magic, const char *what)
{
	expect_eq(invlpg(page_va(i)), 0, "INVLPG_LOCAL");
	expect_eq(peek(page_va(i)), magic, what);
}

static void stores_into_hooked_l1(void)
{
	const uint64_t a = MAKE_PTE(frame_a, PTE_PRESENT), b = MAKE_PTE(frame_b, PTE_PRESENT);

	expect_eq(write_faults(entry_va(hooked_view, 0), a), -1, "mov into the hooked L1");
	expect_eq(entry(hooked_view, 0), a, "entry 0 after the mov");
	expect_page(0, MAGIC_A, "page 0 after the mov");

	expect_eq(xchg(entry_va(hooked_view, 0), b) & ~PTE_XEN_BITS, a, "old entry from xchg");
	expect_page(0, MAGIC_B, "page 0 after the xchg");

	expect_eq(cmpxchg(entry_va(hooked_view, 1), 0, a), 0, "cmpxchg of an empty entry");
	expect_page(1, MAGIC_A, "page 1 after the cmpxchg");
	expect_eq(cmpxchg(entry_va(hooked_view, 1), b, 0) & ~PTE_XEN_BITS, a,
		  "cmpxchg that does not match");
	expect_page(1, MAGIC_A, "page 1 after the failed cmpxchg");

	/* Half an entry: Xen merges it with the other half it holds. */
	store32(entry_va(hooked_view, 1), (uint32_t)b);
	expect_eq(entry(hooked_view, 1), b, "entry 1 after a 4-byte store");
	expect_page(1, MAGIC_B, "page 1 after the 4-byte store");
}

/* A writable mapping of a page table is refused: the store is a #PF. */
static void bad_entry(const char *view, const char *what)
{
	uint64_t before = peek(entry_va(view, 2));

	expect_eq(write_faults(entry_va(view, 2), MAKE_PTE(boot_l4_mfn(), PTE_PRESENT | PTE_RW)),
		  PFEC_WRITE | PTE_PRESENT, what);
	expect_eq(exception_seen.cr2, entry_va(view, 2), "cr2 of the refused store");
	expect_eq(peek(entry_va(view, 2)), before, "entry after the refused store");
}

/* Only L1s are emulated: a store into the boot L2, even of its own value, faults. */
static void store_into_l2(void)
{
	const uint64_t *l2e = boot_pte(0, 2);

	expect_eq(write_faults((unsigned long)l2e, *l2e), PFEC_WRITE | PTE_PRESENT,
		  "#PF error code of a store into the boot L2");
}

static void stores_into_pinned_l1(void)
{
	const uint64_t a = MAKE_PTE(frame_a, PTE_PRESENT);

	expect_eq(write_faults(entry_va(pinned_view, 7), a), -1, "mov into the pinned L1");
	expect_eq(entry(pinned_view, 7), a, "entry 7 of the pinned L1");
	bad_entry(pinned_view, "#PF error code of a bad entry stored into the pinned L1");
	expect_eq(write_faults(entry_va(pinned_view, 7), 0), -1, "clearing the entry");
}

static void fill(xen_pfn_t mfn, uint64_t magic)
{
	expect_eq(map_frame(window, mfn, PTE_PRESENT | PTE_RW), 0, "map for a fill");
	poke((unsigned long)window, magic);
}

/* Two empty L1s, seen read-only; one hooked at HOOK_VA, one pinned. */
static int set_up_tables(xen_pfn_t hooked, xen_pfn_t pinned)
{
	if (!hooked || !pinned || frame_zero(hooked) ||
	    map_frame(hooked_view, hooked, PTE_PRESENT) ||
	    map_frame(pinned_view, pinned, PTE_PRESENT)) {
		fail("no read-only views of two empty L1s");
		return -1;
	}
	if (mmu_update1(boot_pte_maddr(HOOK_VA, 2), MAKE_PTE(hooked, PTE_TABLE))) {
		fail("hooking the L1");
		return -1;
	}
	return 0;
}

static void tear_down_tables(xen_pfn_t pinned)
{
	expect_eq(mmu_update1(boot_pte_maddr(HOOK_VA, 2), 0), 0, "unhooking the L1");
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, pinned), 0, "unpinning the L1");
	expect_eq(map_own_frame(hooked_view), 0, "restore of a view");
	expect_eq(map_own_frame(pinned_view), 0, "restore of a view");
	expect_eq(map_own_frame(window), 0, "restore of the window");
}

void test_main(void)
{
	xen_pfn_t pinned;

	frame_a = frame_alloc();
	frame_b = frame_alloc();
	pinned = pinned_table(1);
	if (!frame_a || !frame_b) {
		fail("no free frames past the initial mapping");
		return;
	}
	if (set_up_tables(frame_alloc(), pinned))
		return;
	fill(frame_a, MAGIC_A);
	fill(frame_b, MAGIC_B);
	stores_into_hooked_l1();
	bad_entry(hooked_view, "#PF error code of a bad entry stored into the hooked L1");
	stores_into_pinned_l1();
	store_into_l2();
	tear_down_tables(pinned);
}
