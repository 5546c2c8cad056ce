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

/*
 * A vCPU says it sleeps before it looks for what would wake it, as Xen's
 * do_block() and do_poll() do: an event sent from another CPU meanwhile
 * either finds it asleep and wakes it, or is there to be found. Looking
 * first and sleeping after would lose an event that fell between.
 */
static void sleep_unless(struct vcpu *v, bool (*woken)(const struct vcpu *v))
{
	v->blocked = true;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (woken(v)) {
		v->blocked = false;
		v->poll_nr = 0;
		v->poll_deadline = 0;
		return;
	}
	sched_yield_current();
}

/* Blocking enables events: the guest blocks with them masked, as Linux's
 * and Mini-OS's idle loops do, and expects to be woken by one. The vCPU
 * stops at this hypercall's exit and resumes, with 0, once woken. */
static long sched_block(struct vcpu *v)
{
	v->vcpu_info->evtchn_upcall_mask = 0;
	sleep_unless(v, vcpu_events_pending);
	return 0;
}

/* One of the ports polled is pending, or the deadline has passed. */
static bool poll_over(const struct vcpu *v)
{
	for (unsigned i = 0; i < v->poll_nr; i++)
		if (evtchn_2l_is_pending(v->domain->shared_info, v->poll_ports[i]))
			return true;
	return v->poll_deadline && v->poll_deadline <= now_ns();
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
	v->poll_nr = sp.nr_ports;
	v->poll_deadline = sp.timeout;
	sleep_unless(v, poll_over);
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
