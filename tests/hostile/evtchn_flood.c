/*
 * Two domUs (domu/flood_child.c) at once: one sends dom0 100,000 events as
 * fast as it can, while the other makes 1,000 round trips with dom0 over
 * its own channel. dom0 answers every ring of the second and drains the
 * first's; every round trip must come back, both domUs must pass, and dom0
 * and the hypervisor must be fine after.
 */
#include "alive.h"
#include "peer.h"
#include "test.h"
#include "time.h"

const char test_name[] = "evtchn_flood";

#define DOMU_PAGES 2048
#define SENDS 100000
#define PINGS 1000
#define RUN_NS (30 * 1000000000UL)

enum { FLOODER, PINGER, NR_PEERS };

static struct peer peers[NR_PEERS];
/* Rings answered in all, and while the flood was still going. */
static unsigned long answered, answered_in_flood, flood_wakeups;

static bool serve(struct peer *p, unsigned int n)
{
	(void)n;
	if (peer_rang(&p[PINGER])) {
		peer_ring(&p[PINGER]);
		answered++;
		if (!p[FLOODER].shut_down)
			answered_in_flood++;
	}
	if (peer_rang(&p[FLOODER]))
		flood_wakeups++;
	return p[FLOODER].shut_down && p[PINGER].shut_down;
}

void test_main(void)
{
	uint64_t start;
	long rc;

	if (peer_create(&peers[FLOODER], DOMU_PAGES) || peer_create(&peers[PINGER], DOMU_PAGES) ||
	    peer_load(&peers[FLOODER], "flood=%u", SENDS) ||
	    peer_load(&peers[PINGER], "pings=%u", PINGS) || peer_unpause(&peers[FLOODER]) ||
	    peer_unpause(&peers[PINGER]))
		return;
	start = now_ns();
	if ((rc = peers_run(peers, NR_PEERS, serve, RUN_NS)))
		fail("serving the domUs: %ld", rc);
	printf("evtchn_flood: %lu ms; %lu rings answered, %lu of them during the flood; "
	       "woken %lu times by the flood\n", (unsigned long)(now_ns() - start) / 1000000,
	       answered, answered_in_flood, flood_wakeups);
	peers_join(peers, NR_PEERS);
	expect_eq(answered, PINGS, "rings answered");
	expect(flood_wakeups, "the flood never reached dom0");
	peers_destroy(peers, NR_PEERS);
	expect_alive();
}
