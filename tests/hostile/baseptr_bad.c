/*
 * Base pointers Xen must refuse (an L1, a frame mapped writable, frames the
 * guest does not own), and the unpin of an L4 in use as CR3: Xen accepts
 * it, because CR3 holds a reference of its own, and the frame stays a page
 * table until the guest switches away.
 */
#include "alive.h"
#include "foreign.h"
#include "frames.h"
#include "ptables.h"
#include "test.h"

const char test_name[] = "baseptr_bad";

static char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static void refused_baseptrs(xen_pfn_t l1)
{
	const struct {
		const char *what;
		xen_pfn_t mfn;
	} bad[] = {
		{ "a pinned L1", l1 },
		{ "a frame mapped writable", virt_to_mfn(window) },
		{ "an M2P frame", m2p_frame() },
		{ "Xen's M2P L3", xen_l3_frame() },
		{ "RAM in no p2m", unowned_ram_frame() },
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (mmuext1(MMUEXT_NEW_BASEPTR, bad[i].mfn) != -XEN_EINVAL)
			fail("NEW_BASEPTR to %s is not -EINVAL", bad[i].what);
		if (mmuext1(MMUEXT_NEW_USER_BASEPTR, bad[i].mfn) != -XEN_EINVAL)
			fail("NEW_USER_BASEPTR to %s is not -EINVAL", bad[i].what);
	}
}

/* An L4 of its own that shares the boot L3, so the image stays mapped. */
static xen_pfn_t own_l4(void)
{
	xen_pfn_t l4 = frame_alloc();

	if (!l4 || frame_zero(l4) || frame_write(l4, 0, *boot_pte(0, 4)) ||
	    mmuext1(MMUEXT_PIN_L4_TABLE, l4)) {
		fail("no pinned L4 of a free frame");
		return 0;
	}
	return l4;
}

static void unpin_in_use(void)
{
	xen_pfn_t l4 = own_l4();

	if (!l4 || mmuext1(MMUEXT_NEW_BASEPTR, l4)) {
		fail("switch to the own L4");
		return;
	}
	expect_eq(mmuext1(MMUEXT_UNPIN_TABLE, l4), 0, "unpin of the L4 in use as CR3");
	expect_alive();
	expect_eq(map_frame(window, l4, PTE_PRESENT | PTE_RW), -XEN_EBUSY,
		  "writable mapping of the unpinned L4 still in use");
	expect_eq(mmuext1(MMUEXT_NEW_BASEPTR, boot_l4_mfn()), 0, "switch back");
	expect_eq(map_frame(window, l4, PTE_PRESENT | PTE_RW), 0,
		  "writable mapping of the former L4");
	expect_eq(map_own_frame(window), 0, "restore of the window");
}

void test_main(void)
{
	xen_pfn_t l1 = pinned_table(1);

	if (!l1) {
		fail("no pinned L1 of a free frame");
		return;
	}
	refused_baseptrs(l1);
	unpin_in_use();
	expect_alive();
}
