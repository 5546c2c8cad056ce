/*
 * The scheduler: which vCPU each physical CPU runs. Every vCPU is placed
 * on one physical CPU when it is created and stays there; each CPU
 * round-robins over its runnable vCPUs in time slices, and idles (hlt)
 * when it has none.
 *
 * Decisions are taken at one point only: on the way out to a guest
 * (guest_exit_work), with interrupts off and the outgoing vCPU's registers
 * in the frame at the top of the stack. So a hypercall that blocks only
 * marks its vCPU blocked and returns; its result is already in the frame
 * when the frame is saved.
 */
#ifndef XENITH_SCHED_H
#define XENITH_SCHED_H

#include "arch.h"
#include "domain.h"
#include "traps.h"

#define SCHED_SLICE_NS   10000000UL   /* 10 ms, as Xen's credit scheduler */
#define SCHED_PERIOD_NS  30000000UL   /* caps are enforced per 30 ms */
#define SCHED_DEFAULT_WEIGHT 256

void sched_add_vcpu(struct vcpu *v);
void sched_remove_vcpu(struct vcpu *v);

static inline bool vcpu_runnable(const struct vcpu *v)
{
	const struct domain *d = v->domain;
	return v->online && !v->blocked && !d->pause_count && !d->is_shut_down;
}

/* The vCPU may run now (it was blocked, paused, or never started):
 * its CPU reconsiders at its next exit, or at once if it is idle. */
void vcpu_wake(struct vcpu *v);

/* The current vCPU stops running at the next exit to the guest. */
void sched_yield_current(void);

/* At every exit to a guest: switch if needed, idle if nothing can run.
 * The common case, the same vCPU going on, is decided inline: this runs
 * on every hypercall's way out. */
void schedule(void);

static inline void schedule_at_exit(void)
{
	struct percpu *p = this_cpu();

	if (!p->curr || p->need_resched || !vcpu_runnable(p->curr))
		schedule();
}

/* A CPU with nothing yet to run (the boot CPU after building domain 0,
 * every other CPU after start-up) enters the scheduler here. */
void __noreturn scheduler_start(void);

/* The vCPU's runstate (RUNSTATE_*) changes now; its time so far in the
 * old state is added up, as Xen's vcpu_runstate_info counts it. */
void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now);

/* Timer interrupt work: vCPU timers, poll timeouts, slice ends. */
void sched_timer_tick(void);

#endif
