/* mm/frame_pool.c: the free list threaded through the frame table. */
#include "mm.h"
#include "support.h"

#define NR 8

static struct page_info table[NR];
static struct frame_pool pool;

static void setup(void)
{
	memset(table, 0xa5, sizeof(table));     /* init must not trust old contents */
	frame_pool_init(&pool, table, NR);
}

static void free_frames(unsigned long first, unsigned long n)
{
	for (unsigned long mfn = first; mfn < first + n; mfn++)
		frame_pool_free(&pool, mfn);
}

/* Boot hands frames over one by one: until then, all belong to Xen. */
START_TEST(init_leaves_every_frame_with_xen)
{
	ck_assert_uint_eq(pool.nr_frames, NR);
	ck_assert_uint_eq(pool.nr_free, 0);
	for (unsigned i = 0; i < NR; i++) {
		ck_assert_uint_eq(table[i].owner, DOMID_XEN);
		ck_assert_uint_eq(table[i].type_count, 0);
		ck_assert_uint_eq(table[i].ref_count, 0);
		ck_assert_uint_eq(table[i].flags, 0);
	}
	ck_assert_int_eq(frame_pool_alloc(&pool, 0), -1);
}
END_TEST

START_TEST(alloc_takes_the_last_freed_frame_first)
{
	free_frames(2, 3);
	ck_assert_uint_eq(pool.nr_free, 3);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), 4);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), 3);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), 2);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), -1);
	ck_assert_uint_eq(pool.nr_free, 0);
}
END_TEST

START_TEST(free_marks_the_frame_unowned)
{
	free_frames(5, 1);
	ck_assert_uint_eq(table[5].owner, DOMID_INVALID);
	ck_assert_uint_eq(table[4].owner, DOMID_XEN);
	ck_assert_uint_eq(table[6].owner, DOMID_XEN);
}
END_TEST

START_TEST(alloc_gives_a_clean_frame_to_its_owner)
{
	free_frames(0, 2);
	long mfn = frame_pool_alloc(&pool, 7);

	ck_assert_int_eq(mfn, 1);
	ck_assert_uint_eq(table[mfn].owner, 7);
	ck_assert_uint_eq(table[mfn].next_free, NO_FRAME);
	ck_assert_uint_eq(table[mfn].type, PGT_none);
	ck_assert_uint_eq(table[mfn].flags, 0);
	ck_assert_uint_eq(pool.nr_free, 1);
}
END_TEST

/* Flags such as PGF_pinned must not survive into the frame's next life. */
START_TEST(free_forgets_the_flags)
{
	free_frames(3, 1);
	long mfn = frame_pool_alloc(&pool, 1);
	table[mfn].flags = PGF_pinned | PGF_xen_shared;
	table[mfn].type = PGT_l4;
	frame_pool_free(&pool, mfn);
	ck_assert_uint_eq(table[mfn].flags, 0);
	ck_assert_uint_eq(table[mfn].type, PGT_none);
	ck_assert_int_eq(frame_pool_alloc(&pool, 2), mfn);
	ck_assert_uint_eq(table[mfn].flags, 0);
	ck_assert_uint_eq(table[mfn].type, PGT_none);
}
END_TEST

START_TEST(every_frame_comes_back_exactly_once)
{
	bool seen[NR] = { false };

	free_frames(0, NR);
	for (unsigned i = 0; i < NR; i++) {
		long mfn = frame_pool_alloc(&pool, 1);
		ck_assert_int_ge(mfn, 0);
		ck_assert_int_lt(mfn, NR);
		ck_assert(!seen[mfn]);
		seen[mfn] = true;
	}
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), -1);
}
END_TEST

START_TEST(freeing_past_the_table_panics)
{
	ck_assert_panics(frame_pool_free(&pool, NR));
	ck_assert_uint_eq(pool.nr_free, 0);
	ck_assert_panics(frame_pool_free(&pool, NO_FRAME));
}
END_TEST

/* A double free would link the frame into the list twice and hand it to
 * two owners. */
START_TEST(double_free_panics)
{
	free_frames(1, 1);
	ck_assert_panics(frame_pool_free(&pool, 1));
	ck_assert_uint_eq(pool.nr_free, 1);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), 1);
	ck_assert_int_eq(frame_pool_alloc(&pool, 1), -1);
}
END_TEST

START_TEST(freeing_a_typed_frame_panics)
{
	table[2].type = PGT_l1;
	table[2].type_count = 1;
	ck_assert_panics(frame_pool_free(&pool, 2));
	ck_assert_uint_eq(table[2].owner, DOMID_XEN);
	ck_assert_uint_eq(pool.nr_free, 0);
}
END_TEST

START_TEST(freeing_a_referenced_frame_panics)
{
	table[2].ref_count = 1;
	ck_assert_panics(frame_pool_free(&pool, 2));
	ck_assert_uint_eq(pool.nr_free, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("frame_pool");
	TCase *tc = tcase_create("pool");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, init_leaves_every_frame_with_xen);
	tcase_add_test(tc, alloc_takes_the_last_freed_frame_first);
	tcase_add_test(tc, free_marks_the_frame_unowned);
	tcase_add_test(tc, alloc_gives_a_clean_frame_to_its_owner);
	tcase_add_test(tc, free_forgets_the_flags);
	tcase_add_test(tc, every_frame_comes_back_exactly_once);
	tcase_add_test(tc, freeing_past_the_table_panics);
	tcase_add_test(tc, double_free_panics);
	tcase_add_test(tc, freeing_a_typed_frame_panics);
	tcase_add_test(tc, freeing_a_referenced_frame_panics);
	suite_add_tcase(s, tc);
	return s;
}
