#include <errno.h>
#include <stdio.h>

#include "check.h"

const char *check_name;
static int passed, failed;

void check(int ok, const char *what, int line)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("%s: FAIL line %d: %s (errno %d)\n", check_name, line, what, errno);
}

int check_summary(void)
{
	printf("%s: %d passed, %d failed\n", check_name, passed, failed);
	return failed != 0;
}
