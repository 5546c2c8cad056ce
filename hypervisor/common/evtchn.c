/* A domain's event-channel ports and the VIRQs bound to them. */
#include "domain.h"
#include "errno.h"
#include "event.h"
#include "sched.h"

spinlock_t event_lock;

/* Port 0 is never handed out: guests treat it as "no port". */
int evtchn_alloc_port(struct domain *d)
{
	for (unsigned port = 1; port < NR_EVTCHN_PORTS; port++)
		if (d->evtchn[port].state == EVTCHNSTAT_closed)
			return (int)port;
	return -ENOSPC;
}

/* Closing one end of an interdomain channel leaves the other unbound,
 * waiting for this domain again, as on Xen. The port's pending bit goes
 * too, as Xen's free_evtchn() clears it, so that the port's next binding
 * starts without the old one's event. Called with event_lock. */
void evtchn_free_port(struct domain *d, unsigned int port)
{
	struct evtchn *ch = &d->evtchn[port];

	if (ch->state == EVTCHNSTAT_virq) {
		unsigned int bound_on = virq_is_global(ch->virq) ? 0 : ch->notify_vcpu;
		d->vcpu[bound_on]->virq_to_port[ch->virq] = 0;
	}
	if (ch->state == EVTCHNSTAT_interdomain) {
		struct domain *peer = domain_by_id(ch->remote_dom);
		if (peer) {
			struct evtchn *pch = &peer->evtchn[ch->remote_port];
			pch->state = EVTCHNSTAT_unbound;
			pch->remote_dom = d->domain_id;
		}
	}
	*ch = (struct evtchn){ .state = EVTCHNSTAT_closed };
	evtchn_2l_clear_pending(d->shared_info, port);
}

static bool polls_port(const struct vcpu *v, unsigned int port)
{
	for (unsigned i = 0; i < v->poll_nr; i++)
		if (v->poll_ports[i] == port)
			return true;
	return false;
}

/* A new upcall wakes a blocked vCPU; a polled port wakes it even masked. */
void evtchn_set_pending(struct domain *d, unsigned int port)
{
	struct vcpu *v = d->vcpu[d->evtchn[port].notify_vcpu];

	if (evtchn_2l_set_pending(d->shared_info, v->vcpu_info, port) ||
	    (v->blocked && polls_port(v, port)))
		vcpu_wake(v);
}

void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq)
{
	unsigned port = v->virq_to_port[virq];

	if (port)
		evtchn_set_pending(v->domain, port);
}
