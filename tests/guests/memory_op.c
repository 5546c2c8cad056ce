/*
 * The memory_op sub-ops a PV kernel asks at boot, as Xen answers them to a
 * dom0 booted without dom0_mem: the memory map (none: dom0 reads the
 * machine's), the highest RAM frame, its reservations, and where the M2P is
 * and which frames hold it; then the M2P agrees with the p2m everywhere.
 */
#include "frames.h"
#include "hypercall.h"
#include "pagetable.h"
#include "test.h"

const char test_name[] = "memory_op";

#define MAX_EXTENTS 64
#define NO_SUCH_DOMAIN 1000
/* dom0's max_pages when no dom0_mem= limits it. */
#define UNLIMITED_PAGES 0xffffffffUL
/* One M2P extent is a 2 MiB page of 8-byte entries. */
#define M2P_EXTENT_ENTRIES (PT_SPAN(2) / sizeof(xen_pfn_t))
#define M2P_EXTENT_FRAMES (PT_SPAN(2) / PAGE_SIZE)

static xen_pfn_t extents[MAX_EXTENTS];

/* Xen keeps no memory map for a PV dom0 (Linux falls back on the machine's). */
static void check_memory_map(void)
{
	static char buffer[PAGE_SIZE];
	struct xen_memory_map map = { .nr_entries = 7 };

	set_xen_guest_handle(map.buffer, buffer);
	expect_eq(HYPERVISOR_memory_op(XENMEM_memory_map, &map), -XEN_ENOSYS,
		  "XENMEM_memory_map");
	expect_eq(map.nr_entries, 7, "nr_entries after the refused memory_map");
}

static void check_reservations(void)
{
	domid_t self = DOMID_SELF, other = NO_SUCH_DOMAIN;

	expect_eq(HYPERVISOR_memory_op(XENMEM_current_reservation, &self),
		  xen_start_info->nr_pages, "XENMEM_current_reservation");
	expect_eq(HYPERVISOR_memory_op(XENMEM_maximum_reservation, &self),
		  UNLIMITED_PAGES, "XENMEM_maximum_reservation");
	expect_eq(HYPERVISOR_memory_op(XENMEM_current_reservation, &other),
		  -XEN_ESRCH, "XENMEM_current_reservation of a missing domain");
}

static xen_pfn_t highest_own_mfn(void)
{
	xen_pfn_t pfn, highest = 0;

	for (pfn = 0; pfn < xen_start_info->nr_pages; pfn++)
		if (pfn_to_mfn(pfn) > highest)
			highest = pfn_to_mfn(pfn);
	return highest;
}

static void check_m2p_place(long max_ram_page)
{
	struct xen_machphys_mapping mapping;

	expect_eq(HYPERVISOR_memory_op(XENMEM_machphys_mapping, &mapping), 0,
		  "XENMEM_machphys_mapping");
	expect_eq(mapping.v_start, MACH2PHYS_VIRT_START, "M2P start");
	expect_eq(mapping.v_end, MACH2PHYS_VIRT_END, "M2P end");
	expect_eq(mapping.max_mfn, max_ram_page - 1, "M2P max_mfn");
}

/* One extent per 2 MiB of M2P up to the highest RAM page, each 2 MiB aligned. */
static void check_m2p_frames(long max_ram_page)
{
	struct xen_machphys_mfn_list list = { .max_extents = MAX_EXTENTS };
	unsigned long want = (max_ram_page + M2P_EXTENT_ENTRIES - 1) / M2P_EXTENT_ENTRIES;
	unsigned int i;

	set_xen_guest_handle(list.extent_start, extents);
	expect_eq(HYPERVISOR_memory_op(XENMEM_machphys_mfn_list, &list), 0,
		  "XENMEM_machphys_mfn_list");
	expect_eq(list.nr_extents, want, "M2P extents");
	for (i = 0; i < list.nr_extents && i < MAX_EXTENTS; i++)
		expect(extents[i] % M2P_EXTENT_FRAMES == 0,
		       "M2P extent %u at MFN 0x%lx is not 2 MiB aligned", i, extents[i]);
	list.max_extents = 0;
	expect_eq(HYPERVISOR_memory_op(XENMEM_machphys_mfn_list, &list), 0,
		  "XENMEM_machphys_mfn_list into no room");
	expect_eq(list.nr_extents, 0, "M2P extents returned into no room");
}

static void check_m2p_contents(void)
{
	xen_pfn_t pfn;

	for (pfn = 0; pfn < xen_start_info->nr_pages; pfn++)
		if (mfn_to_pfn(pfn_to_mfn(pfn)) != pfn) {
			fail("M2P of PFN 0x%lx's MFN 0x%lx is 0x%lx", pfn,
			     pfn_to_mfn(pfn), mfn_to_pfn(pfn_to_mfn(pfn)));
			return;
		}
}

void test_main(void)
{
	long max_ram_page = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);

	expect(max_ram_page > (long)highest_own_mfn(),
	       "XENMEM_maximum_ram_page %ld is not above the guest's MFNs", max_ram_page);
	check_memory_map();
	check_reservations();
	check_m2p_place(max_ram_page);
	check_m2p_frames(max_ram_page);
	check_m2p_contents();
}
