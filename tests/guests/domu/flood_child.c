/*
 * The domU half of evtchn_flood, in one of two roles its command line
 * names: flood=N sends N events to dom0 as fast as it can; pings=N makes N
 * round trips with dom0, each one ring and one answer, and fails if one is
 * lost or takes more than a second.
 */
#include "evtchn.h"
#include "peer.h"
#include "test.h"
#include "time.h"

const char test_name[] = "flood_child";

#define ROUND_TRIP_NS 1000000000UL

static void flood(long n)
{
	uint64_t start = now_ns();
	long i, rc = 0;

	for (i = 0; i < n && !rc; i++)
		rc = evtchn_send(xen_start_info->store_evtchn);
	expect_eq(rc, 0, "EVTCHNOP_send to dom0");
	printf("flood_child: %ld sends in %lu ms\n", i, (unsigned long)(now_ns() - start) / 1000000);
}

static void ping(long n)
{
	uint64_t start = now_ns();
	long i, rc = 0;

	for (i = 0; i < n && !rc; i++) {
		doorbell_ring();
		rc = doorbell_wait(ROUND_TRIP_NS);
	}
	expect_eq(rc, 0, "dom0's answer");
	printf("flood_child: %ld round trips in %lu ms\n", i,
	       (unsigned long)(now_ns() - start) / 1000000);
}

void test_main(void)
{
	long sends = arg_value("flood"), pings = arg_value("pings");

	if (sends >= 0)
		flood(sends);
	else if (pings >= 0)
		ping(pings);
	else
		fail("no flood= or pings= on the command line");
}
