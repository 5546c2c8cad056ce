/*
 * A hostile domU for dom0's daemons, booted by xl create in the xl
 * guest-kernel test: it corrupts the indices of its xenstore ring (req_prod
 * more than a ring ahead of req_cons) and then of its console ring.
 * xenstored must stop serving it with XENSTORE_ERROR_RINGIDX on the page,
 * as Xen's ignore_connection() does, which this guest waits for;
 * xenconsoled must say so once; both must go on serving every other
 * domain. It shuts down with poweroff if xenstored answered so, else with
 * crash, for xl list to show (its console is gone by then).
 */
#include "evtchn.h"
#include "frames.h"
#include "pagetable.h"
#include "hypercall.h"
#include "test.h"
#include "time.h"
#include <xen/io/xs_wire.h>

const char test_name[] = "ring_corrupt";

#define WAIT_NS (10ull * 1000 * 1000 * 1000)

/* The builder maps both rings in the initial mapping: VA = PFN. */
static void *own_page(xen_pfn_t mfn)
{
	return (void *)(mfn_to_pfn(mfn) << PAGE_SHIFT);
}

static bool xenstore_refuses(void)
{
	struct xenstore_domain_interface *s = own_page(xen_start_info->store_mfn);
	uint64_t deadline = now_ns() + WAIT_NS;

	__atomic_store_n(&s->req_prod, s->req_cons + XENSTORE_RING_SIZE + 1, __ATOMIC_RELEASE);
	evtchn_send(xen_start_info->store_evtchn);
	while (__atomic_load_n(&s->error, __ATOMIC_ACQUIRE) != XENSTORE_ERROR_RINGIDX &&
	       now_ns() < deadline)
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
	return s->error == XENSTORE_ERROR_RINGIDX;
}

static void corrupt_console(void)
{
	struct xencons_interface *c = own_page(xen_start_info->console.domU.mfn);

	__atomic_store_n(&c->out_prod, c->out_cons + sizeof(c->out) + 1, __ATOMIC_RELEASE);
	evtchn_send(xen_start_info->console.domU.evtchn);
}

void test_main(void)
{
	bool refused = xenstore_refuses();

	expect(refused, "xenstored did not mark the ring XENSTORE_ERROR_RINGIDX");
	corrupt_console();
	test_set_shutdown_reason(refused ? SHUTDOWN_poweroff : SHUTDOWN_crash);
}
