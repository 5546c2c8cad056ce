/*
 * The domU the PV bench guest builds for the interdomain rows
 * (tests/bench/pv/domu.c): it offers dom0 one page (grant.h's
 * GRANT_REF_RW), rings dom0 once it is ready, then answers every ring
 * with one. It never ends by itself: dom0 destroys it.
 */
#include "grant.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "pv-bench-peer";

/* Longer than any bench run: dom0 destroys us long before. */
#define FOREVER_NS (3600 * 1000000000UL)

static uint8_t page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void test_main(void)
{
	grant_entry_v1_t *table = grant_table();

	if (!table) {
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
