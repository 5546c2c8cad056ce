/* common/event_2l.c: Xen's 2-level pending/mask bitmaps, as a guest sees
 * them in shared_info and its vcpu_info. */
#include "event.h"
#include "support.h"
#include <xen/event_channel.h>

#define BITS_PER_WORD (sizeof(xen_ulong_t) * 8)

static struct shared_info shared;
static struct vcpu_info *vcpu = &shared.vcpu_info[0];

static void setup(void)
{
	memset(&shared, 0, sizeof(shared));
}

static void mask(unsigned port)
{
	shared.evtchn_mask[port / BITS_PER_WORD] |= (xen_ulong_t)1 << (port % BITS_PER_WORD);
}

static bool masked(unsigned port)
{
	return shared.evtchn_mask[port / BITS_PER_WORD] & ((xen_ulong_t)1 << (port % BITS_PER_WORD));
}

static bool selected(unsigned word)
{
	return vcpu->evtchn_pending_sel & ((xen_ulong_t)1 << word);
}

/* What the guest's upcall handler does before the next event: it acks the
 * upcall and clears the selector, leaving the port bits for its scan. */
static void guest_acks(void)
{
	vcpu->evtchn_upcall_pending = 0;
	vcpu->evtchn_pending_sel = 0;
}

START_TEST(unmasked_port_raises_the_upcall)
{
	ck_assert(evtchn_2l_set_pending(&shared, vcpu, 3));
	ck_assert(evtchn_2l_is_pending(&shared, 3));
	ck_assert_uint_eq(shared.evtchn_pending[0], 1u << 3);
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 1);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 1);
}
END_TEST

START_TEST(only_the_port_set_is_pending)
{
	evtchn_2l_set_pending(&shared, vcpu, 70);
	ck_assert(evtchn_2l_is_pending(&shared, 70));
	ck_assert(!evtchn_2l_is_pending(&shared, 69));
	ck_assert(!evtchn_2l_is_pending(&shared, 71));
	ck_assert(!evtchn_2l_is_pending(&shared, 6));
}
END_TEST

/* The selector bit is the word's index, whatever the port within it. */
START_TEST(selector_bit_is_the_port_word)
{
	unsigned port = 2 * BITS_PER_WORD + 63;

	ck_assert(evtchn_2l_set_pending(&shared, vcpu, port));
	ck_assert_uint_eq(shared.evtchn_pending[2], (xen_ulong_t)1 << 63);
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 1u << 2);
}
END_TEST

START_TEST(last_port_uses_the_last_word)
{
	unsigned port = EVTCHN_2L_NR_CHANNELS - 1;

	ck_assert(evtchn_2l_set_pending(&shared, vcpu, port));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, (xen_ulong_t)1 << (BITS_PER_WORD - 1));
	ck_assert(evtchn_2l_is_pending(&shared, port));
}
END_TEST

/* While the guest has not acked, further events need no kick. */
START_TEST(upcall_is_raised_only_once)
{
	ck_assert(evtchn_2l_set_pending(&shared, vcpu, 1));
	ck_assert(!evtchn_2l_set_pending(&shared, vcpu, 2));
	ck_assert(!evtchn_2l_set_pending(&shared, vcpu, BITS_PER_WORD + 1));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 3);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 1);
}
END_TEST

START_TEST(already_pending_port_changes_nothing)
{
	evtchn_2l_set_pending(&shared, vcpu, 5);
	guest_acks();
	ck_assert(!evtchn_2l_set_pending(&shared, vcpu, 5));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 0);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 0);
}
END_TEST

START_TEST(next_event_after_ack_raises_again)
{
	evtchn_2l_set_pending(&shared, vcpu, 5);
	guest_acks();
	ck_assert(evtchn_2l_set_pending(&shared, vcpu, 6));
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 1);
}
END_TEST

/* A masked port is latched in the pending bitmap but not signalled. */
START_TEST(masked_port_is_pending_without_upcall)
{
	mask(9);
	ck_assert(!evtchn_2l_set_pending(&shared, vcpu, 9));
	ck_assert(evtchn_2l_is_pending(&shared, 9));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 0);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 0);
}
END_TEST

START_TEST(mask_hides_only_its_own_port)
{
	mask(9);
	ck_assert(evtchn_2l_set_pending(&shared, vcpu, 10));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 1);
}
END_TEST

START_TEST(unmask_of_pending_port_raises_the_upcall)
{
	unsigned port = BITS_PER_WORD + 4;

	mask(port);
	evtchn_2l_set_pending(&shared, vcpu, port);
	ck_assert(evtchn_2l_unmask(&shared, vcpu, port));
	ck_assert(!masked(port));
	ck_assert(selected(1));
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 1);
}
END_TEST

START_TEST(unmask_of_idle_port_only_clears_the_mask)
{
	mask(4);
	mask(5);
	ck_assert(!evtchn_2l_unmask(&shared, vcpu, 4));
	ck_assert(!masked(4));
	ck_assert(masked(5));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 0);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 0);
}
END_TEST

/* Unmasking a port that was never masked must not re-signal an event the
 * guest is already handling. */
START_TEST(unmask_of_unmasked_port_does_nothing)
{
	evtchn_2l_set_pending(&shared, vcpu, 4);
	guest_acks();
	ck_assert(!evtchn_2l_unmask(&shared, vcpu, 4));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 0);
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 0);
}
END_TEST

START_TEST(unmask_while_upcall_pending_needs_no_kick)
{
	mask(BITS_PER_WORD);
	evtchn_2l_set_pending(&shared, vcpu, BITS_PER_WORD);
	evtchn_2l_set_pending(&shared, vcpu, 1);
	ck_assert(!evtchn_2l_unmask(&shared, vcpu, BITS_PER_WORD));
	ck_assert_uint_eq(vcpu->evtchn_pending_sel, 3);
}
END_TEST

/* The guest has cleared upcall_pending but not yet scanned the word: the
 * selector bit still stands for it, so the event is not lost and needs no
 * second upcall. */
START_TEST(selected_word_raises_no_second_upcall)
{
	evtchn_2l_set_pending(&shared, vcpu, 1);
	vcpu->evtchn_upcall_pending = 0;
	ck_assert(!evtchn_2l_set_pending(&shared, vcpu, 2));
	ck_assert_uint_eq(vcpu->evtchn_upcall_pending, 0);
	ck_assert(evtchn_2l_is_pending(&shared, 2));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("event_2l");
	TCase *pending = tcase_create("set_pending");
	TCase *unmask = tcase_create("unmask");

	tcase_add_checked_fixture(pending, setup, NULL);
	tcase_add_test(pending, unmasked_port_raises_the_upcall);
	tcase_add_test(pending, only_the_port_set_is_pending);
	tcase_add_test(pending, selector_bit_is_the_port_word);
	tcase_add_test(pending, last_port_uses_the_last_word);
	tcase_add_test(pending, upcall_is_raised_only_once);
	tcase_add_test(pending, already_pending_port_changes_nothing);
	tcase_add_test(pending, next_event_after_ack_raises_again);
	tcase_add_test(pending, masked_port_is_pending_without_upcall);
	tcase_add_test(pending, mask_hides_only_its_own_port);
	tcase_add_test(pending, selected_word_raises_no_second_upcall);
	suite_add_tcase(s, pending);

	tcase_add_checked_fixture(unmask, setup, NULL);
	tcase_add_test(unmask, unmask_of_pending_port_raises_the_upcall);
	tcase_add_test(unmask, unmask_of_idle_port_only_clears_the_mask);
	tcase_add_test(unmask, unmask_of_unmasked_port_does_nothing);
	tcase_add_test(unmask, unmask_while_upcall_pending_needs_no_kick);
	suite_add_tcase(s, unmask);
	return s;
}
