/*
 * The interdomain rows: dom0 against a domU of its own (tests/bench/peer/),
 * built from the second boot module with the test framework's builder:
 * built and destroyed ten times for the creation row, then once more for
 * the others. The bench boots with one vCPU, so dom0, the domU and the
 * hypervisor all run on it: a region counts all three.
 */
#include "../common/tsc.h"
#include "evtchn.h"
#include "events.h"
#include "frames.h"
#include "grant.h"
#include "peer.h"
#include "pv.h"

/* 16 MiB, the domU size issue 5 measures. */
#define DOMU_PAGES 4096
#define READY_NS (20 * 1000000000UL)
/* Each takes millions of instructions: ten regions, not a thousand. */
#define CREATIONS 10

static struct peer peer, created;
static bool started;
static const char *start_failure;
/* Why the last domain creation failed, for its prepare(); NULL if it did not. */
static const char *create_failure;
/* Where the domU's page is mapped; the copy's destination. */
static uint8_t map_va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t copy_dst[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* Builds and starts the domU once: NULL when it has offered its page. */
static const char *domu_ready(void)
{
	long rc;

	if (started)
		return start_failure;
	started = true;
	if ((rc = peer_create(&peer, DOMU_PAGES)))
		return start_failure = why("building the domU: %s: %ld", peer.domu.failed_step, rc);
	if ((rc = peer_load(&peer, "bench")) || (rc = peer_unpause(&peer)))
		return start_failure = why("starting the domU: %ld", rc);
	if ((rc = peer_wait_ring(&peer, READY_NS)))
		return start_failure = why("the domU did not ring: %ld", rc);
	return NULL;
}

/* Sleeps in SCHEDOP_poll until the domU answers on the doorbell. */
static void wait_answer(void)
{
	while (!event_is_pending(peer.doorbell))
		event_poll(&peer.doorbell, 1, 0);
	event_clear(peer.doorbell);
}

static void evtchn_roundtrip(void)
{
	evtchn_send(peer.doorbell);
	wait_answer();
}

static const char *prepare_evtchn_roundtrip(void)
{
	long rc;

	if (domu_ready())
		return start_failure;
	if ((rc = evtchn_send(peer.doorbell)))
		return why("EVTCHNOP_send returned %ld", rc);
	if ((rc = peer_wait_ring(&peer, READY_NS)))
		return why("the domU did not answer: %ld", rc);
	return NULL;
}

/*
 * createdomain to the domU's first instruction, which ends the region. The
 * ticks run until dom0 sees the domU's first ring instead: Xen emulates a
 * domU's rdtsc (its TSC is not dom0's) when the host TSC is not reliable,
 * as under TCG. Destroyed and gone before the next, so that each creation
 * finds the same free memory.
 */
static uint64_t domain_create(void)
{
	uint64_t t0 = rdtsc(), t1;
	long rc;

	create_failure = NULL;
	created.domu.domid = 0;
	if ((rc = peer_create(&created, DOMU_PAGES)))
		create_failure = why("%s: %ld", created.domu.failed_step, rc);
	else if ((rc = peer_load(&created, "bench")) || (rc = peer_unpause(&created)) ||
		 (rc = peer_wait_ring(&created, READY_NS)))
		create_failure = why("starting the domU: %ld", rc);
	t1 = rdtsc();
	if (created.domu.domid && ((rc = peer_destroy(&created)) || (rc = peers_gone(&created, 1))))
		create_failure = why("destroying the domU: %ld", rc);
	return t1 - t0;
}

static const char *prepare_domain_create(void)
{
	domain_create();
	return create_failure;
}

static void grant_map_unmap(void)
{
	grant_handle_t handle;

	grant_map(peer.domu.domid, GRANT_REF_RW, 0, map_va, &handle);
	grant_unmap(map_va, handle);
}

static const char *prepare_grant_map_unmap(void)
{
	grant_handle_t handle;
	int16_t st;
	long rc;

	if (domu_ready())
		return start_failure;
	if ((rc = grant_free_va(map_va)))
		return why("unmapping a page of ours: %ld", rc);
	if ((st = grant_map(peer.domu.domid, GRANT_REF_RW, 0, map_va, &handle)))
		return why("GNTTABOP_map_grant_ref: status %d", st);
	if (grant_page_check(map_va, GRANT_REF_RW, 0) >= 0)
		return why("the mapped page is not the domU's");
	if ((st = grant_unmap(map_va, handle)))
		return why("GNTTABOP_unmap_grant_ref: status %d", st);
	return NULL;
}

static int16_t copy_page(void)
{
	return grant_copy((struct gnttab_copy){
		.source = { .u.ref = GRANT_REF_RW, .domid = peer.domu.domid },
		.dest = { .u.gmfn = virt_to_mfn(copy_dst), .domid = DOMID_SELF },
		.len = PAGE_SIZE,
		.flags = GNTCOPY_source_gref });
}

static void grant_copy_page(void)
{
	copy_page();
}

static const char *prepare_grant_copy(void)
{
	int16_t st;

	if (domu_ready())
		return start_failure;
	if ((st = copy_page()))
		return why("GNTTABOP_copy: status %d", st);
	if (grant_page_check(copy_dst, GRANT_REF_RW, 0) >= 0)
		return why("the copy is not the domU's page");
	return NULL;
}

const struct bench_op pv_domu_ops[] = {
	{ "domain_create", 0, prepare_domain_create, 0, domain_create, CREATIONS, 0 },
	{ "evtchn_roundtrip", evtchn_roundtrip, prepare_evtchn_roundtrip, 0, 0, 0, 0 },
	{ "grant_map_unmap", grant_map_unmap, prepare_grant_map_unmap, 0, 0, 0, 0 },
	{ "grant_copy", grant_copy_page, prepare_grant_copy, 0, 0, 0, 0 },
	{ 0 },
};
