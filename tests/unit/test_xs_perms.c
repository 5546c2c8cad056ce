/* Node permissions as Xen's xenstored keeps them: an owner, the rights of
 * everyone else, and entries for named domains; inherited on creation. */
#include <stdio.h>
#include <string.h>
#include "xs_harness.h"

static struct xs_conn *dom0, *dom1, *dom2;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
	dom1 = connect_as(1);
	dom2 = connect_as(2);
}

static const char *get_perms(struct xs_conn *c, const char *path)
{
	return joined(request1(c, XS_GET_PERMS, 0, path));
}

/* dom0 gives domain 1 its home, as a toolstack does. */
static void give_home(unsigned int domid)
{
	char path[32], perm[16];

	snprintf(path, sizeof(path), "/local/domain/%u", domid);
	snprintf(perm, sizeof(perm), "n%u", domid);
	ck_assert_ok(request1(dom0, XS_MKDIR, 0, path));
	ck_assert_ok(set_perms(dom0, path, perm));
}

START_TEST(strings_round_trip)
{
	struct xs_permissions p[4];
	char buf[16];
	unsigned int i;

	ck_assert(xs_strings_to_perms(p, 4, "n0\0r5\0w65535\0b12"));
	ck_assert_uint_eq(p[0].perms, XS_PERM_NONE);
	ck_assert_uint_eq(p[1].perms, XS_PERM_READ);
	ck_assert_uint_eq(p[2].perms, XS_PERM_WRITE);
	ck_assert_uint_eq(p[2].id, 65535);
	ck_assert_uint_eq(p[3].perms, XS_PERM_READ | XS_PERM_WRITE);
	for (i = 0; i < 4; i++)
		ck_assert(xs_perm_to_string(&p[i], buf, sizeof(buf)));
	ck_assert_str_eq(buf, "b12");
	ck_assert(!xs_perm_to_string(&p[2], buf, 6));
}
END_TEST

START_TEST(malformed_strings)
{
	struct xs_permissions p;

	ck_assert(!xs_strings_to_perms(&p, 1, "x1"));
	ck_assert(!xs_strings_to_perms(&p, 1, "r"));
	ck_assert(!xs_strings_to_perms(&p, 1, "r-1"));
	ck_assert(!xs_strings_to_perms(&p, 1, "r0x5"));
	ck_assert(!xs_strings_to_perms(&p, 1, "r65536"));
	ck_assert(!xs_strings_to_perms(&p, 1, "r 5"));
	ck_assert(!xs_strings_to_perms(&p, 1, ""));
}
END_TEST

START_TEST(dom0_sees_everything)
{
	give_home(1);
	ck_assert(is_value(read_value(dom0, 0, "/local/domain/1"), ""));
	ck_assert_ok(set_perms(dom0, "/local/domain/1", "n1"));
	ck_assert_ok(write_value(dom0, 0, "/local/domain/1/y", "w"));
}
END_TEST

START_TEST(others_are_refused)
{
	write_value(dom0, 0, "/secret", "v");
	ck_assert_error(read_value(dom1, 0, "/secret"), "EACCES");
	ck_assert_error(write_value(dom1, 0, "/secret", "x"), "EACCES");
	ck_assert_error(request1(dom1, XS_DIRECTORY, 0, "/"), "EACCES");
	ck_assert_error(request1(dom1, XS_RM, 0, "/secret"), "EACCES");
	ck_assert(is_value(read_value(dom0, 0, "/secret"), "v"));
}
END_TEST

START_TEST(the_owner_may_do_anything)
{
	give_home(1);
	ck_assert_ok(write_value(dom1, 0, "/local/domain/1/key", "v"));
	ck_assert(is_value(read_value(dom1, 0, "/local/domain/1/key"), "v"));
	ck_assert_ok(request1(dom1, XS_RM, 0, "/local/domain/1/key"));
	ck_assert_error(read_value(dom2, 0, "/local/domain/1"), "EACCES");
}
END_TEST

/* The first entry naming a domain decides; others get perms[0]'s bits. */
START_TEST(entries_grant_to_their_domain)
{
	write_value(dom0, 0, "/shared", "v");
	ck_assert_ok(set_perms(dom0, "/shared", "n0 r1 w2"));
	ck_assert(is_value(read_value(dom1, 0, "/shared"), "v"));
	ck_assert_error(write_value(dom1, 0, "/shared", "x"), "EACCES");
	ck_assert_error(read_value(dom2, 0, "/shared"), "EACCES");
	ck_assert_ok(write_value(dom2, 0, "/shared", "y"));
	ck_assert_ok(set_perms(dom0, "/shared", "r0"));
	ck_assert(is_value(read_value(dom2, 0, "/shared"), "y"));
}
END_TEST

START_TEST(both_means_read_and_write)
{
	write_value(dom0, 0, "/both", "v");
	ck_assert_ok(set_perms(dom0, "/both", "n0 b1"));
	ck_assert_ok(write_value(dom1, 0, "/both", "w"));
	ck_assert(is_value(read_value(dom1, 0, "/both"), "w"));
}
END_TEST

/* A node is born with its parent's permissions; an unprivileged creator
 * owns it. */
START_TEST(children_inherit)
{
	write_value(dom0, 0, "/dir", "");
	ck_assert_ok(set_perms(dom0, "/dir", "n0 b1 r2"));
	ck_assert_ok(write_value(dom0, 0, "/dir/by0", "x"));
	ck_assert_str_eq(get_perms(dom0, "/dir/by0"), "n0 b1 r2");
	ck_assert_ok(write_value(dom1, 0, "/dir/by1/deep", "x"));
	ck_assert_str_eq(get_perms(dom0, "/dir/by1"), "n1 b1 r2");
	ck_assert_str_eq(get_perms(dom0, "/dir/by1/deep"), "n1 b1 r2");
}
END_TEST

/* Creating needs write on the nearest existing ancestor. */
START_TEST(creating_needs_write_above)
{
	write_value(dom0, 0, "/ro", "");
	ck_assert_ok(set_perms(dom0, "/ro", "n0 r1"));
	ck_assert_error(write_value(dom1, 0, "/ro/new/deeper", "x"), "EACCES");
	ck_assert_error(request1(dom1, XS_MKDIR, 0, "/ro/new"), "EACCES");
	ck_assert_error(read_value(dom0, 0, "/ro/new"), "ENOENT");
}
END_TEST

/* An absent node is ENOENT only to who may look where it would be:
 * otherwise EACCES, so that absence does not leak. */
START_TEST(absence_does_not_leak)
{
	write_value(dom0, 0, "/hidden", "");
	write_value(dom0, 0, "/visible", "");
	ck_assert_ok(set_perms(dom0, "/visible", "r0"));
	ck_assert_error(read_value(dom1, 0, "/hidden/none"), "EACCES");
	ck_assert_error(read_value(dom1, 0, "/visible/none"), "ENOENT");
	ck_assert_error(read_value(dom1, 0, "/visible/a/b/none"), "ENOENT");
	ck_assert_error(request1(dom1, XS_RM, 0, "/visible/none"), "EACCES");
}
END_TEST

START_TEST(get_perms_owner_first)
{
	write_value(dom0, 0, "/p", "");
	ck_assert_ok(set_perms(dom0, "/p", "w3 r1 b2 n4"));
	ck_assert_str_eq(get_perms(dom0, "/p"), "w3 r1 b2 n4");
	ck_assert_str_eq(get_perms(dom1, "/p"), "w3 r1 b2 n4");
	ck_assert_error(request1(dom2, XS_GET_PERMS, 0, "/"), "EACCES");
}
END_TEST

/* Setting permissions takes ownership: write access is not enough. */
START_TEST(only_the_owner_sets_perms)
{
	write_value(dom0, 0, "/o", "");
	ck_assert_ok(set_perms(dom0, "/o", "n1 b2"));
	ck_assert_error(set_perms(dom2, "/o", "n1 b2 r3"), "EACCES");
	ck_assert_ok(set_perms(dom1, "/o", "n1 r2"));
	ck_assert_str_eq(get_perms(dom0, "/o"), "n1 r2");
}
END_TEST

START_TEST(only_dom0_gives_a_node_away)
{
	give_home(1);
	ck_assert_error(set_perms(dom1, "/local/domain/1", "n2"), "EPERM");
	ck_assert_ok(set_perms(dom0, "/local/domain/1", "n2"));
	ck_assert_str_eq(get_perms(dom0, "/local/domain/1"), "n2");
}
END_TEST

START_TEST(set_perms_refuses_nonsense)
{
	write_value(dom0, 0, "/s", "");
	ck_assert_error(request1(dom0, XS_SET_PERMS, 0, "/s"), "EINVAL");
	ck_assert_error(set_perms(dom0, "/s", "q0"), "EINVAL");
	ck_assert_error(set_perms(dom0, "/s", "r"), "EINVAL");
	ck_assert_error(set_perms(dom0, "/absent", "n0"), "ENOENT");
	ck_assert_error(set_perms(dom0, "/bad//path", "n0"), "EINVAL");
	ck_assert_str_eq(get_perms(dom0, "/s"), "n0");
}
END_TEST

START_TEST(special_nodes_have_perms)
{
	ck_assert_str_eq(get_perms(dom0, "@releaseDomain"), "n0");
	ck_assert_ok(set_perms(dom0, "@releaseDomain", "n0 r1"));
	ck_assert_str_eq(get_perms(dom1, "@releaseDomain"), "n0 r1");
	ck_assert_error(request1(dom0, XS_GET_PERMS, 0, "@nonsense"),
			"ENOENT");
	ck_assert_error(read_value(dom0, 0, "@releaseDomain"), "EINVAL");
	ck_assert_error(write_value(dom0, 0, "@releaseDomain", "x"), "EINVAL");
}
END_TEST

/* Without a privileged request, nothing of dom0's is reachable. */
START_TEST(privileged_requests_are_dom0s)
{
	ck_assert_error(request1(dom1, XS_INTRODUCE, 0, "5"), "EACCES");
	ck_assert_error(request1(dom1, XS_RELEASE, 0, "5"), "EACCES");
	ck_assert_error(request1(dom1, XS_IS_DOMAIN_INTRODUCED, 0, "5"),
			"EACCES");
	ck_assert_error(request1(dom1, XS_CONTROL, 0, "help"), "EACCES");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_perms");
	TCase *strings = tcase_create("strings");
	TCase *rules = tcase_create("rules");

	tcase_add_test(strings, strings_round_trip);
	tcase_add_test(strings, malformed_strings);
	suite_add_tcase(s, strings);

	tcase_add_checked_fixture(rules, setup, harness_teardown);
	tcase_add_test(rules, dom0_sees_everything);
	tcase_add_test(rules, others_are_refused);
	tcase_add_test(rules, the_owner_may_do_anything);
	tcase_add_test(rules, entries_grant_to_their_domain);
	tcase_add_test(rules, both_means_read_and_write);
	tcase_add_test(rules, children_inherit);
	tcase_add_test(rules, creating_needs_write_above);
	tcase_add_test(rules, absence_does_not_leak);
	tcase_add_test(rules, get_perms_owner_first);
	tcase_add_test(rules, only_the_owner_sets_perms);
	tcase_add_test(rules, only_dom0_gives_a_node_away);
	tcase_add_test(rules, set_perms_refuses_nonsense);
	tcase_add_test(rules, special_nodes_have_perms);
	tcase_add_test(rules, privileged_requests_are_dom0s);
	suite_add_tcase(s, rules);
	return s;
}
