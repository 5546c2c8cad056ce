/* The event_channel_op sub-ops a test makes, one hypercall each, with its answer. */
#ifndef GUEST_EVTCHN_H
#define GUEST_EVTCHN_H

#include "xen.h"

long evtchn_alloc_unbound(domid_t dom, domid_t remote, evtchn_port_t *port);
long evtchn_bind_interdomain(domid_t remote, evtchn_port_t remote_port, evtchn_port_t *local);
long evtchn_send(evtchn_port_t port);
long evtchn_close(evtchn_port_t port);
long evtchn_status(domid_t dom, evtchn_port_t port, struct evtchn_status *st);

#endif
