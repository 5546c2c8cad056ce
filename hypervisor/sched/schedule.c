/*
 * Round-robin over each physical CPU's vCPUs (include/sched.h has the
 * model). Lock order: a CPU's sched_lock is taken with interrupts off and
 * nothing else held; vcpu_wake() may take another CPU's.
 */
#include "arch.h"
#include "event.h"
#include "sched.h"
#include "time.h"
#include "traps.h"
#include "vcpu_switch.h"
#include "x86.h"

bool vcpu_runnable(const struct vcpu *v)
{
	const struct domain *d = v->domain;
	return v->online && !v->blocked && !d->pause_count && !d->is_shut_down;
}

void sched_add_vcpu(struct vcpu *v)
{
	struct percpu *p = percpu_of(v->processor);

	spin_lock(&p->sched_lock);
	BUG_ON(p->nr_vcpus == PERCPU_MAX_VCPUS);
	p->vcpus[p->nr_vcpus++] = v;
	spin_unlock(&p->sched_lock);
}

void sched_remove_vcpu(struct vcpu *v)
{
	struct percpu *p = percpu_of(v->processor);

	spin_lock(&p->sched_lock);
	for (unsigned i = 0; i < p->nr_vcpus; i++)
		if (p->vcpus[i] == v)
			p->vcpus[i] = p->vcpus[--p->nr_vcpus];
	if (p->fpu_owner == v)
		p->fpu_owner = NULL;
	spin_unlock(&p->sched_lock);
}

/* Another CPU learns of the change through an IPI; this one at its exit. */
void vcpu_wake(struct vcpu *v)
{
	struct percpu *p = percpu_of(v->processor);

	spin_lock(&p->sched_lock);
	v->blocked = false;
	v->poll_nr = 0;
	v->poll_deadline = 0;
	p->need_resched = true;
	spin_unlock(&p->sched_lock);
	if (p != this_cpu())
		apic_send_ipi(p->apic_id, EVENT_CHECK_VECTOR);
}

void sched_yield_current(void)
{
	this_cpu()->need_resched = true;
}

/* The runnable vCPU after prev in this CPU's ring, else prev if it may go
 * on, else NULL. Called with sched_lock held. */
static struct vcpu *pick_next(struct percpu *p, struct vcpu *prev)
{
	unsigned start = 0;

	for (unsigned i = 0; i < p->nr_vcpus; i++)
		if (p->vcpus[i] == prev)
			start = i + 1;
	for (unsigned k = 0; k < p->nr_vcpus; k++) {
		struct vcpu *v = p->vcpus[(start + k) % p->nr_vcpus];
		if (v != prev && vcpu_runnable(v))
			return v;
	}
	return prev && vcpu_runnable(prev) ? prev : NULL;
}

static struct vcpu *next_runnable(struct percpu *p, struct vcpu *prev)
{
	spin_lock(&p->sched_lock);
	p->need_resched = false;
	struct vcpu *next = pick_next(p, prev);
	spin_unlock(&p->sched_lock);
	return next;
}

/* Nothing to run: halt with interrupts on until a timer or an IPI makes
 * something runnable. The idle page tables are loaded, since the last
 * vCPU's may be torn down meanwhile. */
static struct vcpu *idle_until_runnable(struct percpu *p)
{
	struct vcpu *next;

	write_cr3(idle_l4_maddr());
	while (!(next = next_runnable(p, NULL))) {
		local_irq_enable();
		halt();
		local_irq_disable();
	}
	return next;
}

static void start_slice(struct percpu *p, struct vcpu *next)
{
	p->curr = next;
	next->slice_end = now_ns() + SCHED_SLICE_NS;
	cpu_timer_reprogram();
}

void schedule_at_exit(void)
{
	struct percpu *p = this_cpu();
	struct vcpu *prev = p->curr;

	if (prev && !p->need_resched && vcpu_runnable(prev))
		return;
	struct vcpu *next = next_runnable(p, prev);
	if (next == prev) {
		start_slice(p, next);
		return;
	}
	if (prev)
		vcpu_switch_out(prev);
	p->curr = NULL;
	if (!next)
		next = idle_until_runnable(p);
	vcpu_switch_in(next);
	start_slice(p, next);
}

void scheduler_start(void)
{
	struct percpu *p = this_cpu();
	struct vcpu *next = idle_until_runnable(p);

	vcpu_switch_in(next);
	start_slice(p, next);
	return_to_guest();
}

/* Fires the timers of this CPU's vCPUs that are due, and ends the
 * current slice when it is over. The due ones are collected under the
 * lock and fired after it, since firing takes locks of its own. */
void sched_timer_tick(void)
{
	struct percpu *p = this_cpu();
	struct vcpu *timer_due[PERCPU_MAX_VCPUS], *poll_due[PERCPU_MAX_VCPUS];
	unsigned nt = 0, np = 0;
	uint64_t now = now_ns();

	spin_lock(&p->sched_lock);
	for (unsigned i = 0; i < p->nr_vcpus; i++) {
		struct vcpu *v = p->vcpus[i];
		if (v->timer_deadline && v->timer_deadline <= now) {
			v->timer_deadline = 0;
			timer_due[nt++] = v;
		}
		if (v->poll_deadline && v->poll_deadline <= now)
			poll_due[np++] = v;
	}
	if (p->curr && p->curr->slice_end <= now)
		p->need_resched = true;
	spin_unlock(&p->sched_lock);
	while (nt)
		send_guest_vcpu_virq(timer_due[--nt], VIRQ_TIMER);
	while (np)
		vcpu_wake(poll_due[--np]);
	cpu_timer_reprogram();
}
