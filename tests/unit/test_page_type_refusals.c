/* mm/page_type.c, part 2: what validation refuses, and that a refused
 * validation gives back every reference it had taken. */
#include "page_tables.h"

/* A second table of each level: LkB is LkT + SECOND. */
#define SECOND  20
enum { L1B = L1T + SECOND, L2B, L3B, L4B, L1C, FOREIGN = 40 };

#define GNTTAB  (1UL << 62)
#define AVAIL_HIGH_BUT_GNTTAB (0x3ffUL << 52)

static const uint64_t cache_attrs[] = { _PAGE_PWT, _PAGE_PCD, _PAGE_PAT };

static void setup(void)
{
	page_tables_setup();
	fake_info[FOREIGN].owner = OTHER;
}

/* Loop tests over the levels with linear tables: 2, 3 and 4. */
static unsigned long upper_table(int i)
{
	return L2T + i;
}

static enum page_type upper_type(int i)
{
	return PGT_l2 + i;
}

/* Read-only mappings of a page table are how a guest reads it. Xen
 * answers a writable one with -EBUSY, unlike every other refusal. */
START_TEST(rw_mapping_of_a_page_table)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	set_entry(L1B, 0, L1T, RW);
	ck_assert_pin_fails(L1B, PGT_l1, -EBUSY);
	set_entry(L1B, 0, L1T, RO);
	ck_assert_int_eq(pin_table(L1B, PGT_l1, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 1, 2);
}
END_TEST

START_TEST(pinning_a_frame_mapped_writable)
{
	page_tables_chain();
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_pin_refused(DATA, PGT_l1);
	ck_assert_pin_refused(DATA, PGT_l2);
}
END_TEST

/* Xen's answers: RAM of another owner is busy in an L1, and a bad entry's
 * error is the error of the whole pin. */
START_TEST(entries_to_frames_of_another_owner)
{
	set_entry(L1T, 0, FOREIGN, RO);
	ck_assert_pin_fails(L1T, PGT_l1, -EBUSY);
	set_entry(L1T, 0, FOREIGN, RW);
	ck_assert_pin_fails(L1T, PGT_l1, -EBUSY);
	set_entry(L2T, 0, FOREIGN, RW);
	ck_assert_pin_refused(L2T, PGT_l2);
}
END_TEST

/* Reaching past the RAM would fail the test in fake_frame_info(). Device
 * memory is the privileged domain's alone (-EPERM for others); past it
 * the CPU has no such address (-EINVAL). */
START_TEST(entries_to_frames_beyond_ram)
{
	set_entry(L1T, 0, FAKE_FRAMES, RO);
	ck_assert_pin_fails(L1T, PGT_l1, -EPERM);
	set_entry(L1T, 0, FAKE_FRAMES + FAKE_IO_FRAMES, RO);
	ck_assert_pin_refused(L1T, PGT_l1);
	set_entry(L2T, 0, FAKE_FRAMES, RW);
	ck_assert_pin_refused(L2T, PGT_l2);
	set_entry(L1T, 0, FAKE_FRAMES - 1, RW);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
}
END_TEST

/* A privileged domain maps device memory, which holds no references. */
START_TEST(device_memory_for_the_privileged)
{
	fake_privileged_domain = DOM;
	set_entry(L1T, 0, FAKE_FRAMES + 1, RW);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_int_eq(unpin_table(L1T, DOM), 0);
	ck_assert_frame(L1T, PGT_none, 0, 0);
}
END_TEST

/* No superpages: an L2 or L3 entry always points at a table. */
START_TEST(pse_in_l2_and_l3)
{
	page_tables_chain();
	set_entry(L2T, 3, L1T, RW | _PAGE_PSE);
	ck_assert_pin_refused(L2T, PGT_l2);
	ck_assert_pin_refused(L3T, PGT_l3);
	set_entry(L2T, 3, L1T, RW);
	set_entry(L3T, 2, L2T, RW | _PAGE_PSE);
	ck_assert_pin_refused(L3T, PGT_l3);
	set_entry(L3T, 2, L2T, RW);
	ck_assert_int_eq(pin_table(L3T, PGT_l3, DOM), 0);
}
END_TEST

/* Bit 62 marks grant mappings, which only the grant code makes; the other
 * bits the hardware ignores, and NX, are the guest's. */
START_TEST(bit_62_in_l1)
{
	set_entry(L1T, 0, DATA, RW | GNTTAB);
	ck_assert_pin_refused(L1T, PGT_l1);
	set_entry(L1T, 0, DATA, RW | AVAIL_HIGH_BUT_GNTTAB | _PAGE_AVAIL | _PAGE_NX);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
}
END_TEST

START_TEST(cache_attribute_refused_unprivileged)
{
	set_entry(L1T, 0, DATA, RW | cache_attrs[_i]);
	ck_assert_pin_refused(L1T, PGT_l1);
}
END_TEST

START_TEST(cache_attribute_allowed_privileged)
{
	fake_privileged_domain = DOM;
	set_entry(L1T, 0, DATA, RW | cache_attrs[_i]);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_frame(DATA, PGT_writable, 1, 1);
}
END_TEST

/* What counts is whether the table's owner is privileged. */
START_TEST(cache_attributes_judged_by_the_owner)
{
	fake_privileged_domain = OTHER;
	set_entry(L1T, 0, DATA, RW | _PAGE_PCD);
	ck_assert_pin_refused(L1T, PGT_l1);
}
END_TEST

START_TEST(global_in_l1_but_not_in_l2)
{
	set_entry(L1T, 0, DATA, RW | _PAGE_GLOBAL);
	set_entry(L2T, 0, L1T, RW | _PAGE_GLOBAL);
	ck_assert_pin_refused(L2T, PGT_l2);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
}
END_TEST

START_TEST(l2_entry_to_an_l2)
{
	ck_assert_int_eq(pin_table(L2B, PGT_l2, DOM), 0);
	set_entry(L2T, 0, L2B, RW);
	ck_assert_pin_refused(L2T, PGT_l2);
}
END_TEST

START_TEST(l2_entry_to_an_l3)
{
	ck_assert_int_eq(pin_table(L3B, PGT_l3, DOM), 0);
	set_entry(L2T, 0, L3B, RW);
	ck_assert_pin_refused(L2T, PGT_l2);
}
END_TEST

START_TEST(l3_entry_to_an_l1)
{
	ck_assert_int_eq(pin_table(L1B, PGT_l1, DOM), 0);
	set_entry(L3T, 0, L1B, RW);
	ck_assert_pin_refused(L3T, PGT_l3);
}
END_TEST

/* The last entry is refused after all the others took their references,
 * one of them a second writable one. */
START_TEST(refused_l1_gives_back_its_references)
{
	set_entry(L1T, 0, DATA, RW);
	set_entry(L1T, 1, DATA, RO);
	set_entry(L1T, 2, DATA_RO, RO);
	set_entry(L1T, 3, DATA, RW);
	set_entry(L1T, 511, FOREIGN, RO);
	ck_assert_pin_fails(L1T, PGT_l1, -EBUSY);
	ck_assert_uint_eq(fake_info[DATA].flags, PGF_tlb_stale);
}
END_TEST

/* L4T -> L3T: [2] the whole chain, then [7] L2B -> { L1C, pinned already,
 * then L1B, which maps DATA and whose last entry is refused }. Every level
 * has something to give back, and L1C a type count that must not reach 0. */
START_TEST(refused_tree_gives_back_every_level)
{
	page_tables_chain();
	set_entry(L1C, 0, DATA_RO, RO);
	ck_assert_int_eq(pin_table(L1C, PGT_l1, DOM), 0);
	set_entry(L3T, 7, L2B, RW);
	set_entry(L2B, 0, L1C, RW);
	set_entry(L2B, 1, L1B, RW);
	set_entry(L1B, 0, DATA, RW);
	set_entry(L1B, 511, FOREIGN, RW);
	ck_assert_pin_fails(L4T, PGT_l4, -EBUSY);
	ck_assert_frame(L1C, PGT_l1, 1, 1);
}
END_TEST

/* Undoing stops at the hypervisor's slots as validating did: the guest's
 * entry there is neither put back nor replaced. */
START_TEST(refused_l4_skips_the_hypervisor_slots)
{
	page_tables_chain();
	set_entry(L4T, HV_FIRST_L4_SLOT + 4, L3T, RW);
	set_entry(L4T, 400, FOREIGN, RW);
	ck_assert_pin_refused(L4T, PGT_l4);
	ck_assert_uint_eq(entry(L4T, HV_FIRST_L4_SLOT + 4), pte_make(L3T, RW));
	ck_assert_uint_eq(entry(L4T, HV_FIRST_L4_SLOT), 0);
}
END_TEST

/* A read-only self-map (the guest's linear page table) holds no
 * reference: if it did, the table would keep itself alive. */
START_TEST(linear_entry_read_only)
{
	unsigned long t = upper_table(_i);

	set_entry(t, 9, t, RO);
	ck_assert_int_eq(pin_table(t, upper_type(_i), DOM), 0);
	ck_assert_frame(t, upper_type(_i), 1, 1);
	ck_assert_int_eq(unpin_table(t, DOM), 0);
	ck_assert_released(t);
}
END_TEST

START_TEST(linear_entry_read_write)
{
	unsigned long t = upper_table(_i);

	set_entry(t, 9, t, RW);
	ck_assert_pin_refused(t, upper_type(_i));
}
END_TEST

START_TEST(entry_to_another_table_of_its_level)
{
	unsigned long t = upper_table(_i);

	ck_assert_int_eq(pin_table(t + SECOND, upper_type(_i), DOM), 0);
	set_entry(t, 9, t + SECOND, RO);
	ck_assert_pin_refused(t, upper_type(_i));
}
END_TEST

/* In an L1 an entry to its own table is a data mapping like any other. */
START_TEST(l1_mapping_itself)
{
	set_entry(L1T, 9, L1T, RW);
	ck_assert_pin_fails(L1T, PGT_l1, -EBUSY);
	set_entry(L1T, 9, L1T, RO);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 1, 2);
	ck_assert_int_eq(unpin_table(L1T, DOM), 0);
	ck_assert_released(L1T);
}
END_TEST

/* A table reached again below itself would be used at two levels. */
START_TEST(table_containing_itself_one_level_down)
{
	page_tables_chain();
	set_entry(L2T, 3, L3T, RW);
	ck_assert_pin_refused(L3T, PGT_l3);
	set_entry(L2T, 3, L1T, RW);
	set_entry(L3T, 2, L4T, RW);
	ck_assert_pin_refused(L4T, PGT_l4);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("page_type_refusals");
	TCase *tc = tcase_create("refusals");
	int attrs = sizeof(cache_attrs) / sizeof(cache_attrs[0]);

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, rw_mapping_of_a_page_table);
	tcase_add_test(tc, pinning_a_frame_mapped_writable);
	tcase_add_test(tc, entries_to_frames_of_another_owner);
	tcase_add_test(tc, entries_to_frames_beyond_ram);
	tcase_add_test(tc, device_memory_for_the_privileged);
	tcase_add_test(tc, pse_in_l2_and_l3);
	tcase_add_test(tc, bit_62_in_l1);
	tcase_add_loop_test(tc, cache_attribute_refused_unprivileged, 0, attrs);
	tcase_add_loop_test(tc, cache_attribute_allowed_privileged, 0, attrs);
	tcase_add_test(tc, cache_attributes_judged_by_the_owner);
	tcase_add_test(tc, global_in_l1_but_not_in_l2);
	tcase_add_test(tc, l2_entry_to_an_l2);
	tcase_add_test(tc, l2_entry_to_an_l3);
	tcase_add_test(tc, l3_entry_to_an_l1);
	tcase_add_test(tc, refused_l1_gives_back_its_references);
	tcase_add_test(tc, refused_tree_gives_back_every_level);
	tcase_add_test(tc, refused_l4_skips_the_hypervisor_slots);
	tcase_add_loop_test(tc, linear_entry_read_only, 0, 3);
	tcase_add_loop_test(tc, linear_entry_read_write, 0, 3);
	tcase_add_loop_test(tc, entry_to_another_table_of_its_level, 0, 3);
	tcase_add_test(tc, l1_mapping_itself);
	tcase_add_test(tc, table_containing_itself_one_level_down);
	suite_add_tcase(s, tc);
	return s;
}
