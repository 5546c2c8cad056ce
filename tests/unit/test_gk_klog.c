/*
 * The guest kernel's log ring (klog.c) through its syslog(2) handler: a
 * read gets the last whole lines that fit, the ring keeps the newest text
 * once it wraps, and bad arguments get Linux's errors. copy_to_user() is
 * memcpy here, but for one address that faults.
 */
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "errno.h"
#include "klog.h"
#include "support.h"
#include "syscall.h"
#include "uapi/syscall_nr.h"

#define BAD_ADDRESS ((char *)16)

static char buf[2 * KLOG_SIZE];

int copy_to_user(void *user_dst, const void *src, size_t n)
{
	if (user_dst == BAD_ADDRESS)
		return -EFAULT;
	memcpy(user_dst, src, n);
	return 0;
}

static long syslog(int type, char *user_buf, long len)
{
	const unsigned long arg[6] = { (unsigned long)type, (unsigned long)user_buf,
				       (unsigned long)len };

	return sys_syslog(arg);
}

/* Lines "line N\n", N from first to last, each padded to width digits. */
static void write_lines(int first, int last, int width)
{
	char line[32];

	for (int i = first; i <= last; i++) {
		int n = snprintf(line, sizeof(line), "line %0*d\n", width, i);

		klog_write(line, (size_t)n);
	}
}

START_TEST(reads_the_last_whole_lines_that_fit)
{
	write_lines(0, 2, 1);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)), 21);
	ck_assert_mem_eq(buf, "line 0\nline 1\nline 2\n", 21);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, 20), 14);
	ck_assert_mem_eq(buf, "line 1\nline 2\n", 14);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, 7), 7);
	ck_assert_mem_eq(buf, "line 2\n", 7);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, 6), 0);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, 0), 0);
}
END_TEST

/* 20,000 bytes through a 16 KiB ring: the line cut by the wrap is left
 * out, and what remains is every later line in order. */
START_TEST(keeps_the_newest_whole_lines_once_it_wraps)
{
	long n;

	write_lines(0, 1999, 4);
	n = syslog(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf));
	ck_assert_int_eq(n, (2000 - 362) * 10);
	for (int i = 362; i < 2000; i++) {
		char line[16];

		snprintf(line, sizeof(line), "line %04d\n", i);
		ck_assert_mem_eq(buf + (i - 362) * 10, line, 10);
	}
}
END_TEST

/* The ring holds exactly the oldest line's start, but not the break
 * before it: that line cannot be told whole, and is left out. */
START_TEST(leaves_out_a_line_it_cannot_tell_whole)
{
	write_lines(0, 2 * KLOG_SIZE / 16 - 1, 10);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)), KLOG_SIZE - 16);
	ck_assert_mem_eq(buf, "line 0000001025\n", 16);
}
END_TEST

START_TEST(refuses_bad_arguments)
{
	write_lines(0, 0, 1);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), KLOG_SIZE);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, BAD_ADDRESS, 100), -EFAULT);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, NULL, 100), -EINVAL);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, -1), -EINVAL);
	ck_assert_int_eq(syslog(SYSLOG_ACTION_READ_ALL, buf, 1L << 32), 0);
	ck_assert_int_eq(syslog(99, buf, sizeof(buf)), -EINVAL);
	ck_assert_int_eq(syslog(-1, buf, sizeof(buf)), -EINVAL);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("gk_klog");
	TCase *tc = tcase_create("syslog");

	tcase_add_test(tc, reads_the_last_whole_lines_that_fit);
	tcase_add_test(tc, keeps_the_newest_whole_lines_once_it_wraps);
	tcase_add_test(tc, leaves_out_a_line_it_cannot_tell_whole);
	tcase_add_test(tc, refuses_bad_arguments);
	suite_add_tcase(s, tc);
	return s;
}
