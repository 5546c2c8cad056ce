/*
 * The interdomain rows: dom0 against a domU of its own (tests/bench/peer/),
 * built with the test framework's builder from the peer image in the
 * second boot module: built and destroyed ten times for the creation row,
 * then once more for the others. The bench boots with one vCPU, so dom0,
 * the domU and the hypervisor all run on it: a region counts all three.
 */
#include "../common/markers.h"
#include "../common/tsc.h"
#include "cpio.h"
#include "evtchn.h"
#include "events.h"
#include "frames.h"
#include "grant.h"
#include "peer.h"
#include "pv.h"
#include "test.h"

#define READY_NS (20 * 1000000000UL)

static struct peer peer, created;
static bool started;
static const char *start_failure;
/* Why the last domain creation failed, for its prepare(); NULL if it did not. */
static const char *create_failure;
/* Where the domU's page is mapped; the copy's destination. */
static uint8_t map_va[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t copy_dst[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

const void *bundle_file(const char *name, size_t *len)
{
	return cpio_find((const char *)xen_start_info->mod_start, xen_start_info->mod_len, name,
			 len);
}

const char *domu_start(struct peer *p, unsigned long nr_pages, const char *cmdline,
		       bool (*until)(struct peer *, unsigned int))
{
	long rc;

	if (!p->image && !(p->image = bundle_file("peer", &p->image_len)))
		return why("no peer image in the boot module");
	p->domu.domid = 0;
	if ((rc = peer_create(p, nr_pages)))
		return why("building the domU: %s: %ld", p->domu.failed_step, rc);
	if ((rc = peer_load(p, "%s", cmdline)) || (rc = peer_unpause(p)))
		return why("starting the domU: %ld", rc);
	rc = until ? peers_run(p, 1, until, READY_NS) : peer_wait_ring(p, READY_NS);
	if (!rc && p->shut_down)
		rc = -XEN_ESRCH;
	return rc ? why("waiting for the domU: %ld", rc) : NULL;
}

uint64_t domu_create_once(struct peer *p, const char *cmdline,
			  bool (*until)(struct peer *, unsigned int), const char **failure)
{
	uint64_t t0 = rdtsc(), t1;
	long rc;

	*failure = domu_start(p, DOMU_PAGES, cmdline, until);
	region_end();
	t1 = rdtsc();
	if (p->domu.domid && ((rc = peer_destroy(p)) || (rc = peers_gone(p, 1))))
		*failure = why("destroying the domU: %ld", rc);
	return t1 - t0;
}

/* Builds and starts the domU once: NULL when it has offered its page. */
static const char *domu_ready(void)
{
	if (!started) {
		started = true;
		start_failure = domu_start(&peer, DOMU_PAGES, "bench", NULL);
	}
	return start_failure;
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
 * as under TCG.
 */
uint64_t domain_create(void)
{
	return domu_create_once(&created, "bench", NULL, &create_failure);
}

const char *prepare_domain_create(void)
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
