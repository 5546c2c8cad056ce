/*
 * Event channels misused, first by dom0 on its own ports, then by a domU
 * (domu/evtchn_child.c, the second boot module) on dom0's: dom0 hands it a
 * port allocated for dom0 itself (p0) and one allocated for the domU (p1),
 * and checks afterwards that the domU's attempts left p0 alone, bound p1,
 * and that destroying the domU unbinds p1. Xen 4.17's answers throughout.
 */
#include "alive.h"
#include "events.h"
#include "evtchn.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "evtchn_bad";

#define DOMU_PAGES 2048
#define NO_SUCH_DOMAIN 1000
#define EVTCHN_2L_PORTS 4096

static struct peer peer;

/* Status of one of our ports: its state and the domain at the other end. */
static void expect_status(evtchn_port_t port, uint32_t state, domid_t dom, const char *what)
{
	struct evtchn_status st;

	expect_eq(evtchn_status(DOMID_SELF, port, &st), 0, what);
	expect_eq(st.status, state, what);
	expect_eq(state == EVTCHNSTAT_unbound ? st.u.unbound.dom : st.u.interdomain.dom, dom,
		  what);
}

static void own_ports(void)
{
	evtchn_port_t a, b, unused;

	expect_eq(evtchn_alloc_unbound(DOMID_SELF, DOMID_SELF, &a), 0, "alloc_unbound");
	/* DOMID_SELF is recorded as our own id. */
	expect_status(a, EVTCHNSTAT_unbound, 0, "status of a loopback port");
	expect_eq(evtchn_bind_interdomain(DOMID_SELF, a, &b), 0,
		  "bind_interdomain to our own port");
	expect(event_is_pending(b), "a new interdomain port is not pending");
	event_clear(b);
	expect_eq(evtchn_send(b), 0, "send on a loopback port");
	expect(event_is_pending(a), "loopback send did not reach the other end");
	event_clear(a);
	expect_eq(evtchn_bind_interdomain(DOMID_SELF, a, &unused), -XEN_EINVAL,
		  "bind_interdomain to a bound port");
	expect_eq(evtchn_close(b), 0, "close");
	/* Closing one end leaves the other waiting for us again. */
	expect_status(a, EVTCHNSTAT_unbound, 0, "status after the peer end closed");
	expect_eq(evtchn_close(a), 0, "close");
	expect_eq(evtchn_close(a), -XEN_EINVAL, "close of a closed port");
	expect_eq(evtchn_send(a), -XEN_EINVAL, "send on a closed port");
	expect_eq(evtchn_send(0), -XEN_EINVAL, "send on port 0");
	expect_eq(evtchn_send(EVTCHN_2L_PORTS), -XEN_EINVAL, "send on port 4096");
	expect_eq(evtchn_send(~0U), -XEN_EINVAL, "send on port 2^32-1");
	expect_eq(evtchn_bind_interdomain(NO_SUCH_DOMAIN, 1, &unused), -XEN_ESRCH,
		  "bind_interdomain to a domain that does not exist");
}

/* The domU's part runs on the ports dom0 gave it; dom0 looks at them after. */
static void with_domu(void)
{
	evtchn_port_t p0, p1, p2, unused;
	struct evtchn_status st;

	if (peer_create(&peer, DOMU_PAGES))
		return;
	expect_eq(evtchn_alloc_unbound(DOMID_SELF, 0, &p0), 0, "alloc_unbound for dom0");
	expect_eq(evtchn_alloc_unbound(DOMID_SELF, peer.domu.domid, &p1), 0,
		  "alloc_unbound for the domU");
	if (peer_load(&peer, "p0=%u p1=%u", p0, p1) || peer_unpause(&peer))
		return;
	expect_eq(evtchn_bind_interdomain(peer.domu.domid, peer.domu.store_port, &unused),
		  -XEN_EINVAL, "bind_interdomain to the domU's port dom0 already bound");
	peers_join(&peer, 1);
	expect_status(p0, EVTCHNSTAT_unbound, 0, "p0 after the domU tried it");
	expect_status(p1, EVTCHNSTAT_interdomain, peer.domu.domid, "p1 after the domU bound it");
	expect(event_is_pending(p1), "the domU's send on p1 did not arrive");
	expect_eq(evtchn_send(p1), 0, "send to a domU that has shut down");
	expect_eq(evtchn_alloc_unbound(peer.domu.domid, DOMID_SELF, &p2), 0,
		  "alloc_unbound in the domU for DOMID_SELF");
	expect_eq(evtchn_status(peer.domu.domid, p2, &st), 0, "status of that port");
	expect_eq(st.u.unbound.dom, 0, "DOMID_SELF as the remote end: the caller, dom0");
	peers_destroy(&peer, 1);
	/* The domU's end went with it: ours waits for that domain again. */
	expect_status(p1, EVTCHNSTAT_unbound, peer.domu.domid, "p1 after the domU was destroyed");
	expect_eq(evtchn_send(p1), 0, "send on a port whose peer was destroyed");
	expect_eq(evtchn_close(p0), 0, "close p0");
	expect_eq(evtchn_close(p1), 0, "close p1");
}

void test_main(void)
{
	own_ports();
	with_domu();
	expect_alive();
}
