/*
 * The mmuext_op commands that are not about pinning: every TLB flush and
 * invlpg variant, the cache flushes, CLEAR_PAGE and COPY_PAGE, and each
 * flush flag of update_va_mapping. A flush must make a remapping that was
 * written without one (mmu_update) visible.
 */
#include "frames.h"
#include "hypercall.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "mmuext_misc";

#define MAGIC_A 0xa11a0000a11aUL
#define MAGIC_B 0xb11b0000b11bUL

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static xen_pfn_t frame_a, frame_b;
/* vCPU 0 only, for the _MULTI variants. */
static const xen_ulong_t vcpu0_mask = 1;

static unsigned long window_va(void)
{
	return (unsigned long)window;
}

/* Maps the window to A and touches it, so that the TLB holds A. */
static void window_on_a(void)
{
	expect_eq(map_frame(window, frame_a, PTE_PRESENT), 0, "map of A");
	expect_eq(peek(window_va()), MAGIC_A, "A through the window");
}

struct flush {
	const char *what;
	struct mmuext_op op;
};

static void check_flushes(void)
{
	const struct flush flushes[] = {
		{ "TLB_FLUSH_LOCAL", { .cmd = MMUEXT_TLB_FLUSH_LOCAL } },
		{ "TLB_FLUSH_MULTI", { .cmd = MMUEXT_TLB_FLUSH_MULTI,
				       .arg2.vcpumask.p = &vcpu0_mask } },
		{ "TLB_FLUSH_ALL", { .cmd = MMUEXT_TLB_FLUSH_ALL } },
		{ "INVLPG_LOCAL", { .cmd = MMUEXT_INVLPG_LOCAL,
				    .arg1.linear_addr = window_va() } },
		{ "INVLPG_MULTI", { .cmd = MMUEXT_INVLPG_MULTI,
				    .arg1.linear_addr = window_va(),
				    .arg2.vcpumask.p = &vcpu0_mask } },
		{ "INVLPG_ALL", { .cmd = MMUEXT_INVLPG_ALL,
				  .arg1.linear_addr = window_va() } },
	};
	uint64_t pte = boot_pte_maddr(window_va(), 1);
	unsigned int i;

	for (i = 0; i < sizeof(flushes) / sizeof(flushes[0]); i++) {
		window_on_a();
		expect_eq(mmu_update1(pte, MAKE_PTE(frame_b, PTE_PRESENT)), 0,
			  "mmu_update to B");
		expect_eq(mmuext(flushes[i].op), 0, flushes[i].what);
		if (peek(window_va()) != MAGIC_B)
			fail("%s: the window still shows A", flushes[i].what);
	}
}

static void check_uvmf_flags(void)
{
	const unsigned long multi = UVMF_MULTI | (unsigned long)&vcpu0_mask;
	const unsigned long flags[] = {
		UVMF_INVLPG | UVMF_LOCAL, UVMF_TLB_FLUSH | UVMF_LOCAL,
		UVMF_INVLPG | UVMF_ALL,	  UVMF_TLB_FLUSH | UVMF_ALL,
		UVMF_INVLPG | multi,	  UVMF_TLB_FLUSH | multi,
	};
	unsigned int i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		window_on_a();
		expect_eq(HYPERVISOR_update_va_mapping(window_va(),
						       MAKE_PTE(frame_b, PTE_PRESENT),
						       flags[i]),
			  0, "update_va_mapping with a flush");
		if (peek(window_va()) != MAGIC_B)
			fail("update_va_mapping with flags 0x%lx: the window still shows A",
			     flags[i]);
	}
	/* UVMF_NONE leaves the flush to the guest. */
	window_on_a();
	expect_eq(HYPERVISOR_update_va_mapping(window_va(),
					       MAKE_PTE(frame_b, PTE_PRESENT),
					       UVMF_NONE),
		  0, "update_va_mapping with UVMF_NONE");
	expect_eq(invlpg(window_va()), 0, "INVLPG_LOCAL");
	expect_eq(peek(window_va()), MAGIC_B, "B after UVMF_NONE and an invlpg");
}

static void check_cache_flushes(void)
{
	expect_eq(mmuext((struct mmuext_op){ .cmd = MMUEXT_FLUSH_CACHE }), 0,
		  "FLUSH_CACHE");
	expect_eq(mmuext((struct mmuext_op){ .cmd = MMUEXT_FLUSH_CACHE_GLOBAL }), 0,
		  "FLUSH_CACHE_GLOBAL");
}

static int frame_is(xen_pfn_t mfn, uint64_t word0, uint64_t word511)
{
	const uint64_t *words = (const uint64_t *)window;

	expect_eq(map_frame(window, mfn, PTE_PRESENT), 0, "map for a check");
	return words[0] == word0 && words[PT_ENTRIES - 1] == word511;
}

/* Data frames only: both frames are mapped read-only at the time. */
static void check_clear_and_copy(void)
{
	expect_eq(copy_page(frame_a, frame_b), 0, "COPY_PAGE from B to A");
	expect(frame_is(frame_a, MAGIC_B, MAGIC_B), "A is not a copy of B");
	expect_eq(mmuext1(MMUEXT_CLEAR_PAGE, frame_b), 0, "CLEAR_PAGE of B");
	expect(frame_is(frame_b, 0, 0), "B is not zero");
}

/* Each frame holds its magic in every word. */
static void fill(xen_pfn_t mfn, uint64_t magic)
{
	unsigned int i;

	expect_eq(map_frame(window, mfn, PTE_PRESENT | PTE_RW), 0, "map for a fill");
	for (i = 0; i < PT_ENTRIES; i++)
		poke(window_va() + i * sizeof(uint64_t), magic);
}

void test_main(void)
{
	frame_a = frame_alloc();
	frame_b = frame_alloc();
	if (!frame_a || !frame_b) {
		fail("no free frames past the initial mapping");
		return;
	}
	fill(frame_a, MAGIC_A);
	fill(frame_b, MAGIC_B);
	check_flushes();
	check_uvmf_flags();
	check_cache_flushes();
	check_clear_and_copy();
	expect_eq(map_own_frame(window), 0, "restore of the window");
}
