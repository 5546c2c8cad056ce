/*
 * The PV guest kernel's direct map (kernel_tables.c's physmap_build, over
 * the shared walk in pgtable.c) against a fake Xen MMU that keeps Xen's
 * rule: a frame is a page table or writable, never both. The tables come,
 * as at boot, from the padding pages (boot_mm.c), which the direct map
 * itself covers; each layout puts the padding at another pfn, so that
 * somewhere a new L1 is the very page it is made to map.
 */
#include <stdlib.h>

#include "pgtable.h"
#include "support.h"
#include "xenpv.h"

#define NR_PAGES 1280UL
#define NO_LEVEL 0

start_info_t xen_start;
char __rodata_end[1], __image_end[1];

/* Pseudo-physical memory, identity-mapped to machine frames. */
static pte_t (*memory)[512];
static unsigned level[NR_PAGES];        /* as a table: 4..1, or NO_LEVEL */
static bool writable[NR_PAGES];         /* some L1 entry maps it writable */
static unsigned long scratch_first, scratch_next;
static const char *broken_rule;

static void refuse(const char *why)
{
	if (!broken_rule)
		broken_rule = why;
}

phys_addr_t pt_entry_addr(pte_t e)
{
	return e & PTE_ADDR_MASK;
}

pte_t pt_entry_make(phys_addr_t pa, uint64_t flags)
{
	return pa | flags;
}

const pte_t *pt_table_view(phys_addr_t table)
{
	return memory[table >> PAGE_SHIFT];
}

/* What Xen checks of an mmu_update: a leaf may be writable only if its
 * page is no table; a table may be hooked in only if no leaf writes it. */
void pt_entry_set(phys_addr_t table, unsigned idx, pte_t e)
{
	unsigned long pfn = table >> PAGE_SHIFT, target = pt_entry_addr(e) >> PAGE_SHIFT;

	ck_assert_uint_lt(target, NR_PAGES);
	ck_assert_uint_ne(level[pfn], NO_LEVEL);
	if (level[pfn] == 1 && (e & PTE_RW) && level[target] != NO_LEVEL)
		refuse("a page table mapped writable");
	if (level[pfn] > 1 && writable[target])
		refuse("a writable page hooked in as a table");
	if (level[pfn] == 1 && (e & PTE_RW))
		writable[target] = true;
	else if (level[pfn] > 1)
		level[target] = level[pfn] - 1;
	memory[pfn][idx] = e;
}

void pt_root_set(struct arch_aspace *as, unsigned idx, pte_t e)
{
	pt_entry_set(as->l4, idx, e);
}

/* The direct map's entry for pfn, or NULL while no L1 covers it. */
static pte_t *physmap_slot(unsigned long pfn)
{
	uintptr_t va = PHYSMAP_BASE + (pfn << PAGE_SHIFT);
	phys_addr_t l1 = pt_l1_of(&kernel_as, va, false);

	return l1 ? &memory[l1 >> PAGE_SHIFT][PT_INDEX(va, 1)] : NULL;
}

/* boot_mm.c's padding: the next page, zeroed, and read-only in the
 * direct map if that already maps it (pt_protect). */
phys_addr_t pt_table_new(void)
{
	unsigned long pfn = scratch_next++;
	phys_addr_t pa = (phys_addr_t)pfn << PAGE_SHIFT;
	pte_t *slot = physmap_slot(pfn);

	ck_assert_uint_lt(pfn, NR_PAGES);
	memset(memory[pfn], 0, PAGE_SIZE);
	if (slot && (*slot & PTE_PRESENT))
		*slot = pt_entry_make(pa, KERNEL_RO);
	writable[pfn] = false;
	return pa;
}

/* The builder's L4 and the padding's tables so far. */
bool boot_page_is_table(unsigned long pfn)
{
	return pfn >= scratch_first - 1 && pfn < scratch_next;
}

void pt_sync(void)
{
}

void pt_invalidate(uintptr_t va)
{
	(void)va;
}

/* Only kernel_tables_build() calls these, and no test does. */
void mmuext_ops(struct mmuext_op *ops, unsigned count)
{
	(void)ops;
	(void)count;
	ck_abort_msg("mmuext_ops called");
}

xen_pfn_t table_mfn(phys_addr_t table)
{
	(void)table;
	ck_abort_msg("table_mfn called");
}

/* The builder's L4 is the page before the padding (never pfn 0, which
 * the walk reads as no table). */
static void boot_with_padding_at(unsigned long first)
{
	memset(memory[first - 1], 0, PAGE_SIZE);
	memset(level, 0, sizeof(level));
	memset(writable, 0, sizeof(writable));
	broken_rule = NULL;
	xen_start.nr_pages = NR_PAGES;
	scratch_first = scratch_next = first;
	kernel_as = (struct arch_aspace){ .l4 = (phys_addr_t)(first - 1) << PAGE_SHIFT };
	level[first - 1] = 4;
}

static void setup(void)
{
	memory = calloc(NR_PAGES, PAGE_SIZE);
	ck_assert_ptr_nonnull(memory);
}

static void teardown(void)
{
	free(memory);
}

/* Every pfn lands where the padding's next table is about to be made. */
START_TEST(no_layout_maps_a_table_writable)
{
	for (unsigned long first = 2; first < NR_PAGES - 8; first++) {
		boot_with_padding_at(first);
		physmap_build();
		ck_assert_msg(!broken_rule, "padding at pfn %lu: %s", first, broken_rule);
	}
}
END_TEST

START_TEST(maps_every_page_and_its_tables_read_only)
{
	boot_with_padding_at(509);
	physmap_build();
	ck_assert_uint_eq(physmap_end_pfn, NR_PAGES);
	for (unsigned long pfn = 0; pfn < NR_PAGES; pfn++) {
		const pte_t *slot = physmap_slot(pfn);

		ck_assert_ptr_nonnull(slot);
		ck_assert_uint_eq(pt_entry_addr(*slot), pfn << PAGE_SHIFT);
		ck_assert_uint_eq(*slot, pt_entry_make(pfn << PAGE_SHIFT,
			boot_page_is_table(pfn) ? KERNEL_RO : KERNEL_RW));
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("gk_physmap");
	TCase *tc = tcase_create("physmap_build");

	/* The sweep over every layout takes seconds, more on a busy host than
	 * Check's 4 s default allows. */
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, no_layout_maps_a_table_writable);
	tcase_add_test(tc, maps_every_page_and_its_tables_read_only);
	suite_add_tcase(s, tc);
	return s;
}
