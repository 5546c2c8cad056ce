/* mm/page_type.c, part 1: validating and releasing each level, and the
 * counts a validated tree holds (include/page_type.h has the rules). */
#include "page_tables.h"

#define L2B     20      /* a second L2 */

/* Frames L1T..top of page_tables_chain() validated, each referenced once
 * by its parent entry or the pin; the frames above top untouched. */
static void ck_assert_chain_typed(unsigned long top)
{
	for (unsigned long t = L1T; t <= L4T; t++) {
		if (t <= top)
			ck_assert_frame(t, PGT_l1 + t - L1T, 1, 1);
		else
			ck_assert_frame(t, PGT_none, 0, 0);
	}
	ck_assert_frame(DATA, PGT_writable, 1, 1);
	ck_assert_frame(DATA_RO, PGT_none, 0, 1);
	ck_assert_uint_eq(fake_info[top].flags, PGF_pinned);
}

/* A read-only mapping never gave DATA_RO a type, so it has none to lose. */
static void ck_assert_chain_released(unsigned long top)
{
	for (unsigned long t = L1T; t <= top; t++)
		ck_assert_released(t);
	ck_assert_released(DATA);
	ck_assert_frame(DATA_RO, PGT_none, 0, 0);
	ck_assert_uint_eq(fake_info[DATA_RO].flags, 0);
}

static void pin_and_unpin_chain(unsigned long top)
{
	page_tables_chain();
	ck_assert_int_eq(pin_table(top, PGT_l1 + top - L1T, DOM), 0);
	ck_assert_chain_typed(top);
	ck_assert_int_eq(unpin_table(top, DOM), 0);
	ck_assert_chain_released(top);
}

START_TEST(l1_with_rw_and_ro_mappings)
{
	pin_and_unpin_chain(L1T);
}
END_TEST

START_TEST(l2_over_l1)
{
	pin_and_unpin_chain(L2T);
}
END_TEST

START_TEST(l3_over_l2_over_l1)
{
	pin_and_unpin_chain(L3T);
}
END_TEST

START_TEST(l4_over_l3_over_l2_over_l1)
{
	pin_and_unpin_chain(L4T);
}
END_TEST

/* The guest kernel runs in ring 3, so validation makes every present
 * entry a user one; a non-present entry is the guest's to fill with
 * anything and is neither checked nor changed. */
START_TEST(validation_adds_user_to_present_entries_only)
{
	const uint64_t junk = ~(uint64_t)_PAGE_PRESENT;

	page_tables_chain();
	fake_memory[L1T][6] = junk;
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), 0);
	ck_assert_uint_eq(entry(L4T, 1), pte_make(L3T, RW | _PAGE_USER));
	ck_assert_uint_eq(entry(L3T, 2), pte_make(L2T, RW | _PAGE_USER));
	ck_assert_uint_eq(entry(L2T, 3), pte_make(L1T, RW | _PAGE_USER));
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA, RW | _PAGE_USER));
	ck_assert_uint_eq(entry(L1T, 5), pte_make(DATA_RO, RO | _PAGE_USER));
	ck_assert_uint_eq(entry(L1T, 6), junk);
	ck_assert_uint_eq(entry(L1T, 7), 0);
}
END_TEST

START_TEST(data_mapped_rw_twice_and_ro_once)
{
	set_entry(L1T, 0, DATA, RW);
	set_entry(L1T, 1, DATA, RW);
	set_entry(L1T, 2, DATA, RO);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_frame(DATA, PGT_writable, 2, 3);
	ck_assert_int_eq(unpin_table(L1T, DOM), 0);
	ck_assert_released(DATA);
}
END_TEST

/* The second entry only counts: validating L1T again would reference
 * DATA twice. */
START_TEST(l1_hooked_by_two_entries_of_one_l2)
{
	page_tables_chain();
	set_entry(L2T, 0, L1T, RW);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 2, 2);
	ck_assert_frame(DATA, PGT_writable, 1, 1);
	ck_assert_int_eq(unpin_table(L2T, DOM), 0);
	ck_assert_released(L1T);
	ck_assert_released(DATA);
}
END_TEST

START_TEST(l1_shared_by_two_l2s_lives_until_both_go)
{
	page_tables_chain();
	set_entry(L2B, 0, L1T, RW);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	ck_assert_int_eq(pin_table(L2B, PGT_l2, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 2, 2);
	ck_assert_int_eq(unpin_table(L2T, DOM), 0);
	ck_assert_released(L2T);
	ck_assert_frame(L1T, PGT_l1, 1, 1);
	ck_assert_frame(DATA, PGT_writable, 1, 1);
	ck_assert_int_eq(unpin_table(L2B, DOM), 0);
	ck_assert_released(L1T);
	ck_assert_released(DATA);
}
END_TEST

/* What the guest left in the hypervisor's slots is never looked at: a
 * frame of another domain there, with a superpage bit, is no reason to
 * refuse, and takes no reference. */
START_TEST(l4_ignores_and_fills_the_hypervisor_slots)
{
	fake_info[DATA].owner = OTHER;
	set_entry(L4T, HV_FIRST_L4_SLOT, DATA, RW | _PAGE_PSE);
	set_entry(L4T, HV_LAST_L4_SLOT, L3T, RW);
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), 0);
	for (unsigned i = HV_FIRST_L4_SLOT; i <= HV_LAST_L4_SLOT; i++)
		ck_assert_uint_eq(entry(L4T, i), fake_hv_entry(i));
	ck_assert_uint_eq(entry(L4T, HV_FIRST_L4_SLOT - 1), 0);
	ck_assert_uint_eq(entry(L4T, HV_LAST_L4_SLOT + 1), 0);
	ck_assert_frame(DATA, PGT_none, 0, 0);
	ck_assert_frame(L3T, PGT_none, 0, 0);
}
END_TEST

/* Released entries in those slots point beyond the fake RAM: putting
 * them would fail the test in fake_frame_info(). */
START_TEST(l4_release_clears_the_hypervisor_slots)
{
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), 0);
	ck_assert_int_eq(unpin_table(L4T, DOM), 0);
	for (unsigned i = 0; i < PT_ENTRIES; i++)
		ck_assert_uint_eq(entry(L4T, i), 0);
	ck_assert_released(L4T);
}
END_TEST

/* The slots either side of the hypervisor's are the guest's, and checked. */
START_TEST(l4_checks_the_slots_next_to_the_hypervisor_ones)
{
	fake_info[L3T].owner = OTHER;
	set_entry(L4T, HV_FIRST_L4_SLOT - 1, L3T, RW);
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), -EINVAL);
	fake_memory[L4T][HV_FIRST_L4_SLOT - 1] = 0;
	set_entry(L4T, HV_LAST_L4_SLOT + 1, L3T, RW);
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), -EINVAL);
	ck_assert_frame(L4T, PGT_none, 0, 0);
}
END_TEST

/* Only an L4 has hypervisor slots: index 256 of an L3 or L2 is checked. */
START_TEST(lower_levels_have_no_hypervisor_slots)
{
	fake_info[DATA].owner = OTHER;
	set_entry(L3T, HV_FIRST_L4_SLOT, DATA, RW);
	set_entry(L2T, HV_FIRST_L4_SLOT, DATA, RW);
	ck_assert_int_eq(pin_table(L3T, PGT_l3, DOM), -EINVAL);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), -EINVAL);
}
END_TEST

/* A base pointer or a writable use takes both references, and gives both
 * back. */
START_TEST(get_and_put_page_and_type)
{
	ck_assert_int_eq(get_page_and_type(DATA, PGT_writable, DOM), 0);
	ck_assert_int_eq(get_page_and_type(DATA, PGT_writable, DOM), 0);
	ck_assert_frame(DATA, PGT_writable, 2, 2);
	ck_assert_int_eq(get_page_and_type(DATA, PGT_l1, DOM), -EINVAL);
	ck_assert_int_eq(get_page_and_type(DATA, PGT_writable, OTHER), -EINVAL);
	ck_assert_int_eq(get_page_and_type(FAKE_FRAMES, PGT_writable, DOM), -EINVAL);
	ck_assert_frame(DATA, PGT_writable, 2, 2);
	put_page_and_type(DATA);
	put_page_and_type(DATA);
	ck_assert_released(DATA);
}
END_TEST

START_TEST(put_of_an_untyped_frame_panics)
{
	ck_assert_panics(put_page_and_type(DATA));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("page_type");
	TCase *tc = tcase_create("levels");

	tcase_add_checked_fixture(tc, page_tables_setup, NULL);
	tcase_add_test(tc, l1_with_rw_and_ro_mappings);
	tcase_add_test(tc, l2_over_l1);
	tcase_add_test(tc, l3_over_l2_over_l1);
	tcase_add_test(tc, l4_over_l3_over_l2_over_l1);
	tcase_add_test(tc, validation_adds_user_to_present_entries_only);
	tcase_add_test(tc, data_mapped_rw_twice_and_ro_once);
	tcase_add_test(tc, l1_hooked_by_two_entries_of_one_l2);
	tcase_add_test(tc, l1_shared_by_two_l2s_lives_until_both_go);
	tcase_add_test(tc, l4_ignores_and_fills_the_hypervisor_slots);
	tcase_add_test(tc, l4_release_clears_the_hypervisor_slots);
	tcase_add_test(tc, l4_checks_the_slots_next_to_the_hypervisor_ones);
	tcase_add_test(tc, lower_levels_have_no_hypervisor_slots);
	tcase_add_test(tc, get_and_put_page_and_type);
	tcase_add_test(tc, put_of_an_untyped_frame_panics);
	suite_add_tcase(s, tc);
	return s;
}
