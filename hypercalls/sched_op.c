/*
 * sched_op (sched.h) and set_timer_op. Blocking, polling and yielding
 * only tell the scheduler, which acts as the hypercall returns
 * (include/sched.h).
 */
#include "arch.h"
#include "event.h"
#include "hypercalls.h"
#include "sched.h"
#include "time.h"
#include "x86.h"
#include <xen/sched.h>

/* Blocking enables events: the guest blocks with them masked, as Linux's
 * and Mini-OS's idle loops do, and expects to be woken by one. The vCPU
 * stops at this hypercall's exit and resumes, with 0, once woken. */
static long sched_block(struct vcpu *v)
{
	v->vcpu_info->evtchn_upcall_mask = 0;
	if (!vcpu_events_pending(v)) {
		v->blocked = true;
		sched_yield_current();
	}
	return 0;
}

static bool any_port_pending(const struct domain *d, const evtchn_port_t *ports, unsigned nr)
{
	for (unsigned i = 0; i < nr; i++)
		if (evtchn_2l_is_pending(d->shared_info, ports[i]))
			return true;
	return false;
}

/* Waits, events masked, for one of the ports or the absolute timeout:
 * evtchn_set_pending() wakes a vCPU polling the port it sets. */
static long sched_poll(struct vcpu *v, unsigned long arg)
{
	struct sched_poll sp;

	if (copy_from_guest(&sp, arg))
		return -EFAULT;
	/* Xen insists on masked upcalls: a poll is a wait, not a delivery. */
	if (sp.nr_ports > MAX_POLL_PORTS || !v->vcpu_info->evtchn_upcall_mask)
		return -EINVAL;
	if (copy_from_guest_va(v->poll_ports, (unsigned long)sp.ports.p,
			       sp.nr_ports * sizeof(v->poll_ports[0])))
		return -EFAULT;
	for (unsigned i = 0; i < sp.nr_ports; i++)
		if (v->poll_ports[i] >= NR_EVTCHN_PORTS)
			return -EINVAL;
	if (any_port_pending(v->domain, v->poll_ports, sp.nr_ports) ||
	    (sp.timeout && sp.timeout <= now_ns()))
		return 0;
	v->poll_nr = sp.nr_ports;
	v->poll_deadline = sp.timeout;
	v->blocked = true;
	sched_yield_current();
	cpu_timer_reprogram();
	return 0;
}

static long sched_shutdown(struct vcpu *v, unsigned long arg)
{
	struct sched_shutdown s;

	if (copy_from_guest(&s, arg))
		return -EFAULT;
	if (s.reason > SHUTDOWN_MAX)
		return -EINVAL;
	domain_shutdown(v->domain, s.reason);
	return 0;
}

long do_sched_op(unsigned long cmd, unsigned long arg)
{
	struct vcpu *v = current_vcpu();

	switch (cmd) {
	case SCHEDOP_yield:
		sched_yield_current();
		return 0;
	case SCHEDOP_block:
		return sched_block(v);
	case SCHEDOP_poll:
		return sched_poll(v, arg);
	case SCHEDOP_shutdown:
		return sched_shutdown(v, arg);
	}
	return -ENOSYS;
}

/* A deadline already past fires at once, as on Xen. */
long do_set_timer_op(unsigned long timeout)
{
	struct vcpu *v = current_vcpu();

	vcpu_time_publish(v);
	vcpu_set_timer(v, timeout);
	return 0;
}
