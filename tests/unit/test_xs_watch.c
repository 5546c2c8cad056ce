/* Watches: the event at registration, events for a path and below it,
 * relative paths, special events, and who may hear what. */
#include <stdio.h>
#include <string.h>
#include "domain.h"
#include "xs_harness.h"

static struct xs_conn *dom0, *watcher, *dom1;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
	watcher = connect_as(0);
	dom1 = connect_as(1);
}

static void watch(struct xs_conn *c, const char *path, const char *token)
{
	char expect[128];

	ck_assert_ok(request2(c, XS_WATCH, 0, path, token));
	snprintf(expect, sizeof(expect), "%s %s", path, token);
	ck_assert_str_eq(next_event(c), expect);
}

/* The reply comes before the event a new watch fires at once. */
START_TEST(registration_fires_once_after_the_reply)
{
	const struct reply *r = request2(watcher, XS_WATCH, 0, "/nothing", "t");

	ck_assert_ok(r);
	r = next_message(watcher);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->hdr.type, XS_WATCH_EVENT);
	ck_assert_uint_eq(r->hdr.req_id, 0);
	ck_assert_uint_eq(r->hdr.tx_id, 0);
	ck_assert_str_eq(joined(r), "/nothing t");
	ck_assert_ptr_null(next_message(watcher));
}
END_TEST

START_TEST(changes_at_and_below_fire)
{
	watch(watcher, "/w", "tok");
	write_value(dom0, 0, "/w", "1");
	ck_assert_str_eq(next_event(watcher), "/w tok");
	write_value(dom0, 0, "/w/a/b", "2");
	ck_assert_str_eq(next_event(watcher), "/w/a/b tok");
	request1(dom0, XS_MKDIR, 0, "/w/c");
	ck_assert_str_eq(next_event(watcher), "/w/c tok");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

START_TEST(siblings_and_parents_do_not)
{
	watch(watcher, "/w/x", "tok");
	write_value(dom0, 0, "/w/xy", "1");
	write_value(dom0, 0, "/w", "2");
	write_value(dom0, 0, "/other", "3");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

/* mkdir of an existing node changes nothing, so fires nothing. */
START_TEST(no_change_no_event)
{
	write_value(dom0, 0, "/m", "");
	watch(watcher, "/m", "tok");
	request1(dom0, XS_MKDIR, 0, "/m");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

/* Every node removed fires: those below only watches on themselves. */
START_TEST(rm_fires_for_the_subtree)
{
	write_value(dom0, 0, "/r/a/b", "1");
	watch(watcher, "/r/a/b", "deep");
	watch(watcher, "/r", "top");
	ck_assert_ok(request1(dom0, XS_RM, 0, "/r"));
	ck_assert_str_eq(next_event(watcher), "/r/a/b deep");
	ck_assert_str_eq(next_event(watcher), "/r top");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

START_TEST(each_matching_watch_fires)
{
	watch(watcher, "/e", "one");
	watch(watcher, "/e/f", "two");
	watch(watcher, "/e", "three");
	write_value(dom0, 0, "/e/f", "1");
	ck_assert_str_eq(next_event(watcher), "/e/f three");
	ck_assert_str_eq(next_event(watcher), "/e/f two");
	ck_assert_str_eq(next_event(watcher), "/e/f one");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

/* A watch on "/" hears of everything, special events too (Xen's
 * is_child()). */
START_TEST(root_hears_everything)
{
	watch(watcher, "/", "all");
	write_value(dom0, 0, "/x/y", "1");
	ck_assert_str_eq(next_event(watcher), "/x/y all");
	ck_assert_ok(request(dom0, XS_INTRODUCE, 0, "5\0" "1\0" "7", 6));
	ck_assert_str_eq(next_event(watcher), "@introduceDomain all");
}
END_TEST

/* A relative watch hears of relative paths. */
START_TEST(relative_watches)
{
	ck_assert_ok(request2(watcher, XS_WATCH, 0, "device", "rel"));
	ck_assert_str_eq(next_event(watcher), "device rel");
	write_value(dom0, 0, "/local/domain/0/device/vbd", "1");
	ck_assert_str_eq(next_event(watcher), "device/vbd rel");
}
END_TEST

START_TEST(the_same_watch_twice_is_eexist)
{
	watch(watcher, "/d", "tok");
	ck_assert_error(request2(watcher, XS_WATCH, 0, "/d", "tok"), "EEXIST");
	watch(watcher, "/d", "other-token");
}
END_TEST

START_TEST(unwatch_stops_events)
{
	watch(watcher, "/u", "tok");
	ck_assert_ok(request2(watcher, XS_UNWATCH, 0, "/u", "tok"));
	write_value(dom0, 0, "/u", "1");
	ck_assert_ptr_null(next_event(watcher));
	ck_assert_error(request2(watcher, XS_UNWATCH, 0, "/u", "tok"), "ENOENT");
	ck_assert_error(request2(watcher, XS_UNWATCH, 0, "/u//", "tok"),
			"EINVAL");
}
END_TEST

/* Linux sends it at start to clear a previous kernel's watches. */
START_TEST(reset_watches)
{
	watch(watcher, "/a", "1");
	watch(watcher, "/b", "2");
	ck_assert_ok(request(watcher, XS_RESET_WATCHES, 0, "", 0));
	write_value(dom0, 0, "/a", "x");
	write_value(dom0, 0, "/b", "x");
	ck_assert_ptr_null(next_event(watcher));
	watch(watcher, "/a", "1");
}
END_TEST

/* Watches ignore the transaction id, as in Xen. */
START_TEST(watch_ignores_the_transaction)
{
	ck_assert_ok(request2(watcher, XS_WATCH, 1234, "/i", "tok"));
	ck_assert_str_eq(next_event(watcher), "/i tok");
}
END_TEST

START_TEST(special_events)
{
	watch(watcher, "@introduceDomain", "in");
	watch(watcher, "@releaseDomain", "out");
	ck_assert_ok(request(dom0, XS_INTRODUCE, 0, "5\0" "1\0" "7", 6));
	ck_assert_str_eq(next_event(watcher), "@introduceDomain in");
	ck_assert_ok(request1(dom0, XS_RELEASE, 0, "5"));
	ck_assert_str_eq(next_event(watcher), "@releaseDomain out");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

/* Special events reach whom their node's permissions let read it. */
START_TEST(special_events_are_dom0s_unless_opened)
{
	watch(dom1, "@releaseDomain", "out");
	request(dom0, XS_INTRODUCE, 0, "5\0" "1\0" "7", 6);
	request1(dom0, XS_RELEASE, 0, "5");
	ck_assert_ptr_null(next_event(dom1));
	ck_assert_ok(set_perms(dom0, "@releaseDomain", "n0 r1"));
	request(dom0, XS_INTRODUCE, 0, "6\0" "1\0" "7", 6);
	request1(dom0, XS_RELEASE, 0, "6");
	ck_assert_str_eq(next_event(dom1), "@releaseDomain out");
}
END_TEST

/* Who may not read a node (nor its parent) does not hear of it. */
START_TEST(events_respect_permissions)
{
	watch(dom1, "/", "all");
	write_value(dom0, 0, "/private/x", "1");
	ck_assert_ptr_null(next_event(dom1));
	write_value(dom0, 0, "/open", "");
	ck_assert_ptr_null(next_event(dom1));
	set_perms(dom0, "/open", "r0");
	ck_assert_str_eq(next_event(dom1), "/open all");
	write_value(dom0, 0, "/open/x", "1");
	ck_assert_str_eq(next_event(dom1), "/open/x all");
}
END_TEST

/* A watcher losing access hears of the change that took it away. */
START_TEST(losing_access_is_heard)
{
	write_value(dom0, 0, "/l", "");
	set_perms(dom0, "/l", "n0 r1");
	watch(dom1, "/l", "tok");
	ck_assert_ok(set_perms(dom0, "/l", "n0"));
	ck_assert_str_eq(next_event(dom1), "/l tok");
}
END_TEST

START_TEST(watch_needs_two_strings)
{
	ck_assert_error(request1(watcher, XS_WATCH, 0, "/only-path"), "EINVAL");
	ck_assert_error(request(watcher, XS_WATCH, 0, "/a\0b\0c", 7),
			"EINVAL");
	ck_assert_error(request2(watcher, XS_WATCH, 0, "/bad path", "t"),
			"EINVAL");
	ck_assert_ptr_null(next_event(watcher));
}
END_TEST

/* A domain that never reads its events cannot make dom0 hoard them. */
START_TEST(events_for_a_silent_domain_are_bounded)
{
	unsigned int i;

	write_value(dom0, 0, "/flood", "");
	set_perms(dom0, "/flood", "r0");
	watch(dom1, "/flood", "tok");
	stall(dom1);
	for (i = 0; i < 1000; i++)
		write_value(dom0, 0, "/flood", "x");
	ck_assert_uint_gt(dom1->nevents, 100);
	ck_assert_uint_lt(dom1->nevents, 1000);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_watch");
	TCase *firing = tcase_create("firing");
	TCase *registry = tcase_create("registry");
	TCase *access = tcase_create("access");

	tcase_add_checked_fixture(firing, setup, harness_teardown);
	tcase_add_test(firing, registration_fires_once_after_the_reply);
	tcase_add_test(firing, changes_at_and_below_fire);
	tcase_add_test(firing, siblings_and_parents_do_not);
	tcase_add_test(firing, no_change_no_event);
	tcase_add_test(firing, rm_fires_for_the_subtree);
	tcase_add_test(firing, each_matching_watch_fires);
	tcase_add_test(firing, root_hears_everything);
	tcase_add_test(firing, relative_watches);
	suite_add_tcase(s, firing);

	tcase_add_checked_fixture(registry, setup, harness_teardown);
	tcase_add_test(registry, the_same_watch_twice_is_eexist);
	tcase_add_test(registry, unwatch_stops_events);
	tcase_add_test(registry, reset_watches);
	tcase_add_test(registry, watch_ignores_the_transaction);
	tcase_add_test(registry, watch_needs_two_strings);
	suite_add_tcase(s, registry);

	tcase_add_checked_fixture(access, setup, harness_teardown);
	tcase_add_test(access, special_events);
	tcase_add_test(access, special_events_are_dom0s_unless_opened);
	tcase_add_test(access, events_respect_permissions);
	tcase_add_test(access, losing_access_is_heard);
	tcase_add_test(access, events_for_a_silent_domain_are_bounded);
	suite_add_tcase(s, access);
	return s;
}
