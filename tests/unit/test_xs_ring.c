/* The xenstore page's byte rings (ring-buffers/xs_ring.h): free-running indices, wrapping,
 * full and empty rings, and indices a hostile peer corrupted. */
#include <string.h>
#include "xs_ring.h"
#include "support.h"

static struct xenstore_domain_interface page;

static void setup(void)
{
	memset(&page, 0, sizeof(page));
}

static int put(const void *src, size_t len)
{
	return xs_ring_write(page.req, &page.req_cons, &page.req_prod, src, len);
}

static int get(void *dst, size_t len)
{
	return xs_ring_read(page.req, &page.req_cons, &page.req_prod, dst, len);
}

START_TEST(round_trip)
{
	char out[8];

	ck_assert_int_eq(put("hello", 5), 5);
	ck_assert_uint_eq(page.req_prod, 5);
	ck_assert_int_eq(get(out, sizeof(out)), 5);
	ck_assert_mem_eq(out, "hello", 5);
	ck_assert_uint_eq(page.req_cons, 5);
	ck_assert_int_eq(get(out, sizeof(out)), 0);
}
END_TEST

START_TEST(partial_reads)
{
	char out[4];

	put("abcdef", 6);
	ck_assert_int_eq(get(out, 4), 4);
	ck_assert_mem_eq(out, "abcd", 4);
	ck_assert_int_eq(get(out, 4), 2);
	ck_assert_mem_eq(out, "ef", 2);
}
END_TEST

/* The indices run on; only their low bits place bytes in the ring. */
START_TEST(wraps_around_the_end)
{
	char out[16];

	page.req_cons = page.req_prod = XENSTORE_RING_SIZE - 3;
	ck_assert_int_eq(put("0123456789", 10), 10);
	ck_assert_mem_eq(page.req + XENSTORE_RING_SIZE - 3, "012", 3);
	ck_assert_mem_eq(page.req, "3456789", 7);
	ck_assert_int_eq(get(out, sizeof(out)), 10);
	ck_assert_mem_eq(out, "0123456789", 10);
}
END_TEST

START_TEST(indices_overflow_32_bits)
{
	char out[8];

	page.req_cons = page.req_prod = 0xfffffffeu;
	ck_assert_int_eq(put("wrap", 4), 4);
	ck_assert_uint_eq(page.req_prod, 2);
	ck_assert_int_eq(get(out, sizeof(out)), 4);
	ck_assert_mem_eq(out, "wrap", 4);
	ck_assert_uint_eq(page.req_cons, 2);
}
END_TEST

START_TEST(a_full_ring_takes_nothing)
{
	static char big[2 * XENSTORE_RING_SIZE];

	ck_assert_int_eq(put(big, sizeof(big)), XENSTORE_RING_SIZE);
	ck_assert_int_eq(put("x", 1), 0);
	ck_assert_int_eq(get(big, 1), 1);
	ck_assert_int_eq(put("xy", 2), 1);
}
END_TEST

/* A producer claiming more than a ring of bytes is lying: neither end
 * moves, and the caller is told. */
START_TEST(corrupt_indices_are_refused)
{
	char buf[8];

	page.req_prod = XENSTORE_RING_SIZE + 1;
	ck_assert_int_eq(get(buf, sizeof(buf)), -1);
	ck_assert_int_eq(put("x", 1), -1);
	ck_assert_uint_eq(page.req_cons, 0);
	ck_assert_uint_eq(page.req_prod, XENSTORE_RING_SIZE + 1);
	page.req_cons = 10;
	page.req_prod = 5;
	ck_assert_int_eq(get(buf, sizeof(buf)), -1);
}
END_TEST

START_TEST(exactly_a_ring_is_fine)
{
	char buf[XENSTORE_RING_SIZE];

	page.req_prod = XENSTORE_RING_SIZE;
	ck_assert_int_eq(get(buf, sizeof(buf)), XENSTORE_RING_SIZE);
	ck_assert_uint_eq(page.req_cons, XENSTORE_RING_SIZE);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_ring");
	TCase *ring = tcase_create("ring");

	tcase_add_checked_fixture(ring, setup, NULL);
	tcase_add_test(ring, round_trip);
	tcase_add_test(ring, partial_reads);
	tcase_add_test(ring, wraps_around_the_end);
	tcase_add_test(ring, indices_overflow_32_bits);
	tcase_add_test(ring, a_full_ring_takes_nothing);
	tcase_add_test(ring, corrupt_indices_are_refused);
	tcase_add_test(ring, exactly_a_ring_is_fine);
	suite_add_tcase(s, ring);
	return s;
}
