/*
 * The domU half of the grant tests: it offers dom0 three pages of its own
 * (grant.h: one writable, one read-only, one offered to another domain),
 * rings dom0 and waits. With hold= on its command line it waits to be
 * destroyed under dom0's mapping (grant_destroy); otherwise it waits for
 * dom0 to ring back, then checks that dom0 left the writable page inverted
 * and the others as they were, and that no grant is still in use.
 */
#include "grant.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "grant_child";

#define NR_GRANTS 3
#define DOM0_NS (20 * 1000000000UL)

static uint8_t pages[NR_GRANTS][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static const grant_ref_t refs[NR_GRANTS] = { GRANT_REF_RW, GRANT_REF_RO, GRANT_REF_OTHER };
static const uint64_t dom0_leaves[NR_GRANTS] = { GRANT_INVERTED, 0, 0 };
static const uint16_t flags[NR_GRANTS] = { 0, GTF_readonly, 0 };
static const domid_t offered_to[NR_GRANTS] = { 0, 0, GRANT_NOT_DOM0 };

void test_main(void)
{
	grant_entry_v1_t *table = grant_table();
	unsigned int g;
	long word;

	if (!table) {
		fail("no grant table");
		return;
	}
	for (g = 0; g < NR_GRANTS; g++) {
		grant_page_fill(pages[g], refs[g], 0);
		grant_offer(table, refs[g], offered_to[g], pages[g], flags[g]);
	}
	doorbell_ring();
	if (arg_value("hold") >= 0) {
		doorbell_wait(DOM0_NS);
		fail("not destroyed");
		return;
	}
	expect_eq(doorbell_wait(DOM0_NS), 0, "waiting for dom0");
	for (g = 0; g < NR_GRANTS; g++) {
		if ((word = grant_page_check(pages[g], refs[g], dom0_leaves[g])) >= 0)
			fail("ref %u: word %ld is %lx", refs[g], word, ((uint64_t *)pages[g])[word]);
		/* No mapping or copy is left holding the entry. */
		expect_eq(table[refs[g]].flags, GTF_permit_access | flags[g], "flags in the end");
		table[refs[g]].flags = 0;
	}
}
