/* xenstored's path rules (path.c), as Xen's canonicalize() and
 * is_valid_nodename() have them. */
#include <errno.h>
#include <string.h>
#include "path.h"
#include "support.h"

static char out[XS_PATH_BUF];

static int canon(const char *in, unsigned int domid)
{
	return path_canonical(in, domid, false, out);
}

/* A path of len characters: start (ending in '/'), then "x/x/x...". */
static const char *long_path(const char *start, size_t len)
{
	static char buf[2 * XS_PATH_BUF];
	size_t base = strlen(start), n;

	memcpy(buf, start, base);
	for (n = base; n < len; n++)
		buf[n] = (n - base) % 2 ? '/' : 'x';
	if (buf[len - 1] == '/')
		buf[len - 1] = 'y';
	buf[len] = '\0';
	return buf;
}

START_TEST(absolute_paths_stay)
{
	ck_assert_int_eq(canon("/local/domain/3/device", 3), 0);
	ck_assert_str_eq(out, "/local/domain/3/device");
	ck_assert_int_eq(canon("/", 3), 0);
	ck_assert_str_eq(out, "/");
}
END_TEST

START_TEST(relative_paths_start_at_home)
{
	ck_assert_int_eq(canon("device/vbd", 7), 0);
	ck_assert_str_eq(out, "/local/domain/7/device/vbd");
	ck_assert_int_eq(canon("x", 0), 0);
	ck_assert_str_eq(out, "/local/domain/0/x");
}
END_TEST

/* "" would name the home with a trailing '/'. */
START_TEST(empty_path_is_invalid)
{
	ck_assert_int_eq(canon("", 0), EINVAL);
}
END_TEST

START_TEST(only_xens_characters)
{
	ck_assert_int_eq(canon("/a-b_c@9", 0), 0);
	ck_assert_int_eq(canon("/a b", 0), EINVAL);
	ck_assert_int_eq(canon("/a.b", 0), EINVAL);
	ck_assert_int_eq(canon("/a\\b", 0), EINVAL);
	ck_assert_int_eq(canon("/\xc3\xa9", 0), EINVAL);
	ck_assert_int_eq(canon("../x", 0), EINVAL);
}
END_TEST

START_TEST(no_trailing_or_double_slash)
{
	ck_assert_int_eq(canon("/a/", 0), EINVAL);
	ck_assert_int_eq(canon("/a//b", 0), EINVAL);
	ck_assert_int_eq(canon("//", 0), EINVAL);
	ck_assert_int_eq(canon("a/", 0), EINVAL);
}
END_TEST

START_TEST(special_paths_only_where_allowed)
{
	ck_assert_int_eq(canon("@releaseDomain", 0), EINVAL);
	ck_assert_int_eq(path_canonical("@releaseDomain", 5, true, out), 0);
	ck_assert_str_eq(out, "@releaseDomain");
	ck_assert(path_is_special(out));
}
END_TEST

/* Outside /local/domain/<id>/ a path may be XENSTORE_REL_PATH_MAX long. */
START_TEST(plain_paths_up_to_rel_path_max)
{
	ck_assert_int_eq(canon(long_path("/", XENSTORE_REL_PATH_MAX), 0), 0);
	ck_assert_int_eq(canon(long_path("/", XENSTORE_REL_PATH_MAX + 1), 0),
			 EINVAL);
}
END_TEST

/* Below a domain's home, the part after it may be as long, up to
 * XENSTORE_ABS_PATH_MAX in all. */
START_TEST(home_paths_count_from_the_home)
{
	const char *home = "/local/domain/12345/";
	size_t base = strlen(home);

	ck_assert_int_eq(canon(long_path(home, base + XENSTORE_REL_PATH_MAX), 0),
			 0);
	ck_assert_int_eq(canon(long_path(home, base + XENSTORE_REL_PATH_MAX + 1),
			       0), EINVAL);
	ck_assert_int_eq(canon(long_path("/local/domain/123456/",
					  base + XENSTORE_REL_PATH_MAX), 0),
			 EINVAL);
}
END_TEST

START_TEST(relative_paths_past_the_limit)
{
	char rel[XENSTORE_REL_PATH_MAX + 2];

	memset(rel, 'r', sizeof(rel) - 1);
	rel[XENSTORE_REL_PATH_MAX] = '\0';
	ck_assert_int_eq(canon(rel, 65535), 0);
	rel[XENSTORE_REL_PATH_MAX] = 'r';
	rel[XENSTORE_REL_PATH_MAX + 1] = '\0';
	ck_assert_int_eq(canon(rel, 65535), EINVAL);
}
END_TEST

START_TEST(longer_than_any_buffer)
{
	static char huge[3 * XS_PATH_BUF];

	memset(huge, 'h', sizeof(huge) - 1);
	huge[0] = '/';
	ck_assert_int_eq(canon(huge, 0), EINVAL);
	ck_assert_int_eq(canon(huge + 1, 0), EINVAL);
}
END_TEST

START_TEST(parents)
{
	path_parent("/a/b/c", out);
	ck_assert_str_eq(out, "/a/b");
	path_parent("/a", out);
	ck_assert_str_eq(out, "/");
	path_parent("@introduceDomain", out);
	ck_assert_str_eq(out, "/");
	strcpy(out, "/x/y");
	path_parent(out, out);
	ck_assert_str_eq(out, "/x");
	ck_assert_str_eq(path_basename("/x/yz"), "yz");
}
END_TEST

START_TEST(below)
{
	ck_assert(path_is_below("/a/b", "/a"));
	ck_assert(path_is_below("/a", "/a"));
	ck_assert(!path_is_below("/ab", "/a"));
	ck_assert(!path_is_below("/a", "/a/b"));
	ck_assert(path_is_below("/anything", "/"));
	ck_assert(path_is_below("@releaseDomain", "/"));
	ck_assert(path_is_below("@releaseDomain", "@releaseDomain"));
}
END_TEST

START_TEST(children)
{
	ck_assert_int_eq(path_child("/", "a", out), 0);
	ck_assert_str_eq(out, "/a");
	ck_assert_int_eq(path_child("/a", "b", out), 0);
	ck_assert_str_eq(out, "/a/b");
	ck_assert_int_eq(path_child(long_path("/", XENSTORE_ABS_PATH_MAX), "b",
				    out), EINVAL);
}
END_TEST

START_TEST(homes)
{
	path_home(65535, out);
	ck_assert_str_eq(out, "/local/domain/65535");
	ck_assert_uint_lt(strlen(out), XS_HOME_BUF);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xs_path");
	TCase *canonical = tcase_create("canonical");
	TCase *names = tcase_create("names");

	tcase_add_test(canonical, absolute_paths_stay);
	tcase_add_test(canonical, relative_paths_start_at_home);
	tcase_add_test(canonical, empty_path_is_invalid);
	tcase_add_test(canonical, only_xens_characters);
	tcase_add_test(canonical, no_trailing_or_double_slash);
	tcase_add_test(canonical, special_paths_only_where_allowed);
	tcase_add_test(canonical, plain_paths_up_to_rel_path_max);
	tcase_add_test(canonical, home_paths_count_from_the_home);
	tcase_add_test(canonical, relative_paths_past_the_limit);
	tcase_add_test(canonical, longer_than_any_buffer);
	suite_add_tcase(s, canonical);

	tcase_add_test(names, parents);
	tcase_add_test(names, below);
	tcase_add_test(names, children);
	tcase_add_test(names, homes);
	suite_add_tcase(s, names);
	return s;
}
