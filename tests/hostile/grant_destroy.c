/*
 * A domU (domu/grant_child.c, "hold") is destroyed while dom0 still maps a
 * page it granted. dom0's mapping must keep the frame: reads and writes
 * through it go on, nothing crashes. Once dom0 unmaps, the domU's last
 * page goes and the domain with it. Twice, so that the second round shows
 * every page coming back (after the first, Xen 4.17 stays two pages poorer
 * for good).
 */
#include "alive.h"
#include "domctl.h"
#include "grant.h"
#include "peer.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "grant_destroy";

#define DOMU_PAGES 2048
#define OFFER_NS (20 * 1000000000UL)

static struct peer peer;
static uint8_t va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* getdomaininfo of the domU (its rc), logged with the free pages. */
static long domu_info(const char *when, struct xen_domctl_getdomaininfo *info, uint64_t *free)
{
	long rc = domain_info(peer.domu.domid, info);

	*free = free_pages();
	printf("grant_destroy: d%u %s: getdomaininfo %ld flags %x tot_pages %lu; %lu free pages\n",
	       peer.domu.domid, when, rc, rc ? 0 : info->flags,
	       rc ? 0 : (unsigned long)info->tot_pages, (unsigned long)*free);
	return rc;
}

static void expect_page(uint64_t x, const char *what)
{
	long word = grant_page_check(va, GRANT_REF_RW, x);

	expect(word < 0, "%s: word %ld", what, word);
}

/*
 * Xen keeps a destroyed domain that still has a page mapped elsewhere:
 * getdomaininfo finds it dying, with that one page. The unmap frees the
 * page and the domain at once.
 */
static void destroy_under_mapping(grant_handle_t h)
{
	struct xen_domctl_getdomaininfo info;
	uint64_t destroyed, unmapped;

	expect_eq(peer_destroy(&peer), 0, "destroying the domU under dom0's mapping");
	if (!domu_info("destroyed", &info, &destroyed)) {
		expect(info.flags & XEN_DOMINF_dying, "the destroyed domU is not dying");
		expect_eq(info.tot_pages, 1, "pages of the destroyed domU");
	} else
		fail("getdomaininfo does not find the destroyed domU whose page dom0 maps");
	grant_page_fill(va, GRANT_REF_RW, GRANT_INVERTED);
	expect_page(GRANT_INVERTED, "the grant after the destroy");
	expect_eq(grant_unmap(va, h), GNTST_okay, "unmap after the granter was destroyed");
	expect_eq(read_faults((unsigned long)va), 0, "a read after the unmap");
	expect_eq(domu_info("unmapped", &info, &unmapped), -XEN_ESRCH,
		  "getdomaininfo of the domU after the unmap");
	expect(unmapped > destroyed, "the unmap freed no page: %lu free pages, %lu before",
	       (unsigned long)unmapped, (unsigned long)destroyed);
}

static void under_mapping(void)
{
	struct xen_domctl_getdomaininfo info;
	grant_handle_t h;
	uint64_t free;

	expect_eq(grant_free_va(va), 0, "unmapping a page of ours");
	if (grant_map(peer.domu.domid, GRANT_REF_RW, 0, va, &h)) {
		fail("map of the writable grant");
		peers_destroy(&peer, 1);
		return;
	}
	expect_page(0, "the grant before the destroy");
	domu_info("mapped", &info, &free);
	destroy_under_mapping(h);
	expect_eq(peers_gone(&peer, 1), 0, "the domU gone after the unmap");
	expect_eq(map_own_frame(va), 0, "mapping our page back");
}

static uint64_t round_trip(void)
{
	long rc;

	if (peer_create(&peer, DOMU_PAGES) || peer_load(&peer, "hold=1") || peer_unpause(&peer))
		return 0;
	if ((rc = peer_wait_ring(&peer, OFFER_NS))) {
		fail("the domU offered no grants: %ld", rc);
		peers_destroy(&peer, 1);
	} else
		under_mapping();
	return peers_free_pages();
}

void test_main(void)
{
	uint64_t before = free_pages(), first, second;

	first = round_trip();
	second = round_trip();
	printf("grant_destroy: free pages: %lu before, %lu after one domU, %lu after two\n",
	       (unsigned long)before, (unsigned long)first, (unsigned long)second);
	expect_eq(second, first, "free pages after the second domU");
	expect_alive();
}
