#include "evtchn.h"
#include "hypercall.h"

long evtchn_alloc_unbound(domid_t dom, domid_t remote, evtchn_port_t *port)
{
	struct evtchn_alloc_unbound op = { .dom = dom, .remote_dom = remote };
	long rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &op);

	*port = op.port;
	return rc;
}

long evtchn_bind_interdomain(domid_t remote, evtchn_port_t remote_port, evtchn_port_t *local)
{
	struct evtchn_bind_interdomain op = { .remote_dom = remote, .remote_port = remote_port };
	long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain, &op);

	*local = op.local_port;
	return rc;
}

long evtchn_send(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };

	return HYPERVISOR_event_channel_op(EVTCHNOP_send, &op);
}

long evtchn_close(evtchn_port_t port)
{
	struct evtchn_close op = { .port = port };

	return HYPERVISOR_event_channel_op(EVTCHNOP_close, &op);
}

long evtchn_status(domid_t dom, evtchn_port_t port, struct evtchn_status *st)
{
	*st = (struct evtchn_status){ .dom = dom, .port = port };
	return HYPERVISOR_event_channel_op(EVTCHNOP_status, st);
}
