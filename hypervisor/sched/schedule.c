/*
 * Weighted fair sharing of each physical CPU among its vCPUs (include/
 * sched.h has the model). Each vCPU's run time is charged scaled by
 * 256 / its domain's weight (Xen's credit weights); the runnable vCPU
 * with the least charged time runs next, for a slice; a domain with a
 * cap is held back once its vCPU used cap % of the current period.
 * Lock order: a CPU's sched_lock is taken with interrupts off and nothing
 * else held; vcpu_wake() may take another CPU's.
 */
#include "arch.h"
#include "event.h"
#include "sched.h"
#include "time.h"
#include "traps.h"
#include "vcpu_switch.h"
#include "x86.h"

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
/* A vCPU that slept (or was paused) does not bank the time: it rejoins no
 * further behind than the least charged of its CPU, less one slice. */
static void catch_up(struct percpu *p, struct vcpu *v)
{
	uint64_t least = UINT64_MAX;

	for (unsigned i = 0; i < p->nr_vcpus; i++)
		if (p->vcpus[i] != v && vcpu_runnable(p->vcpus[i]))
			least = MIN(least, p->vcpus[i]->vruntime);
	if (least != UINT64_MAX && least > SCHED_SLICE_NS && v->vruntime < least - SCHED_SLICE_NS)
		v->vruntime = least - SCHED_SLICE_NS;
}

void vcpu_wake(struct vcpu *v)
{
	struct percpu *p = percpu_of(v->processor);

	spin_lock(&p->sched_lock);
	if (p->curr != v)
		catch_up(p, v);
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

static void charge(struct vcpu *v, uint64_t now)
{
	uint64_t ran = now - v->run_start;

	v->cpu_time += ran;
	v->vruntime += ran * SCHED_DEFAULT_WEIGHT / v->domain->weight;
	if (now >= v->period_start + SCHED_PERIOD_NS) {
		v->period_start = now;
		v->period_used = 0;
	}
	v->period_used += ran;
	v->run_start = now;
}

static uint64_t cap_budget(const struct vcpu *v)
{
	return SCHED_PERIOD_NS / 100 * v->domain->cap;
}

static bool over_cap(const struct vcpu *v, uint64_t now)
{
	return v->domain->cap && now < v->period_start + SCHED_PERIOD_NS &&
	       v->period_used >= cap_budget(v);
}

/* The eligible vCPU with the least charged time; on a tie, not prev, so
 * equals take turns. NULL if none may run. Called with sched_lock held. */
static struct vcpu *pick_next(struct percpu *p, struct vcpu *prev, uint64_t now)
{
	struct vcpu *best = NULL;

	for (unsigned i = 0; i < p->nr_vcpus; i++) {
		struct vcpu *v = p->vcpus[i];
		if (!vcpu_runnable(v) || over_cap(v, now))
			continue;
		if (!best || v->vruntime < best->vruntime ||
		    (v->vruntime == best->vruntime && best == prev))
			best = v;
	}
	return best;
}

static struct vcpu *next_runnable(struct percpu *p, struct vcpu *prev)
{
	uint64_t now = now_ns();

	spin_lock(&p->sched_lock);
	p->need_resched = false;
	if (prev)
		charge(prev, now);
	struct vcpu *next = pick_next(p, prev, now);
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

/* A capped vCPU's slice also ends where its budget for the period does,
 * so that it never runs past its cap by more than a timer's latency. */
void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now)
{
	struct vcpu_runstate_info *r = &v->runstate;

	r->time[r->state] += now - r->state_entry_time;
	r->state = state;
	r->state_entry_time = now;
}

/* Where a vCPU that stops running goes: back to wait its turn, or to
 * sleep until an event, or offline. */
static int state_after_running(const struct vcpu *v)
{
	if (vcpu_runnable(v))
		return RUNSTATE_runnable;
	return v->online ? RUNSTATE_blocked : RUNSTATE_offline;
}

static void start_slice(struct percpu *p, struct vcpu *next)
{
	uint64_t now = now_ns();
	uint64_t slice = SCHED_SLICE_NS;

	if (next->domain->cap) {
		if (now >= next->period_start + SCHED_PERIOD_NS) {
			next->period_start = now;
			next->period_used = 0;
		}
		slice = MIN(slice, cap_budget(next) - MIN(next->period_used, cap_budget(next)));
	}
	p->curr = next;
	next->run_start = now;
	next->slice_end = now + slice;
	cpu_timer_reprogram();
}

void schedule(void)
{
	struct percpu *p = this_cpu();
	struct vcpu *prev = p->curr;
	struct vcpu *next = next_runnable(p, prev);
	if (next == prev) {
		start_slice(p, next);
		return;
	}
	if (prev) {
		vcpu_runstate_change(prev, state_after_running(prev), now_ns());
		vcpu_switch_out(prev);
	}
	p->curr = NULL;
	if (!next)
		next = idle_until_runnable(p);
	vcpu_runstate_change(next, RUNSTATE_running, now_ns());
	vcpu_switch_in(next);
	start_slice(p, next);
}

void scheduler_start(void)
{
	struct percpu *p = this_cpu();
	struct vcpu *next = idle_until_runnable(p);

	vcpu_runstate_change(next, RUNSTATE_running, now_ns());
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
