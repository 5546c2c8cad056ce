/*
 * sched_op (sched.h) and set_timer_op. Each vCPU has a physical CPU to
 * itself so far, so yielding has no one to yield to, and blocking waits
 * on this CPU, interrupts on, until an event is pending for the vCPU.
 */
#include "arch.h"
#include "event.h"
#include "hypercalls.h"
#include "time.h"
#include "x86.h"
#include <xen/sched.h>

#define MAX_POLL_PORTS 128

/* Interrupts (the timer) are taken here in ring 0 and may post events. */
static void wait_until(bool (*done)(void *), void *arg, uint64_t deadline)
{
	while (!done(arg) && (!deadline || now_ns() < deadline)) {
		local_irq_enable();
		halt();
		local_irq_disable();
	}
}

static bool vcpu_has_upcall(void *arg)
{
	return vcpu_events_pending(arg);
}

/* Blocking enables events: the guest blocks with them masked, as Linux's
 * and Mini-OS's idle loops do, and expects to be woken by one. */
static long sched_block(struct vcpu *v)
{
	v->vcpu_info->evtchn_upcall_mask = 0;
	wait_until(vcpu_has_upcall, v, 0);
	return 0;
}

struct poll_set {
	struct domain *d;
	evtchn_port_t ports[MAX_POLL_PORTS];
	unsigned nr;
};

static bool any_port_pending(void *arg)
{
	struct poll_set *ps = arg;

	for (unsigned i = 0; i < ps->nr; i++)
		if (evtchn_2l_is_pending(ps->d->shared_info, ps->ports[i]))
			return true;
	return false;
}

static long sched_poll(struct vcpu *v, unsigned long arg)
{
	struct sched_poll sp;
	struct poll_set ps = { .d = v->domain };

	if (copy_from_guest(&sp, arg))
		return -EFAULT;
	/* Xen insists on masked upcalls: a poll is a wait, not a delivery. */
	if (sp.nr_ports > MAX_POLL_PORTS || !v->vcpu_info->evtchn_upcall_mask)
		return -EINVAL;
	ps.nr = sp.nr_ports;
	if (copy_from_guest_va(ps.ports, (unsigned long)sp.ports.p, ps.nr * sizeof(ps.ports[0])))
		return -EFAULT;
	for (unsigned i = 0; i < ps.nr; i++)
		if (ps.ports[i] >= NR_EVTCHN_PORTS)
			return -EINVAL;
	wait_until(any_port_pending, &ps, sp.timeout);
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
