/* dom0/xl: xl_config_load, a config read from a file named as given. */
#include "test_xl.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char path[] = "/tmp/xl_load_XXXXXX";

/* A fresh file holding len bytes of text (or zeros if text is NULL). */
static void write_file(const char *text, size_t len)
{
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	if (text)
		ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	else
		ck_assert_int_eq(ftruncate(fd, len), 0);
	close(fd);
}

static int load(void)
{
	return xl_config_load(path, &cfg, err, sizeof(err));
}

/* What "xl: PATH: " + message reads for the file just written. */
static const char *on_file(const char *message)
{
	static char line[512];

	snprintf(line, sizeof(line), "xl: %s%s", path, message);
	return line;
}

static void teardown(void)
{
	free_config();
	unlink(path);
	strcpy(path, "/tmp/xl_load_XXXXXX");
}

START_TEST(file_is_parsed_and_named_as_given)
{
	static const char text[] = MINIMAL "memory = 96\ncpus = 'all'\n";

	write_file(text, strlen(text));
	ck_assert_int_eq(load(), 0);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(cfg.name, "guest");
	ck_assert_uint_eq(cfg.memory_mib, 96);
	ck_assert_uint_eq(cfg.nr_warnings, 1);
	ck_assert_str_eq(cfg.warnings[0], on_file(":4: warning: ignoring unsupported key 'cpus'"));
}
END_TEST

START_TEST(errors_name_the_file)
{
	static const char text[] = MINIMAL "\nmemory = \"lots\"\n";

	write_file(text, strlen(text));
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_str_eq(err, on_file(":4: 'memory' must be a number, got \"lots\""));
	ck_assert_ptr_null(cfg.name);
}
END_TEST

START_TEST(empty_file)
{
	write_file("", 0);
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_str_eq(err, on_file(": missing required key 'name'"));
}
END_TEST

START_TEST(nul_bytes_in_a_file)
{
	write_file(MINIMAL "\0\n", sizeof(MINIMAL) + 1);
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_str_eq(err, on_file(":3: NUL byte in the file"));
}
END_TEST

START_TEST(missing_file)
{
	ck_assert_int_eq(xl_config_load("/nonexistent/guest.cfg", &cfg, err, sizeof(err)), -ENOENT);
	ck_assert_str_eq(err, "xl: /nonexistent/guest.cfg: cannot open: No such file or directory");
}
END_TEST

START_TEST(directory)
{
	ck_assert_int_eq(xl_config_load("/tmp", &cfg, err, sizeof(err)), -EISDIR);
	ck_assert_str_eq(err, "xl: /tmp: cannot read: Is a directory");
}
END_TEST

/* At the bound the file is parsed (and found wanting: all NULs); one byte
 * more and it is not read further. */
START_TEST(size_bound)
{
	write_file(NULL, XL_CONFIG_MAX_SIZE);
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_str_eq(err, on_file(":1: NUL byte in the file"));
	teardown();
	write_file(NULL, XL_CONFIG_MAX_SIZE + 1);
	ck_assert_int_eq(load(), -EFBIG);
	ck_assert_str_eq(err, on_file(": file too large (over 16777216 bytes)"));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("xl_load");
	TCase *tc = tcase_create("load");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, file_is_parsed_and_named_as_given);
	tcase_add_test(tc, errors_name_the_file);
	tcase_add_test(tc, empty_file);
	tcase_add_test(tc, nul_bytes_in_a_file);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, directory);
	tcase_add_test(tc, size_bound);
	suite_add_tcase(s, tc);
	return s;
}
