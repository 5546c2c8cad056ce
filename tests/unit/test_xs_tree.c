/* xenstored's tree: XS_READ, XS_WRITE, XS_MKDIR, XS_RM, XS_DIRECTORY and
 * XS_DIRECTORY_PART as dom0 (privileged) sends them. */
#include <stdio.h>
#include <string.h>
#include "xs_harness.h"

static struct xs_conn *dom0;

static void setup(void)
{
	harness_setup();
	dom0 = connect_as(0);
}

START_TEST(write_then_read)
{
	ck_assert_ok(write_value(dom0, 0, "/a", "hello"));
	ck_assert(is_value(read_value(dom0, 0, "/a"), "hello"));
}
END_TEST

/* The value has no NUL of its own on the wire, either way. */
START_TEST(values_are_bytes)
{
	static const char value[] = { 'x', 0, 'y', 0 };
	char buf[16] = "/bin";
	const struct reply *r;

	memcpy(buf + 5, value, sizeof(value));
	ck_assert_ok(request(dom0, XS_WRITE, 0, buf, 5 + sizeof(value)));
	r = read_value(dom0, 0, "/bin");
	ck_assert_uint_eq(r->hdr.len, sizeof(value));
	ck_assert_mem_eq(r->data, value, sizeof(value));
}
END_TEST

START_TEST(empty_value)
{
	ck_assert_ok(write_value(dom0, 0, "/e", ""));
	ck_assert(is_value(read_value(dom0, 0, "/e"), ""));
}
END_TEST

START_TEST(read_of_absent_node_is_enoent)
{
	ck_assert_error(read_value(dom0, 0, "/nothing"), "ENOENT");
	ck_assert_error(read_value(dom0, 0, "/nothing/below"), "ENOENT");
}
END_TEST

START_TEST(write_creates_the_parents)
{
	ck_assert_ok(write_value(dom0, 0, "/a/b/c", "v"));
	ck_assert(is_value(read_value(dom0, 0, "/a"), ""));
	ck_assert(is_value(read_value(dom0, 0, "/a/b"), ""));
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/a")), "b");
}
END_TEST

START_TEST(write_replaces_the_value)
{
	write_value(dom0, 0, "/a", "one");
	ck_assert_ok(write_value(dom0, 0, "/a", "two"));
	ck_assert(is_value(read_value(dom0, 0, "/a"), "two"));
}
END_TEST

START_TEST(the_store_starts_as_xens)
{
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/")), "tool");
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/tool")),
			 "xenstored");
	ck_assert_str_eq(joined(request1(dom0, XS_GET_PERMS, 0, "/")), "n0");
}
END_TEST

/* Names come in the order they were made. */
START_TEST(directory_lists_children)
{
	write_value(dom0, 0, "/d/x", "1");
	write_value(dom0, 0, "/d/a", "2");
	write_value(dom0, 0, "/d/m/deeper", "3");
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/d")), "x a m");
}
END_TEST

START_TEST(directory_of_a_leaf_is_empty)
{
	const struct reply *r;

	write_value(dom0, 0, "/leaf", "v");
	r = request1(dom0, XS_DIRECTORY, 0, "/leaf");
	ck_assert_uint_eq(r->hdr.type, XS_DIRECTORY);
	ck_assert_uint_eq(r->hdr.len, 0);
}
END_TEST

START_TEST(mkdir_makes_an_empty_node)
{
	ck_assert_ok(request1(dom0, XS_MKDIR, 0, "/m/n"));
	ck_assert(is_value(read_value(dom0, 0, "/m/n"), ""));
}
END_TEST

START_TEST(mkdir_keeps_an_existing_node)
{
	write_value(dom0, 0, "/m", "kept");
	ck_assert_ok(request1(dom0, XS_MKDIR, 0, "/m"));
	ck_assert(is_value(read_value(dom0, 0, "/m"), "kept"));
}
END_TEST

START_TEST(rm_removes_the_subtree)
{
	write_value(dom0, 0, "/r/a/b", "1");
	write_value(dom0, 0, "/r/c", "2");
	write_value(dom0, 0, "/keep", "3");
	ck_assert_ok(request1(dom0, XS_RM, 0, "/r"));
	ck_assert_error(read_value(dom0, 0, "/r"), "ENOENT");
	ck_assert_error(read_value(dom0, 0, "/r/a/b"), "ENOENT");
	ck_assert_error(read_value(dom0, 0, "/r/c"), "ENOENT");
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/")),
			 "tool keep");
}
END_TEST

/* Xen's rule: fine if the parent is there, ENOENT if not. */
START_TEST(rm_of_an_absent_node)
{
	ck_assert_ok(request1(dom0, XS_RM, 0, "/absent"));
	ck_assert_error(request1(dom0, XS_RM, 0, "/absent/below"), "ENOENT");
}
END_TEST

START_TEST(rm_of_the_root_is_einval)
{
	ck_assert_error(request1(dom0, XS_RM, 0, "/"), "EINVAL");
	ck_assert(is_value(read_value(dom0, 0, "/"), ""));
}
END_TEST

/* A name may come back after removal, with nothing of the old one. */
START_TEST(rm_then_write_again)
{
	write_value(dom0, 0, "/x/old", "1");
	request1(dom0, XS_RM, 0, "/x");
	ck_assert_ok(write_value(dom0, 0, "/x/new", "2"));
	ck_assert_str_eq(joined(request1(dom0, XS_DIRECTORY, 0, "/x")), "new");
}
END_TEST

/* dom0's relative paths start at /local/domain/0. */
START_TEST(relative_paths_are_below_home)
{
	ck_assert_ok(write_value(dom0, 0, "rel/key", "v"));
	ck_assert(is_value(read_value(dom0, 0, "/local/domain/0/rel/key"), "v"));
	ck_assert(is_value(read_value(dom0, 0, "rel/key"), "v"));
}
END_TEST

START_TEST(get_domain_path)
{
	ck_assert_str_eq(request1(dom0, XS_GET_DOMAIN_PATH, 0, "7")->data,
			 "/local/domain/7");
	ck_assert_error(request1(dom0, XS_GET_DOMAIN_PATH, 0, "seven"),
			"EINVAL");
}
END_TEST

/* Enough long names that the listing passes XENSTORE_PAYLOAD_MAX. */
static void make_big_directory(unsigned int n)
{
	char path[64];
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/big/a-long-child-name-%04u", i);
		ck_assert_ok(write_value(dom0, 0, path, ""));
	}
}

START_TEST(a_listing_too_long_is_e2big)
{
	make_big_directory(300);
	ck_assert_error(request1(dom0, XS_DIRECTORY, 0, "/big"), "E2BIG");
}
END_TEST

/* Parts carry the generation first; the last ends with an empty name. */
START_TEST(directory_part_pages_through)
{
	char off[16], gen[32], name[64];
	const struct reply *r;
	unsigned int total = 0, count = 0, len, pos;
	bool last = false;

	make_big_directory(300);
	while (!last) {
		snprintf(off, sizeof(off), "%u", total);
		r = request2(dom0, XS_DIRECTORY_PART, 0, "/big", off);
		ck_assert_uint_eq(r->hdr.type, XS_DIRECTORY_PART);
		if (!total)
			strcpy(gen, r->data);
		ck_assert_str_eq(r->data, gen);
		pos = (unsigned int)strlen(r->data) + 1;
		for (; pos < r->hdr.len && r->data[pos]; pos += len + 1) {
			len = (unsigned int)strlen(r->data + pos);
			snprintf(name, sizeof(name), "a-long-child-name-%04u",
				 count++);
			ck_assert_str_eq(r->data + pos, name);
			total += len + 1;
		}
		last = pos < r->hdr.len;
		ck_assert(last || pos == r->hdr.len);
	}
	ck_assert_uint_eq(count, 300);
}
END_TEST

START_TEST(directory_part_past_the_end)
{
	const struct reply *r;

	write_value(dom0, 0, "/p/a", "");
	r = request2(dom0, XS_DIRECTORY_PART, 0, "/p", "99");
	ck_assert_uint_eq(r->hdr.type, XS_DIRECTORY_PART);
	ck_assert_uint_eq(r->hdr.len, strlen(r->data) + 2);
	ck_assert_uint_eq(r->data[r->hdr.len - 1], '\0');
}
END_TEST

/* A change to the node changes its generation. */
START_TEST(directory_part_generation_moves)
{
	char before[32];

	write_value(dom0, 0, "/g/a", "");
	strcpy(before, request2(dom0, XS_DIRECTORY_PART, 0, "/g", "0")->data);
	write_value(dom0, 0, "/g/b", "");
	ck_assert_str_ne(request2(dom0, XS_DIRECTORY_PART, 0, "/g", "0")->data,
			 before);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_tree");
	TCase *nodes = tcase_create("nodes");
	TCase *dirs = tcase_create("directories");

	tcase_add_checked_fixture(nodes, setup, harness_teardown);
	tcase_add_test(nodes, write_then_read);
	tcase_add_test(nodes, values_are_bytes);
	tcase_add_test(nodes, empty_value);
	tcase_add_test(nodes, read_of_absent_node_is_enoent);
	tcase_add_test(nodes, write_creates_the_parents);
	tcase_add_test(nodes, write_replaces_the_value);
	tcase_add_test(nodes, the_store_starts_as_xens);
	tcase_add_test(nodes, mkdir_makes_an_empty_node);
	tcase_add_test(nodes, mkdir_keeps_an_existing_node);
	tcase_add_test(nodes, rm_removes_the_subtree);
	tcase_add_test(nodes, rm_of_an_absent_node);
	tcase_add_test(nodes, rm_of_the_root_is_einval);
	tcase_add_test(nodes, rm_then_write_again);
	tcase_add_test(nodes, relative_paths_are_below_home);
	tcase_add_test(nodes, get_domain_path);
	suite_add_tcase(s, nodes);

	tcase_add_checked_fixture(dirs, setup, harness_teardown);
	tcase_add_test(dirs, directory_lists_children);
	tcase_add_test(dirs, directory_of_a_leaf_is_empty);
	tcase_add_test(dirs, a_listing_too_long_is_e2big);
	tcase_add_test(dirs, directory_part_pages_through);
	tcase_add_test(dirs, directory_part_past_the_end);
	tcase_add_test(dirs, directory_part_generation_moves);
	suite_add_tcase(s, dirs);
	return s;
}
