/*
 * event_channel_op (event_channel.h), 2-level ABI: interdomain channels
 * (alloc_unbound, bind_interdomain), VIRQs, IPIs, send, status, unmask,
 * bind_vcpu and close. The FIFO ABI's sub-ops return -ENOSYS, so guests
 * fall back to 2-level as on a Xen without it; so do PIRQs and reset.
 */
#include "arch.h"
#include "event.h"
#include "hypercalls.h"
#include "sched.h"

static bool port_valid(const struct domain *d, evtchn_port_t port)
{
	return port < NR_EVTCHN_PORTS && d->evtchn[port].state != EVTCHNSTAT_closed;
}

/* DOMID_SELF or the caller; another domain only for a privileged caller.
 * Xen looks the domain up first: a missing one is -ESRCH to anyone. */
static long lookup(struct domain *self, domid_t id, struct domain **d)
{
	*d = id == DOMID_SELF ? self : domain_by_id(id);
	if (!*d)
		return -ESRCH;
	return *d == self || self->is_privileged ? 0 : -EPERM;
}

static long new_port(struct domain *d, struct evtchn ch)
{
	int port = evtchn_alloc_port(d);

	if (port >= 0)
		d->evtchn[port] = ch;
	return port;
}

/* As on Xen, DOMID_SELF names the caller, not the port's domain, and the
 * remote domain need not exist (yet): binding is what checks it. */
static long alloc_unbound(struct domain *self, struct evtchn_alloc_unbound *a)
{
	domid_t remote = a->remote_dom == DOMID_SELF ? self->domain_id : a->remote_dom;
	struct domain *d;
	long rc = lookup(self, a->dom, &d);

	if (rc)
		return rc;
	rc = new_port(d, (struct evtchn){ .state = EVTCHNSTAT_unbound, .remote_dom = remote });
	if (rc >= 0)
		a->port = rc;
	return rc < 0 ? rc : 0;
}

/* The remote end must be unbound and waiting for this domain. Both ends
 * become interdomain, and the new local end is made pending, as on Xen,
 * so that nothing sent before the bind is lost. */
static long bind_interdomain(struct domain *d, struct evtchn_bind_interdomain *b)
{
	struct domain *rd = b->remote_dom == DOMID_SELF ? d : domain_by_id(b->remote_dom);

	if (!rd)
		return -ESRCH;
	if (!port_valid(rd, b->remote_port))
		return -EINVAL;
	struct evtchn *rch = &rd->evtchn[b->remote_port];
	if (rch->state != EVTCHNSTAT_unbound || rch->remote_dom != d->domain_id)
		return -EINVAL;
	long port = new_port(d, (struct evtchn){ .state = EVTCHNSTAT_interdomain,
						 .remote_dom = rd->domain_id,
						 .remote_port = b->remote_port });
	if (port < 0)
		return port;
	rch->state = EVTCHNSTAT_interdomain;
	rch->remote_port = port;
	b->local_port = port;
	evtchn_set_pending(d, port);
	return 0;
}

static long bind_virq(struct domain *d, struct evtchn_bind_virq *b)
{
	if (b->virq >= NR_VIRQS || (virq_is_global(b->virq) && b->vcpu))
		return -EINVAL;
	struct vcpu *v = domain_vcpu(d, b->vcpu);
	if (!v)
		return -ENOENT;
	if (v->virq_to_port[b->virq])
		return -EEXIST;
	long port = new_port(d, (struct evtchn){ .state = EVTCHNSTAT_virq, .virq = b->virq,
						 .notify_vcpu = b->vcpu });
	if (port < 0)
		return port;
	v->virq_to_port[b->virq] = port;
	b->port = port;
	return 0;
}

static long bind_ipi(struct domain *d, struct evtchn_bind_ipi *b)
{
	if (!domain_vcpu(d, b->vcpu))
		return -ENOENT;
	long port = new_port(d, (struct evtchn){ .state = EVTCHNSTAT_ipi, .notify_vcpu = b->vcpu });
	if (port >= 0)
		b->port = port;
	return port < 0 ? port : 0;
}

static long status(struct domain *self, struct evtchn_status *st)
{
	struct domain *d;
	long rc = lookup(self, st->dom, &d);

	if (rc)
		return rc;
	if (st->port >= NR_EVTCHN_PORTS)
		return -EINVAL;
	const struct evtchn *ch = &d->evtchn[st->port];
	st->status = ch->state;
	st->vcpu = ch->notify_vcpu;
	if (ch->state == EVTCHNSTAT_virq)
		st->u.virq = ch->virq;
	if (ch->state == EVTCHNSTAT_unbound)
		st->u.unbound.dom = ch->remote_dom;
	if (ch->state == EVTCHNSTAT_interdomain) {
		st->u.interdomain.dom = ch->remote_dom;
		st->u.interdomain.port = ch->remote_port;
	}
	return 0;
}

/* Interdomain sends reach the peer, IPIs this domain; an unbound port
 * swallows the event; a VIRQ port is the hypervisor's to signal. */
static long send(struct domain *d, evtchn_port_t port)
{
	if (!port_valid(d, port))
		return -EINVAL;
	const struct evtchn *ch = &d->evtchn[port];
	switch (ch->state) {
	case EVTCHNSTAT_interdomain: {
		struct domain *rd = domain_by_id(ch->remote_dom);
		if (rd)
			evtchn_set_pending(rd, ch->remote_port);
		return 0;
	}
	case EVTCHNSTAT_ipi:
		evtchn_set_pending(d, port);
		return 0;
	case EVTCHNSTAT_unbound:
		return 0;
	}
	return -EINVAL;
}

static long unmask(struct domain *d, evtchn_port_t port)
{
	if (port >= NR_EVTCHN_PORTS)
		return -EINVAL;
	struct vcpu *v = d->vcpu[d->evtchn[port].notify_vcpu];
	if (evtchn_2l_unmask(d->shared_info, v->vcpu_info, port))
		vcpu_wake(v);
	return 0;
}

/* A per-vCPU VIRQ stays with its vCPU; any other channel may move. */
static long bind_vcpu(struct domain *d, struct evtchn_bind_vcpu *b)
{
	if (!port_valid(d, b->port))
		return -EINVAL;
	if (!domain_vcpu(d, b->vcpu))
		return -ENOENT;
	struct evtchn *ch = &d->evtchn[b->port];
	if (ch->state == EVTCHNSTAT_virq && !virq_is_global(ch->virq))
		return -EINVAL;
	ch->notify_vcpu = b->vcpu;
	return 0;
}

static long close(struct domain *d, evtchn_port_t port)
{
	if (!port_valid(d, port))
		return -EINVAL;
	evtchn_free_port(d, port);
	return 0;
}

/* Each sub-op's argument is copied in whole, handled, and copied back. */
#define WITH_ARG(type, fn)                                        \
	do {                                                      \
		type a;                                           \
		if (copy_from_guest(&a, arg))                     \
			return -EFAULT;                           \
		spin_lock(&event_lock);                           \
		rc = fn;                                          \
		spin_unlock(&event_lock);                         \
		if (!rc && copy_to_guest(arg, &a))                \
			return -EFAULT;                           \
		return rc;                                        \
	} while (0)

long do_event_channel_op(unsigned long cmd, unsigned long arg)
{
	struct domain *d = current_vcpu()->domain;
	long rc;

	switch (cmd) {
	case EVTCHNOP_alloc_unbound:    WITH_ARG(struct evtchn_alloc_unbound, alloc_unbound(d, &a));
	case EVTCHNOP_bind_interdomain: WITH_ARG(struct evtchn_bind_interdomain, bind_interdomain(d, &a));
	case EVTCHNOP_bind_virq:        WITH_ARG(struct evtchn_bind_virq, bind_virq(d, &a));
	case EVTCHNOP_bind_ipi:         WITH_ARG(struct evtchn_bind_ipi, bind_ipi(d, &a));
	case EVTCHNOP_bind_vcpu:        WITH_ARG(struct evtchn_bind_vcpu, bind_vcpu(d, &a));
	case EVTCHNOP_status:           WITH_ARG(struct evtchn_status, status(d, &a));
	case EVTCHNOP_send:             WITH_ARG(struct evtchn_send, send(d, a.port));
	case EVTCHNOP_unmask:           WITH_ARG(struct evtchn_unmask, unmask(d, a.port));
	case EVTCHNOP_close:            WITH_ARG(struct evtchn_close, close(d, a.port));
	}
	return -ENOSYS;
}
