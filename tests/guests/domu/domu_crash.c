/*
 * A domU that crashes at once (SCHEDOP_shutdown with SHUTDOWN_crash), for
 * the xl test: xl's monitor must say so on dom0's console and do the
 * config's on_crash.
 */
#include "test.h"

const char test_name[] = "domu_crash";

void test_main(void)
{
	test_set_shutdown_reason(SHUTDOWN_crash);
}
