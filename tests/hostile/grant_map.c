/*
 * dom0 maps pages a domU (domu/grant_child.c) offers it, and then the
 * grants it should not: one offered to another domain, a read-only one
 * writable, a ref beyond the table, a domain that does not exist; then
 * unmaps wrongly (another VA, twice) and maps over a VA already mapped.
 * The domU's entries are watched through a foreign mapping of its grant
 * table: GTF_reading/GTF_writing while mapped, clear after. Every answer
 * is Xen 4.17's.
 */
#include "alive.h"
#include "domu_map.h"
#include "grant.h"
#include "hypercall.h"
#include "peer.h"
#include "ptables.h"
#include "test.h"
#include "traps.h"

const char test_name[] = "grant_map";

#define DOMU_PAGES 2048
#define OFFER_NS (20 * 1000000000UL)
#define NO_SUCH_DOMAIN 1000
#define MAGIC 0x6f776e2070616765UL
/* #PF error code of a kernel-mode write to a present, read-only page. */
#define PFEC_PRESENT_WRITE (1UL | PFEC_WRITE)

static struct peer peer;
static domid_t domu;
/* The domU's grant table, mapped as the toolstack maps it. */
static grant_entry_v1_t table[PAGE_SIZE / sizeof(grant_entry_v1_t)]
	__attribute__((aligned(PAGE_SIZE)));
/* Free VAs for the grants (grant_free_va); `own` stays mapped. */
static uint8_t rw_va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t ro_va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t spare_va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t own[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static grant_handle_t rw_handle, ro_handle;

static void expect_flags(grant_ref_t ref, uint16_t want, const char *what)
{
	expect_eq(__atomic_load_n(&table[ref].flags, __ATOMIC_ACQUIRE), want, what);
}

static void expect_page(const void *va, grant_ref_t ref, uint64_t x, const char *what)
{
	long word = grant_page_check(va, ref, x);

	expect(word < 0, "%s: word %ld", what, word);
}

static void map_good(void)
{
	expect_eq(grant_free_va(rw_va) | grant_free_va(ro_va), 0, "unmapping pages of ours");
	expect_eq(grant_map(domu, GRANT_REF_RW, 0, rw_va, &rw_handle), GNTST_okay,
		  "map of the writable grant");
	expect_flags(GRANT_REF_RW, GTF_permit_access | GTF_reading | GTF_writing,
		     "flags while mapped writable");
	expect_page(rw_va, GRANT_REF_RW, 0, "the writable grant");
	grant_page_fill(rw_va, GRANT_REF_RW, GRANT_INVERTED);
	expect_eq(grant_map(domu, GRANT_REF_RO, GNTMAP_readonly, ro_va, &ro_handle), GNTST_okay,
		  "read-only map of the read-only grant");
	expect_flags(GRANT_REF_RO, GTF_permit_access | GTF_readonly | GTF_reading,
		     "flags while mapped read-only");
	expect_page(ro_va, GRANT_REF_RO, 0, "the read-only grant");
	expect_eq(write_faults((unsigned long)ro_va, 0), PFEC_PRESENT_WRITE,
		  "a write to the read-only mapping");
}

/* None of these maps anything: spare_va stays unmapped. */
static void map_bad(void)
{
	struct gnttab_query_size size = { .dom = domu };
	grant_handle_t h;

	expect_eq(grant_free_va(spare_va), 0, "unmapping a page of ours");
	expect_eq(grant_map(domu, GRANT_REF_OTHER, 0, spare_va, &h), GNTST_general_error,
		  "map of a grant offered to another domain");
	expect_eq(grant_map(domu, GRANT_REF_RO, 0, spare_va, &h), GNTST_general_error,
		  "writable map of a read-only grant");
	expect_eq(HYPERVISOR_grant_table_op(GNTTABOP_query_size, &size, 1), 0, "query_size");
	expect_eq(grant_map(domu, size.nr_frames * (PAGE_SIZE / sizeof(grant_entry_v1_t)), 0,
			    spare_va, &h),
		  GNTST_bad_gntref, "map of a ref beyond the table");
	expect_eq(grant_map(NO_SUCH_DOMAIN, GRANT_REF_RW, 0, spare_va, &h), GNTST_bad_domain,
		  "map of a grant of a domain that does not exist");
	expect_eq(read_faults((unsigned long)spare_va), 0, "a read of the VA no map took");
	expect_flags(GRANT_REF_OTHER, GTF_permit_access, "flags of the grant to another domain");
	expect_flags(GRANT_REF_RO, GTF_permit_access | GTF_readonly | GTF_reading,
		     "flags of the read-only grant after a writable map failed");
}

static void unmap_bad(void)
{
	expect_eq(grant_unmap(rw_va, ro_handle), GNTST_general_error,
		  "unmap at a VA the handle does not map");
	expect_flags(GRANT_REF_RO, GTF_permit_access | GTF_readonly | GTF_reading,
		     "flags after an unmap at the wrong VA");
	expect_eq(grant_unmap(ro_va, ro_handle), GNTST_okay, "unmap of the read-only mapping");
	expect_flags(GRANT_REF_RO, GTF_permit_access | GTF_readonly, "flags after the unmap");
	expect_eq(read_faults((unsigned long)ro_va), 0, "a read after the unmap");
	expect_eq(grant_unmap(ro_va, ro_handle), GNTST_bad_handle, "a second unmap");
	expect_eq(grant_unmap(ro_va, ~0U), GNTST_bad_handle, "unmap of handle 2^32-1");
}

/*
 * Xen takes a VA in use: the grant replaces the page there, and its unmap
 * leaves the VA unmapped. Map hypercalls do not flush: the old translation
 * may still be cached.
 */
static void map_over_mapped(void)
{
	grant_handle_t h;
	int16_t st;

	poke((unsigned long)own, MAGIC);
	st = grant_map(domu, GRANT_REF_RW, 0, own, &h);
	expect_eq(st, GNTST_okay, "map at a VA already mapped");
	if (st)
		return;
	expect_eq(invlpg((unsigned long)own), 0, "invlpg");
	expect_page(own, GRANT_REF_RW, GRANT_INVERTED, "the grant mapped over a page of ours");
	expect_eq(grant_unmap(own, h), GNTST_okay, "unmap of the grant mapped over a page");
	expect_flags(GRANT_REF_RW, GTF_permit_access | GTF_reading | GTF_writing,
		     "flags with one of two mappings left");
	expect_eq(read_faults((unsigned long)own), 0, "a read where the grant was");
	expect_eq(map_own_frame(own), 0, "mapping our page back");
	expect_eq(peek((unsigned long)own), MAGIC, "our page under the grant");
}

static void unmap_good(void)
{
	expect_eq(grant_unmap(rw_va, rw_handle), GNTST_okay, "unmap of the writable mapping");
	expect_flags(GRANT_REF_RW, GTF_permit_access, "flags after the last unmap");
	expect_eq(read_faults((unsigned long)rw_va), 0, "a read after the unmap");
}

static void with_grants(void)
{
	xen_pfn_t frame;

	if (grant_setup(domu, 1, &frame) || domu_map(table, domu, frame)) {
		fail("no view of the domU's grant table");
		return;
	}
	map_good();
	map_bad();
	unmap_bad();
	map_over_mapped();
	unmap_good();
	expect_eq(domu_unmap(table), 0, "unmapping the domU's grant table");
}

void test_main(void)
{
	long rc;

	if (peer_create(&peer, DOMU_PAGES) || peer_load(&peer, "map") || peer_unpause(&peer))
		return;
	domu = peer.domu.domid;
	if ((rc = peer_wait_ring(&peer, OFFER_NS)))
		fail("the domU offered no grants: %ld", rc);
	else
		with_grants();
	peer_ring(&peer);
	peers_join(&peer, 1);
	peers_destroy(&peer, 1);
	expect_eq(map_own_frame(rw_va) | map_own_frame(ro_va) | map_own_frame(spare_va), 0,
		  "mapping our pages back");
	expect_alive();
}
