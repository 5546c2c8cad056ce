/* arch/x86/guest_access.c: guest_range_ok(), the one check between a guest
 * pointer and a hypervisor copy. Guests own the lower canonical half and
 * the upper half above Xen's reserved slots; nothing may wrap. */
#include "guest_access.h"
#include "support.h"
#include <xen/xen.h>

#define LOWER_END       (1UL << 47)
#define UPPER_START     0xffff800000000000UL

START_TEST(lower_half_is_the_guests)
{
	ck_assert(guest_range_ok(0, 1));
	ck_assert(guest_range_ok(0x400000, 4096));
	ck_assert(guest_range_ok(0, LOWER_END));
	ck_assert(guest_range_ok(LOWER_END - 1, 1));
}
END_TEST

START_TEST(range_may_not_leave_the_lower_half)
{
	ck_assert(!guest_range_ok(LOWER_END - 1, 2));
	ck_assert(!guest_range_ok(LOWER_END - 4096, 8192));
	ck_assert(!guest_range_ok(0, LOWER_END + 1));
}
END_TEST

START_TEST(non_canonical_hole_is_refused)
{
	ck_assert(!guest_range_ok(LOWER_END, 1));
	ck_assert(!guest_range_ok(0x0000900000000000UL, 8));
	ck_assert(!guest_range_ok(UPPER_START - 8, 8));
	ck_assert(!guest_range_ok(0x8000000000000000UL, 4096));
}
END_TEST

/* The L4 slots Xen keeps for itself (and Xenith maps its image and direct
 * map in): a guest pointer there would let a hypercall read or write the
 * hypervisor. */
START_TEST(hypervisor_slots_are_refused)
{
	ck_assert(!guest_range_ok(HYPERVISOR_VIRT_START, 1));
	ck_assert(!guest_range_ok(HYPERVISOR_VIRT_END - 1, 1));
	ck_assert(!guest_range_ok(0xffff82d040000000UL, 64));
	ck_assert(!guest_range_ok(0xffff830000000000UL, 4096));
}
END_TEST

START_TEST(range_may_not_reach_into_the_slots)
{
	ck_assert(!guest_range_ok(HYPERVISOR_VIRT_START - 4096, 8192));
	ck_assert(!guest_range_ok(HYPERVISOR_VIRT_END - 1, 2));
	ck_assert(!guest_range_ok(0x1000, HYPERVISOR_VIRT_END));
}
END_TEST

START_TEST(upper_half_above_the_slots_is_the_guests)
{
	ck_assert(guest_range_ok(HYPERVISOR_VIRT_END, 1));
	ck_assert(guest_range_ok(0xffffffff80000000UL, 0x1000000));
	ck_assert(guest_range_ok(0xfffffffffffff000UL, 4095));
}
END_TEST

/* With a wrap, a huge length from a guest address would reach everything
 * below it, the lower half included. */
START_TEST(wrap_around_is_refused)
{
	ck_assert(!guest_range_ok(0xfffffffffffff000UL, 0x2000));
	ck_assert(!guest_range_ok(0xffffffff80000000UL, ~0UL));
	ck_assert(!guest_range_ok(HYPERVISOR_VIRT_END, -HYPERVISOR_VIRT_END + 0x1000));
	ck_assert(!guest_range_ok(0x1000, ~0UL));
}
END_TEST

/* A zero-length access touches nothing (console_io writes 0 bytes from
 * any buffer, as Xen does). */
START_TEST(empty_range_in_guest_space_is_fine)
{
	ck_assert(guest_range_ok(0, 0));
	ck_assert(guest_range_ok(LOWER_END, 0));
	ck_assert(guest_range_ok(HYPERVISOR_VIRT_END, 0));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("guest_access");
	TCase *tc = tcase_create("guest_range_ok");

	tcase_add_test(tc, lower_half_is_the_guests);
	tcase_add_test(tc, range_may_not_leave_the_lower_half);
	tcase_add_test(tc, non_canonical_hole_is_refused);
	tcase_add_test(tc, hypervisor_slots_are_refused);
	tcase_add_test(tc, range_may_not_reach_into_the_slots);
	tcase_add_test(tc, upper_half_above_the_slots_is_the_guests);
	tcase_add_test(tc, wrap_around_is_refused);
	tcase_add_test(tc, empty_range_in_guest_space_is_fine);
	suite_add_tcase(s, tc);
	return s;
}
