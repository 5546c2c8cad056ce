/*
 * The domU the PV bench guest builds for the interdomain rows
 * (tests/bench/pv/domu.c). First thing, it ends the region of the domain
 * creation row; it offers dom0 one page to map and copy (grant.h's
 * GRANT_REF_RW), rings dom0 once ready, then answers every ring with one.
 * It never ends by itself: dom0 destroys it.
 */
#include "../common/markers.h"
#include "grant.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "pv-bench-peer";

/* Longer than any bench run: dom0 destroys us long before. */
#define FOREVER_NS (3600 * 1000000000UL)

static uint8_t page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void test_main(void)
{
	grant_entry_v1_t *table;

	region_end();
	if (!(table = grant_table())) {
		fail("no grant table");
		return;
	}
	grant_page_fill(page, GRANT_REF_RW, 0);
	grant_offer(table, GRANT_REF_RW, 0, page, 0);
	for (;;) {
		doorbell_ring();
		if (doorbell_wait(FOREVER_NS))
			return;
	}
}
