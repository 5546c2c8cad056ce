/*
 * event_channel_op (event_channel.h), 2-level ABI. So far: VIRQs, send,
 * status, unmask and close. Interdomain and IPI channels come with more
 * domains; their sub-ops, and the FIFO ABI's, return -ENOSYS so that
 * guests fall back as they do on a Xen without them.
 */
#include "arch.h"
#include "event.h"
#include "hypercalls.h"
#include "sched.h"

static bool virq_is_global(unsigned virq)
{
	return virq != VIRQ_TIMER && virq != VIRQ_DEBUG;
}

static bool port_valid(const struct domain *d, evtchn_port_t port)
{
	return port < NR_EVTCHN_PORTS && d->evtchn[port].state != EVTCHNSTAT_closed;
}

static long bind_virq(struct domain *d, struct evtchn_bind_virq *b)
{
	if (b->virq >= NR_VIRQS || (virq_is_global(b->virq) && b->vcpu))
		return -EINVAL;
	if (b->vcpu >= d->max_vcpus || !d->vcpu[b->vcpu])
		return -ENOENT;
	struct vcpu *v = d->vcpu[b->vcpu];
	if (v->virq_to_port[b->virq])
		return -EEXIST;
	int port = evtchn_alloc_port(d);
	if (port < 0)
		return port;
	d->evtchn[port] = (struct evtchn){ .state = EVTCHNSTAT_virq, .virq = b->virq,
					   .notify_vcpu = b->vcpu };
	v->virq_to_port[b->virq] = port;
	b->port = port;
	return 0;
}

static long status(struct domain *d, struct evtchn_status *st)
{
	if (st->dom != DOMID_SELF && st->dom != d->domain_id)
		return d->is_privileged ? -ESRCH : -EPERM;
	if (st->port >= NR_EVTCHN_PORTS)
		return -EINVAL;
	const struct evtchn *ch = &d->evtchn[st->port];
	st->status = ch->state;
	st->vcpu = ch->notify_vcpu;
	if (ch->state == EVTCHNSTAT_virq)
		st->u.virq = ch->virq;
	return 0;
}

/* Only VIRQ ports exist so far; Xen refuses a guest's send on one of
 * those just as on a closed port. */
static long send(struct domain *d, evtchn_port_t port)
{
	(void)d;
	(void)port;
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
		spin_lock(&d->lock);                              \
		rc = fn;                                          \
		spin_unlock(&d->lock);                            \
		if (!rc && copy_to_guest(arg, &a))                \
			return -EFAULT;                           \
		return rc;                                        \
	} while (0)

long do_event_channel_op(unsigned long cmd, unsigned long arg)
{
	struct domain *d = current_vcpu()->domain;
	long rc;

	switch (cmd) {
	case EVTCHNOP_bind_virq: WITH_ARG(struct evtchn_bind_virq, bind_virq(d, &a));
	case EVTCHNOP_status:    WITH_ARG(struct evtchn_status, status(d, &a));
	case EVTCHNOP_send:      WITH_ARG(struct evtchn_send, send(d, a.port));
	case EVTCHNOP_unmask:    WITH_ARG(struct evtchn_unmask, unmask(d, a.port));
	case EVTCHNOP_close:     WITH_ARG(struct evtchn_close, close(d, a.port));
	}
	return -ENOSYS;
}
