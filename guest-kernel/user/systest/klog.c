/*
 * The kernel log through klogctl() (syslog(2)): it holds the boot's
 * messages, a short read gets the last whole lines, and bad arguments get
 * Linux's errors.
 */
#include <errno.h>
#include <string.h>
#include <sys/klog.h>

#include "check.h"

#define LOG_MAX (64 * 1024)

static char whole[LOG_MAX + 1], part[LOG_MAX];

void test_klog(void)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	int n = klogctl(SYSLOG_ACTION_READ_ALL, whole, LOG_MAX), got;
	char *nl;

	CHECK(size >= 4096 && size <= LOG_MAX);
	CHECK(n > 0 && n <= size && whole[n - 1] == '\n');
	whole[n > 0 ? n : 0] = '\0';
	CHECK(strstr(whole, "initrd:") != NULL && strstr(whole, "memory:") != NULL);
	/* One byte short of it all: the first line is left out whole. */
	nl = strchr(whole, '\n');
	got = klogctl(SYSLOG_ACTION_READ_ALL, part, n - 1);
	CHECK(nl && got == n - (nl + 1 - whole) && memcmp(part, nl + 1, got) == 0);
	CHECK(klogctl(SYSLOG_ACTION_READ_ALL, part, 0) == 0);

	CHECK(klogctl(SYSLOG_ACTION_READ_ALL, bad_address, 100) == -1 && errno == EFAULT);
	CHECK(klogctl(SYSLOG_ACTION_READ_ALL, NULL, 100) == -1 && errno == EINVAL);
	CHECK(klogctl(SYSLOG_ACTION_READ_ALL, part, -1) == -1 && errno == EINVAL);
	CHECK(klogctl(99, part, sizeof(part)) == -1 && errno == EINVAL);
	CHECK(klogctl(-1, part, sizeof(part)) == -1 && errno == EINVAL);
}
