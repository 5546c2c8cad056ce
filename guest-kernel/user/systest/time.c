/* Time: the clocks agree with each other and with a sleep, and newlib's
 * time() reads the same clock through gettimeofday. */
#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include "check.h"

/* 2020-01-01: any clock earlier than that was never set. */
#define SOME_TIME_AGO 1577836800
#define NAP_NS (30 * 1000 * 1000)

static long long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

void test_time(void)
{
	struct timespec nap = { 0, NAP_NS }, before, after, now;
	struct timeval tv;

	CHECK(clock_gettime(CLOCK_MONOTONIC, &before) == 0);
	CHECK(nanosleep(&nap, NULL) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &after) == 0 && ns_between(&before, &after) >= NAP_NS);
	CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0 && now.tv_sec > SOME_TIME_AGO);
	CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now.tv_sec && tv.tv_usec < 1000000);
	CHECK(time(NULL) >= tv.tv_sec && time(NULL) <= tv.tv_sec + 5);
	CHECK(gettimeofday(bad_address, NULL) == -1 && errno == EFAULT);
	nap.tv_nsec = 1000000000;
	CHECK(nanosleep(&nap, NULL) == -1 && errno == EINVAL);
}
