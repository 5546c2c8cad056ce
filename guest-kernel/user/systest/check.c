/* Counting checks, by section and in all. */
#include <errno.h>
#include <stdio.h>

#include "check.h"

static int passed, failed;

void check_result(int ok, const char *what, const char *file, int line)
{
	int err = errno;

	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("systest: FAIL %s:%d: %s (errno %d)\n", file, line, what, err);
}

void check_section(const char *name, void (*fn)(void))
{
	int passed_before = passed, failed_before = failed;

	fn();
	printf("systest: %s: %d passed, %d failed\n", name, passed - passed_before,
	       failed - failed_before);
}

int check_passed(void)
{
	return passed;
}

int check_failed(void)
{
	return failed;
}
