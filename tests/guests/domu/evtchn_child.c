/*
 * The domU half of evtchn_bad: an unprivileged domain that reaches for
 * ports that are not its own. dom0 passes two of its unbound ports on the
 * command line: p0, allocated for dom0 itself, and p1, allocated for us.
 * Every answer expected is Xen 4.17's.
 */
#include "evtchn.h"
#include "peer.h"
#include "test.h"

const char test_name[] = "evtchn_child";

#define NO_SUCH_DOMAIN 1000
/* Valid in the 2-level ABI, but far beyond the ports this domain has. */
#define FREE_PORT 1000
#define EVTCHN_2L_PORTS 4096

/* p0 waits for dom0 alone; p1 is ours to bind, once. */
static void bind_dom0_ports(evtchn_port_t p0, evtchn_port_t p1)
{
	struct evtchn_status st;
	evtchn_port_t local, unused;

	expect_eq(evtchn_bind_interdomain(0, p0, &unused), -XEN_EINVAL,
		  "bind_interdomain to a port allocated for dom0");
	expect_eq(evtchn_bind_interdomain(0, p1, &local), 0,
		  "bind_interdomain to the port allocated for us");
	expect_eq(evtchn_bind_interdomain(0, p1, &unused), -XEN_EINVAL,
		  "bind_interdomain to a port already bound");
	expect_eq(evtchn_bind_interdomain(NO_SUCH_DOMAIN, 1, &unused), -XEN_ESRCH,
		  "bind_interdomain to a domain that does not exist");
	expect_eq(evtchn_status(DOMID_SELF, local, &st), 0, "status of our bound port");
	expect_eq(st.status, EVTCHNSTAT_interdomain, "status of our bound port");
	expect_eq(st.u.interdomain.dom, 0, "peer domain of our bound port");
	expect_eq(st.u.interdomain.port, p1, "peer port of our bound port");
	/* dom0 checks that this one arrived. */
	expect_eq(evtchn_send(local), 0, "send on our bound port");
}

/* A domain may bind a port of its own that waits for itself: loopback. */
static void loopback(void)
{
	evtchn_port_t a, b, unused;

	expect_eq(evtchn_alloc_unbound(DOMID_SELF, DOMID_SELF, &a), 0,
		  "alloc_unbound for ourselves");
	expect_eq(evtchn_bind_interdomain(DOMID_SELF, a, &b), 0,
		  "bind_interdomain to our own port");
	expect_eq(evtchn_bind_interdomain(DOMID_SELF, a, &unused), -XEN_EINVAL,
		  "bind_interdomain to our own port once more");
	expect_eq(evtchn_close(b), 0, "close of the loopback end");
	expect_eq(evtchn_close(a), 0, "close of the other end");
	expect_eq(evtchn_close(a), -XEN_EINVAL, "close of a closed port");
	expect_eq(evtchn_send(a), -XEN_EINVAL, "send on a closed port");
}

/* Another domain's ports and the allocation of ports in it are dom0's. */
static void others(evtchn_port_t p0)
{
	struct evtchn_status st;
	evtchn_port_t unused;

	expect_eq(evtchn_alloc_unbound(0, DOMID_SELF, &unused), -XEN_EPERM,
		  "alloc_unbound in dom0");
	expect_eq(evtchn_alloc_unbound(NO_SUCH_DOMAIN, DOMID_SELF, &unused), -XEN_ESRCH,
		  "alloc_unbound in a domain that does not exist");
	expect_eq(evtchn_status(0, p0, &st), -XEN_EPERM, "status of dom0's port");
	expect_eq(evtchn_send(FREE_PORT), -XEN_EINVAL, "send on a port we do not have");
	expect_eq(evtchn_send(EVTCHN_2L_PORTS), -XEN_EINVAL, "send on port 4096");
}

void test_main(void)
{
	long p0 = arg_value("p0"), p1 = arg_value("p1");

	if (p0 < 0 || p1 < 0) {
		fail("no p0= and p1= on the command line");
		return;
	}
	bind_dom0_ports(p0, p1);
	loopback();
	others(p0);
}
