/* Transactions: a private view, committed at XS_TRANSACTION_END "T" unless
 * a node the transaction read or wrote changed meanwhile (EAGAIN). */
#include <stdio.h>
#include <string.h>
#include "xs_harness.h"

static struct xs_conn *dom0, *other;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
	other = connect_as(0);
}

static const struct reply *end_tx(struct xs_conn *c, uint32_t tx,
				  const char *how)
{
	return request1(c, XS_TRANSACTION_END, tx, how);
}

START_TEST(changes_stay_inside_until_commit)
{
	uint32_t tx = start_tx(dom0);

	ck_assert_ok(write_value(dom0, tx, "/t/a", "1"));
	ck_assert(is_value(read_value(dom0, tx, "/t/a"), "1"));
	ck_assert_error(read_value(dom0, 0, "/t/a"), "ENOENT");
	ck_assert_error(read_value(other, 0, "/t"), "ENOENT");
	ck_assert_ok(end_tx(dom0, tx, "T"));
	ck_assert(is_value(read_value(other, 0, "/t/a"), "1"));
}
END_TEST

START_TEST(abort_discards)
{
	uint32_t tx = start_tx(dom0);

	write_value(dom0, tx, "/gone", "1");
	ck_assert_ok(end_tx(dom0, tx, "F"));
	ck_assert_error(read_value(dom0, 0, "/gone"), "ENOENT");
}
END_TEST

START_TEST(a_transaction_sees_its_own_tree)
{
	uint32_t tx;

	write_value(dom0, 0, "/v/keep", "1");
	write_value(dom0, 0, "/v/drop", "2");
	tx = start_tx(dom0);
	ck_assert_ok(request1(dom0, XS_RM, tx, "/v/drop"));
	ck_assert_ok(write_value(dom0, tx, "/v/new", "3"));
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, tx, "/v")),
			 "keep new");
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/v")),
			 "keep drop");
	ck_assert_ok(end_tx(dom0, tx, "T"));
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/v")),
			 "keep new");
}
END_TEST

/* What it only read, it reads from the store, as Xen's do: a change
 * there shows, and dooms the commit. */
START_TEST(reads_see_the_store)
{
	uint32_t tx;

	write_value(dom0, 0, "/s", "old");
	tx = start_tx(dom0);
	ck_assert(is_value(read_value(dom0, tx, "/s"), "old"));
	write_value(other, 0, "/s", "new");
	ck_assert(is_value(read_value(dom0, tx, "/s"), "new"));
	ck_assert_error(end_tx(dom0, tx, "T"), "EAGAIN");
}
END_TEST

START_TEST(a_changed_read_is_a_conflict)
{
	uint32_t tx;

	write_value(dom0, 0, "/c", "1");
	tx = start_tx(dom0);
	read_value(dom0, tx, "/c");
	write_value(dom0, tx, "/elsewhere", "x");
	write_value(other, 0, "/c", "2");
	ck_assert_error(end_tx(dom0, tx, "T"), "EAGAIN");
	ck_assert_error(read_value(dom0, 0, "/elsewhere"), "ENOENT");
	ck_assert(is_value(read_value(dom0, 0, "/c"), "2"));
}
END_TEST

START_TEST(a_node_seen_absent_then_made_is_a_conflict)
{
	uint32_t tx = start_tx(dom0);

	ck_assert_error(read_value(dom0, tx, "/late"), "ENOENT");
	write_value(other, 0, "/late", "here");
	ck_assert_error(end_tx(dom0, tx, "T"), "EAGAIN");
}
END_TEST

START_TEST(two_creators_of_one_node)
{
	uint32_t a = start_tx(dom0), b = start_tx(other);

	write_value(dom0, a, "/same", "a");
	write_value(other, b, "/same", "b");
	ck_assert_ok(end_tx(dom0, a, "T"));
	ck_assert_error(end_tx(other, b, "T"), "EAGAIN");
	ck_assert(is_value(read_value(dom0, 0, "/same"), "a"));
}
END_TEST

/* Creating a child changes its parent: siblings made in two transactions
 * conflict, as in Xen. */
START_TEST(siblings_share_a_parent)
{
	uint32_t a, b;

	write_value(dom0, 0, "/dir", "");
	a = start_tx(dom0);
	b = start_tx(other);
	write_value(dom0, a, "/dir/x", "1");
	write_value(other, b, "/dir/y", "2");
	ck_assert_ok(end_tx(dom0, a, "T"));
	ck_assert_error(end_tx(other, b, "T"), "EAGAIN");
}
END_TEST

START_TEST(disjoint_transactions_both_commit)
{
	uint32_t a, b;

	write_value(dom0, 0, "/x", "0");
	write_value(dom0, 0, "/y", "0");
	a = start_tx(dom0);
	b = start_tx(other);
	write_value(dom0, a, "/x", "1");
	write_value(other, b, "/y", "2");
	ck_assert_ok(end_tx(other, b, "T"));
	ck_assert_ok(end_tx(dom0, a, "T"));
	ck_assert(is_value(read_value(dom0, 0, "/x"), "1"));
	ck_assert(is_value(read_value(dom0, 0, "/y"), "2"));
}
END_TEST

/* Xen's libxenstore loops on EAGAIN: a retry then goes through. */
START_TEST(retry_after_eagain)
{
	uint32_t tx = start_tx(dom0);

	read_value(dom0, tx, "/r");
	write_value(other, 0, "/r", "meanwhile");
	ck_assert_error(end_tx(dom0, tx, "T"), "EAGAIN");
	ck_assert_error(end_tx(dom0, tx, "T"), "ENOENT");
	tx = start_tx(dom0);
	ck_assert(is_value(read_value(dom0, tx, "/r"), "meanwhile"));
	write_value(dom0, tx, "/r", "mine");
	ck_assert_ok(end_tx(dom0, tx, "T"));
	ck_assert(is_value(read_value(dom0, 0, "/r"), "mine"));
}
END_TEST

START_TEST(ids_are_distinct_and_nonzero)
{
	uint32_t a = start_tx(dom0), b = start_tx(dom0);

	ck_assert_uint_ne(a, b);
	ck_assert_ok(end_tx(dom0, a, "F"));
	ck_assert_uint_ne(start_tx(dom0), b);
}
END_TEST

/* Ids belong to their connection. */
START_TEST(unknown_ids_are_enoent)
{
	uint32_t tx = start_tx(dom0);

	ck_assert_error(read_value(other, tx + 100, "/"), "ENOENT");
	ck_assert_error(read_value(other, tx, "/"), "ENOENT");
	ck_assert_error(end_tx(dom0, 0, "T"), "ENOENT");
	ck_assert_error(end_tx(dom0, tx + 100, "T"), "ENOENT");
}
END_TEST

START_TEST(end_takes_t_or_f)
{
	uint32_t tx = start_tx(dom0);

	ck_assert_error(end_tx(dom0, tx, "X"), "EINVAL");
	ck_assert_error(end_tx(dom0, tx, "TRUE"), "EINVAL");
	ck_assert_error(request(dom0, XS_TRANSACTION_END, tx, "T", 1),
			"EINVAL");
	ck_assert_ok(end_tx(dom0, tx, "T"));
}
END_TEST

START_TEST(no_transaction_inside_one)
{
	uint32_t tx = start_tx(dom0);

	ck_assert_error(request(dom0, XS_TRANSACTION_START, tx, "", 1), "EBUSY");
}
END_TEST

/* Watches hear of a transaction's changes when it commits, not before,
 * and never if it does not. */
START_TEST(watches_fire_at_commit)
{
	uint32_t tx;

	ck_assert_ok(request2(other, XS_WATCH, 0, "/w", "tok"));
	ck_assert_str_eq(next_event(other), "/w tok");
	tx = start_tx(dom0);
	write_value(dom0, tx, "/w/a", "1");
	ck_assert_ptr_null(next_event(other));
	ck_assert_ok(end_tx(dom0, tx, "T"));
	ck_assert_str_eq(next_event(other), "/w/a tok");
	ck_assert_ptr_null(next_event(other));

	tx = start_tx(dom0);
	write_value(dom0, tx, "/w/b", "1");
	ck_assert_ok(end_tx(dom0, tx, "F"));
	ck_assert_ptr_null(next_event(other));
}
END_TEST

START_TEST(no_watches_from_a_failed_commit)
{
	uint32_t tx;

	request2(other, XS_WATCH, 0, "/f", "tok");
	next_event(other);
	tx = start_tx(dom0);
	read_value(dom0, tx, "/f/x");
	write_value(dom0, tx, "/f/y", "1");
	write_value(dom0, 0, "/f/x", "meanwhile");
	ck_assert_str_eq(next_event(other), "/f/x tok");
	ck_assert_error(end_tx(dom0, tx, "T"), "EAGAIN");
	ck_assert_ptr_null(next_event(other));
}
END_TEST

/* A subtree removed in a transaction is gone for it alone until commit. */
START_TEST(removal_in_a_transaction)
{
	uint32_t tx;

	write_value(dom0, 0, "/gone/a/b", "1");
	tx = start_tx(dom0);
	ck_assert_ok(request1(dom0, XS_RM, tx, "/gone"));
	ck_assert_error(read_value(dom0, tx, "/gone/a/b"), "ENOENT");
	ck_assert(is_value(read_value(dom0, 0, "/gone/a/b"), "1"));
	ck_assert_ok(end_tx(dom0, tx, "T"));
	ck_assert_error(read_value(dom0, 0, "/gone/a"), "ENOENT");
}
END_TEST

/* RESET_WATCHES drops the connection's transactions too. */
START_TEST(reset_ends_transactions)
{
	uint32_t tx = start_tx(dom0);

	write_value(dom0, tx, "/never", "1");
	ck_assert_ok(request(dom0, XS_RESET_WATCHES, 0, "", 0));
	ck_assert_error(end_tx(dom0, tx, "T"), "ENOENT");
	ck_assert_error(read_value(dom0, 0, "/never"), "ENOENT");
}
END_TEST

/* A connection that goes away takes its transactions with it. */
START_TEST(a_closed_connection_leaves_nothing)
{
	uint32_t tx = start_tx(other);

	write_value(other, tx, "/orphan", "1");
	conn_end(other);
	daemon_reap(&xsd);
	ck_assert_error(read_value(dom0, 0, "/orphan"), "ENOENT");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_transaction");
	TCase *view = tcase_create("view");
	TCase *conflicts = tcase_create("conflicts");
	TCase *protocol = tcase_create("protocol");

	tcase_add_checked_fixture(view, setup, harness_teardown);
	tcase_add_test(view, changes_stay_inside_until_commit);
	tcase_add_test(view, abort_discards);
	tcase_add_test(view, a_transaction_sees_its_own_tree);
	tcase_add_test(view, reads_see_the_store);
	tcase_add_test(view, removal_in_a_transaction);
	suite_add_tcase(s, view);

	tcase_add_checked_fixture(conflicts, setup, harness_teardown);
	tcase_add_test(conflicts, a_changed_read_is_a_conflict);
	tcase_add_test(conflicts, a_node_seen_absent_then_made_is_a_conflict);
	tcase_add_test(conflicts, two_creators_of_one_node);
	tcase_add_test(conflicts, siblings_share_a_parent);
	tcase_add_test(conflicts, disjoint_transactions_both_commit);
	tcase_add_test(conflicts, retry_after_eagain);
	suite_add_tcase(s, conflicts);

	tcase_add_checked_fixture(protocol, setup, harness_teardown);
	tcase_add_test(protocol, ids_are_distinct_and_nonzero);
	tcase_add_test(protocol, unknown_ids_are_enoent);
	tcase_add_test(protocol, end_takes_t_or_f);
	tcase_add_test(protocol, no_transaction_inside_one);
	tcase_add_test(protocol, watches_fire_at_commit);
	tcase_add_test(protocol, no_watches_from_a_failed_commit);
	tcase_add_test(protocol, reset_ends_transactions);
	tcase_add_test(protocol, a_closed_connection_leaves_nothing);
	suite_add_tcase(s, protocol);
	return s;
}
