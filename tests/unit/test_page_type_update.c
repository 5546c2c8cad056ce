/* mm/page_type.c, part 3: changing an entry of a validated table
 * (mod_pt_entry), pinning and unpinning, and when the TLB is flushed. */
#include "page_tables.h"

enum { L1B = 21, DATA2 = 30, FOREIGN = 40 };

#define AD      (_PAGE_ACCESSED | _PAGE_DIRTY)

static void setup(void)
{
	page_tables_setup();
	fake_info[FOREIGN].owner = OTHER;
	page_tables_chain();
}

/* mod_pt_entry() fails with rc and has changed neither the entry nor any
 * count. */
#define ck_assert_mod_fails(table, idx, e, rc) do { \
	uint64_t old = entry(table, idx); \
	counts_save(); \
	ck_assert_int_eq(mod_pt_entry(table, idx, e, DOM, false), rc); \
	ck_assert_uint_eq(entry(table, idx), old); \
	ck_assert_counts_unchanged(); \
} while (0)

static void mod_ok(unsigned long table, unsigned idx, uint64_t e, bool preserve_ad)
{
	ck_assert_int_eq(mod_pt_entry(table, idx, e, DOM, preserve_ad), 0);
}

START_TEST(l1_entry_moves_its_references)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, pte_make(DATA2, RW), false);
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA2, RW | _PAGE_USER));
	ck_assert_released(DATA);
	ck_assert_frame(DATA2, PGT_writable, 1, 1);
	mod_ok(L1T, 5, pte_make(DATA2, RO), false);
	ck_assert_frame(DATA_RO, PGT_none, 0, 0);
	ck_assert_frame(DATA2, PGT_writable, 1, 2);
}
END_TEST

/* A frame whose domain is gone (an orphan) is freed exactly when its last
 * mapping goes, and not a moment before; an ordinary frame never is. */
START_TEST(orphan_freed_with_its_last_mapping)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 6, pte_make(DATA, RO), false);
	fake_info[DATA].owner = DOMID_XEN;
	fake_info[DATA].flags |= PGF_orphan;
	mod_ok(L1T, 4, 0, false);
	ck_assert_uint_eq(fake_nr_orphans_freed, 0);
	mod_ok(L1T, 6, 0, false);
	ck_assert_uint_eq(fake_nr_orphans_freed, 1);
	ck_assert_uint_eq(fake_orphans_freed[0], DATA);
	mod_ok(L1T, 5, 0, false);
	ck_assert_uint_eq(fake_nr_orphans_freed, 1);
}
END_TEST

/* Making the only writable mapping read-only takes the type away. */
START_TEST(l1_entry_made_read_only)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, pte_make(DATA, RO), false);
	ck_assert_frame(DATA, PGT_none, 0, 1);
	ck_assert_uint_eq(fake_info[DATA].flags, PGF_tlb_stale);
}
END_TEST

/* A cleared entry is stored as given: no user bit on a non-present one. */
START_TEST(l1_entry_cleared)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, 0, false);
	ck_assert_uint_eq(entry(L1T, 4), 0);
	ck_assert_released(DATA);
	mod_ok(L1T, 4, pte_make(DATA, RW), false);
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA, RW | _PAGE_USER));
}
END_TEST

START_TEST(preserve_ad_keeps_the_old_bits)
{
	set_entry(L1T, 4, DATA, RW | AD);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, pte_make(DATA2, RW), true);
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA2, RW | _PAGE_USER | AD));
}
END_TEST

START_TEST(without_preserve_ad_the_old_bits_go)
{
	set_entry(L1T, 4, DATA, RW | AD);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, pte_make(DATA2, RW), false);
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA2, RW | _PAGE_USER));
}
END_TEST

/* xen.h: MMU_PT_UPDATE_PRESERVE_AD stores val | (*ptr & (A|D)), so the
 * A/D bits the new value sets stay too. */
START_TEST(preserve_ad_keeps_the_new_bits)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, pte_make(DATA2, RW | AD), true);
	ck_assert_uint_eq(entry(L1T, 4), pte_make(DATA2, RW | _PAGE_USER | AD));
}
END_TEST

START_TEST(refused_l1_update_changes_nothing)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_mod_fails(L1T, 4, pte_make(FOREIGN, RO), -EBUSY);
	ck_assert_mod_fails(L1T, 4, pte_make(L1T, RW), -EBUSY);
	ck_assert_mod_fails(L1T, 5, pte_make(DATA2, RW | _PAGE_PCD), -EINVAL);
}
END_TEST

/* The new L1 is validated before the old one goes, which goes all the way
 * down to its data. */
START_TEST(l2_entry_hooks_a_new_l1)
{
	set_entry(L1B, 0, DATA2, RW);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	mod_ok(L2T, 3, pte_make(L1B, RW), false);
	ck_assert_frame(L1B, PGT_l1, 1, 1);
	ck_assert_frame(DATA2, PGT_writable, 1, 1);
	ck_assert_released(L1T);
	ck_assert_released(DATA);
	ck_assert_frame(DATA_RO, PGT_none, 0, 0);
}
END_TEST

START_TEST(l3_entry_cleared_releases_the_tree_below)
{
	ck_assert_int_eq(pin_table(L3T, PGT_l3, DOM), 0);
	mod_ok(L3T, 2, 0, false);
	ck_assert_released(L2T);
	ck_assert_released(L1T);
	ck_assert_released(DATA);
	ck_assert_frame(L3T, PGT_l3, 1, 1);
}
END_TEST

/* The new L1's last entry is refused after the first took DATA2. */
START_TEST(refused_l2_update_changes_nothing)
{
	set_entry(L1B, 0, DATA2, RW);
	set_entry(L1B, 511, FOREIGN, RO);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	ck_assert_mod_fails(L2T, 3, pte_make(L1B, RW), -EBUSY);
	ck_assert_mod_fails(L2T, 3, pte_make(L1T, RW | _PAGE_PSE), -EINVAL);
	ck_assert_mod_fails(L2T, 3, pte_make(L2T, RW), -EINVAL);
}
END_TEST

/* A linear entry added or removed later holds no reference either. */
START_TEST(l2_linear_entry_updated)
{
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	mod_ok(L2T, 9, pte_make(L2T, RO), false);
	ck_assert_frame(L2T, PGT_l2, 1, 1);
	mod_ok(L2T, 9, 0, false);
	ck_assert_frame(L2T, PGT_l2, 1, 1);
}
END_TEST

START_TEST(l4_hypervisor_slots_cannot_be_updated)
{
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), 0);
	ck_assert_mod_fails(L4T, HV_FIRST_L4_SLOT, 0, -EINVAL);
	ck_assert_mod_fails(L4T, HV_LAST_L4_SLOT, 0, -EINVAL);
	mod_ok(L4T, HV_FIRST_L4_SLOT - 1, pte_make(L4T, RO), false);
	mod_ok(L4T, HV_LAST_L4_SLOT + 1, pte_make(L4T, RO), false);
}
END_TEST

/* Only entries of a validated table are updated here; data frames are
 * written by the caller. */
START_TEST(update_of_a_frame_that_is_no_table)
{
	ck_assert_mod_fails(L1T, 0, 0, -EINVAL);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_mod_fails(DATA, 0, 0, -EINVAL);
	counts_save();
	ck_assert_int_eq(mod_pt_entry(L1T, PT_ENTRIES, pte_make(DATA2, RO), DOM, false), -EINVAL);
	ck_assert_counts_unchanged();
	mod_ok(L1T, PT_ENTRIES - 1, pte_make(DATA2, RO), false);
}
END_TEST

START_TEST(double_pin)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_pin_refused(L1T, PGT_l1);
	ck_assert_frame(L1T, PGT_l1, 1, 1);
}
END_TEST

/* A table typed through its parent only has no pin to drop. */
START_TEST(unpin_of_an_unpinned_table)
{
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	counts_save();
	ck_assert_int_eq(unpin_table(L1T, DOM), -EINVAL);
	ck_assert_int_eq(unpin_table(L1B, DOM), -EINVAL);
	ck_assert_counts_unchanged();
}
END_TEST

START_TEST(pin_and_unpin_of_frames_not_owned)
{
	fake_info[L1B].owner = OTHER;
	ck_assert_pin_refused(L1B, PGT_l1);
	ck_assert_pin_refused(FAKE_FRAMES, PGT_l1);
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	counts_save();
	ck_assert_int_eq(unpin_table(L1T, OTHER), -EINVAL);
	ck_assert_int_eq(unpin_table(FAKE_FRAMES, DOM), -EINVAL);
	ck_assert_counts_unchanged();
}
END_TEST

/* The parent's reference keeps L1T, and what it maps, validated. */
START_TEST(unpin_of_a_table_still_hooked)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_int_eq(pin_table(L2T, PGT_l2, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 2, 2);
	ck_assert_int_eq(unpin_table(L1T, DOM), 0);
	ck_assert_frame(L1T, PGT_l1, 1, 1);
	ck_assert_uint_eq(fake_info[L1T].flags, 0);
	ck_assert_frame(DATA, PGT_writable, 1, 1);
}
END_TEST

/* DATA may still be writable through a stale TLB entry of the mapping
 * just removed: the flush must come before it becomes a table, once. */
START_TEST(formerly_writable_frame_pinned_flushes_once)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	mod_ok(L1T, 4, 0, false);
	ck_assert_uint_eq(fake_tlb_flushes, 0);
	ck_assert_int_eq(pin_table(DATA, PGT_l1, DOM), 0);
	ck_assert_uint_eq(fake_tlb_flushes, 1);
	ck_assert_uint_eq(fake_info[DATA].flags, PGF_pinned);
	ck_assert_int_eq(get_page_and_type(DATA, PGT_l1, DOM), 0);
	ck_assert_uint_eq(fake_tlb_flushes, 1);
}
END_TEST

START_TEST(never_writable_frame_pinned_without_flush)
{
	ck_assert_int_eq(pin_table(L4T, PGT_l4, DOM), 0);
	ck_assert_int_eq(pin_table(DATA_RO, PGT_l1, DOM), 0);
	ck_assert_int_eq(pin_table(L1B, PGT_l1, DOM), 0);
	ck_assert_uint_eq(fake_tlb_flushes, 0);
}
END_TEST

/* The other way round: a released table may linger in the paging-
 * structure caches, so it is not written until they are flushed. */
START_TEST(released_table_mapped_writable_flushes_once)
{
	ck_assert_int_eq(pin_table(L1T, PGT_l1, DOM), 0);
	ck_assert_int_eq(unpin_table(L1T, DOM), 0);
	set_entry(L1B, 0, L1T, RW);
	set_entry(L1B, 1, L1T, RW);
	ck_assert_int_eq(pin_table(L1B, PGT_l1, DOM), 0);
	ck_assert_uint_eq(fake_tlb_flushes, 1);
	ck_assert_frame(L1T, PGT_writable, 2, 2);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("page_type_update");
	TCase *tc = tcase_create("update");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, l1_entry_moves_its_references);
	tcase_add_test(tc, orphan_freed_with_its_last_mapping);
	tcase_add_test(tc, l1_entry_made_read_only);
	tcase_add_test(tc, l1_entry_cleared);
	tcase_add_test(tc, preserve_ad_keeps_the_old_bits);
	tcase_add_test(tc, without_preserve_ad_the_old_bits_go);
	tcase_add_test(tc, preserve_ad_keeps_the_new_bits);
	tcase_add_test(tc, refused_l1_update_changes_nothing);
	tcase_add_test(tc, l2_entry_hooks_a_new_l1);
	tcase_add_test(tc, l3_entry_cleared_releases_the_tree_below);
	tcase_add_test(tc, refused_l2_update_changes_nothing);
	tcase_add_test(tc, l2_linear_entry_updated);
	tcase_add_test(tc, l4_hypervisor_slots_cannot_be_updated);
	tcase_add_test(tc, update_of_a_frame_that_is_no_table);
	tcase_add_test(tc, double_pin);
	tcase_add_test(tc, unpin_of_an_unpinned_table);
	tcase_add_test(tc, pin_and_unpin_of_frames_not_owned);
	tcase_add_test(tc, unpin_of_a_table_still_hooked);
	tcase_add_test(tc, formerly_writable_frame_pinned_flushes_once);
	tcase_add_test(tc, never_writable_frame_pinned_without_flush);
	tcase_add_test(tc, released_table_mapped_writable_flushes_once);
	suite_add_tcase(s, tc);
	return s;
}
