/* Quotas on unprivileged domains, at Xen's xenstored defaults: 1000 nodes
 * owned, node records under 2048 bytes, 128 watches, 10 transactions, 5
 * permissions a node; ENOSPC (E2BIG for watches) past them. dom0 has
 * none. */
#include <stdio.h>
#include <string.h>
#include "xs_harness.h"

static struct xs_conn *dom0, *dom1;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
	dom1 = connect_as(1);
	ck_assert_ok(request1(dom0, XS_MKDIR, 0, "/local/domain/1"));
	ck_assert_ok(set_perms(dom0, "/local/domain/1", "n1"));
}

/* Nodes made by c under its home (relative names), up to n. */
static unsigned int make_nodes(struct xs_conn *c, uint32_t tx, unsigned int n,
			       const char **error)
{
	const struct reply *r;
	char name[32];
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "q/n%u", i % 100);
		if (i >= 100)
			snprintf(name, sizeof(name), "q%u/n%u", i / 100, i % 100);
		r = write_value(c, tx, name, "");
		if (!is_ok(r)) {
			*error = joined(r);
			return i;
		}
	}
	return n;
}

START_TEST(the_defaults_are_xens)
{
	ck_assert_str_eq(joined(request1(dom0, XS_CONTROL, 0, "quota")),
			 "nodes: 1000\nnode-size: 2048\nwatches: 128\n"
			 "transactions: 10\nnode-permissions: 5\n"
			 "transaction-nodes: 1024\n");
}
END_TEST

/* The home counts: dom0 made it, but for domain 1. Each "qN" directory
 * is a node too: 1000 in all. */
START_TEST(a_domain_owns_1000_nodes)
{
	const char *error = NULL;
	unsigned int made = make_nodes(dom1, 0, 2000, &error);

	ck_assert_uint_eq(made + made / 100 + 1 + (made % 100 != 0), 1000);
	ck_assert_str_eq(error, "ENOSPC");
	ck_assert_ok(request1(dom1, XS_RM, 0, "q"));
	ck_assert_ok(write_value(dom1, 0, "again", ""));
}
END_TEST

/* Nodes dom0 gives away count for their new owner. */
START_TEST(dom0_is_not_bound)
{
	const char *error = NULL;

	ck_assert_uint_eq(make_nodes(dom0, 0, 1500, &error), 1500);
	ck_assert_ptr_null(error);
}
END_TEST

/* As it goes, a transaction counts the store and its own changes. */
START_TEST(a_transaction_counts_its_own_nodes)
{
	const char *error = NULL;
	uint32_t a = start_tx(dom1), b = start_tx(dom1);

	ck_assert_uint_eq(make_nodes(dom1, a, 600, &error), 600);
	ck_assert_uint_eq(make_nodes(dom1, b, 600, &error), 600);
	/* 989 nodes, 10 directories and the home. */
	ck_assert_uint_eq(make_nodes(dom1, a, 1000, &error), 989);
	ck_assert_str_eq(error, "ENOSPC");
	ck_assert_ok(request1(dom1, XS_TRANSACTION_END, a, "T"));
	ck_assert_error(request1(dom1, XS_TRANSACTION_END, b, "T"), "EAGAIN");
}
END_TEST

START_TEST(commit_past_the_quota_is_enospc)
{
	const char *error = NULL;
	uint32_t a = start_tx(dom1);
	char name[32];
	unsigned int i;

	ck_assert_uint_eq(make_nodes(dom1, a, 700, &error), 700);
	/* Made outside, meanwhile, in a part the transaction never saw. */
	for (i = 0; i < 390; i++) {
		snprintf(name, sizeof(name), "out/%u", i);
		ck_assert_ok(write_value(dom1, 0, name, ""));
	}
	ck_assert_error(request1(dom1, XS_TRANSACTION_END, a, "T"), "ENOSPC");
}
END_TEST

/* Xen counts the node's record: a 24-byte header, 8 bytes for each
 * permission, value and child names; it must stay under 2048. */
START_TEST(a_node_stays_under_2048_bytes)
{
	static char value[2048];

	memset(value, 'v', 2048 - 24 - 8 - 1);
	ck_assert_ok(write_value(dom1, 0, "big", value));
	value[2048 - 24 - 8 - 1] = 'v';
	ck_assert_error(write_value(dom1, 0, "big", value), "ENOSPC");
	ck_assert_error(write_value(dom1, 0, "new", value), "ENOSPC");
	ck_assert_error(read_value(dom1, 0, "new"), "ENOENT");
	ck_assert_ok(write_value(dom0, 0, "/local/domain/1/big", value));
}
END_TEST

/* Child names count toward their parent's record. */
START_TEST(children_fill_their_parent)
{
	char name[64];
	unsigned int i;
	const struct reply *r = NULL;

	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "p/child-with-a-long-name-%03u", i);
		r = write_value(dom1, 0, name, "");
		if (!is_ok(r))
			break;
	}
	ck_assert_uint_lt(i, 100);
	ck_assert_error(r, "ENOSPC");
}
END_TEST

START_TEST(five_permissions_a_node)
{
	write_value(dom1, 0, "p", "");
	ck_assert_ok(set_perms(dom1, "p", "n1 r2 r3 r4 r5"));
	ck_assert_error(set_perms(dom1, "p", "n1 r2 r3 r4 r5 r6"), "ENOSPC");
	ck_assert_ok(set_perms(dom0, "/local/domain/1/p", "n1 r2 r3 r4 r5 r6"));
}
END_TEST

START_TEST(watches_stop_at_128)
{
	char token[16];
	unsigned int i;

	for (i = 0; i < 128; i++) {
		snprintf(token, sizeof(token), "t%u", i);
		ck_assert_ok(request2(dom1, XS_WATCH, 0, "w", token));
	}
	ck_assert_error(request2(dom1, XS_WATCH, 0, "w", "one-more"), "E2BIG");
	ck_assert_ok(request2(dom1, XS_UNWATCH, 0, "w", "t0"));
	ck_assert_ok(request2(dom1, XS_WATCH, 0, "w", "one-more"));
	ck_assert_ok(request2(dom0, XS_WATCH, 0, "w", "dom0-has-no-limit"));
}
END_TEST

START_TEST(transactions_stop_at_10)
{
	uint32_t first = start_tx(dom1);
	unsigned int i;

	for (i = 1; i < 10; i++)
		start_tx(dom1);
	ck_assert_error(request(dom1, XS_TRANSACTION_START, 0, "", 1), "ENOSPC");
	ck_assert_ok(request1(dom1, XS_TRANSACTION_END, first, "F"));
	start_tx(dom1);
	for (i = 0; i < 20; i++)
		start_tx(dom0);
}
END_TEST

/* A transaction touches at most 1024 nodes: its records are dom0's
 * memory. */
START_TEST(a_transaction_touches_1024_nodes)
{
	uint32_t tx = start_tx(dom1);
	const struct reply *r = NULL;
	char name[32];
	unsigned int i;

	for (i = 0; i < 2000; i++) {
		snprintf(name, sizeof(name), "absent%u", i);
		r = read_value(dom1, tx, name);
		if (!is_error(r, "ENOENT"))
			break;
	}
	ck_assert_error(r, "ENOSPC");
	ck_assert_uint_ge(i, 1000);
	ck_assert_uint_le(i, 1024);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_quota");
	TCase *nodes = tcase_create("nodes");
	TCase *others = tcase_create("others");

	tcase_add_checked_fixture(nodes, setup, harness_teardown);
	tcase_set_timeout(nodes, 30);
	tcase_add_test(nodes, the_defaults_are_xens);
	tcase_add_test(nodes, a_domain_owns_1000_nodes);
	tcase_add_test(nodes, dom0_is_not_bound);
	tcase_add_test(nodes, a_transaction_counts_its_own_nodes);
	tcase_add_test(nodes, commit_past_the_quota_is_enospc);
	tcase_add_test(nodes, a_node_stays_under_2048_bytes);
	tcase_add_test(nodes, children_fill_their_parent);
	suite_add_tcase(s, nodes);

	tcase_add_checked_fixture(others, setup, harness_teardown);
	tcase_set_timeout(others, 30);
	tcase_add_test(others, five_permissions_a_node);
	tcase_add_test(others, watches_stop_at_128);
	tcase_add_test(others, transactions_stop_at_10);
	tcase_add_test(others, a_transaction_touches_1024_nodes);
	suite_add_tcase(s, others);
	return s;
}
