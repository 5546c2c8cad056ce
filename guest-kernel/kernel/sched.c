/*
 * The scheduler: round robin over the process table, switching directly
 * from one process to the next. The idle thread runs on the boot stack
 * when nothing else can, and is where a dead process's memory is freed
 * from if nothing else runs after it.
 */
#include "arch.h"
#include "clock.h"
#include "errno.h"
#include "printk.h"
#include "proc.h"
#include "sched.h"
#include "signal.h"

static struct proc idle = { .pid = 0, .state = PROC_RUNNABLE, .name = "idle" };
struct proc *current = &idle;

static bool need_resched;
/* The process just switched away from, for the one switched to. */
static struct proc *switched_from;
/* Time spent waiting in arch_idle(): what /proc/uptime calls idle. */
static uint64_t idle_ns;
/* The channel of sleep_on_any(), which every wakeup() wakes as well. */
static const char any_chan;

void sched_init(void)
{
	idle.kstack = boot_stack;
}

void sched_tick(void)
{
	need_resched = true;
}

/* The next runnable process after prev in table order, prev itself if it
 * alone can run, or the idle thread. */
static struct proc *pick_next(struct proc *prev)
{
	unsigned start = 0;

	for (unsigned i = 0; i < NPROC; i++)
		if (proc_table_slot(i) == prev)
			start = i + 1;
	for (unsigned n = 0; n < NPROC; n++) {
		struct proc *p = proc_table_slot((start + n) % NPROC);

		if (p->state == PROC_RUNNABLE)
			return p;
	}
	return &idle;
}

/* Runs first thing in the context switched to. */
static void finish_switch(void)
{
	struct proc *prev = switched_from;

	if (prev->state == PROC_ZOMBIE)
		proc_release(prev);
}

void schedule(void)
{
	struct proc *prev = current, *next;

	need_resched = false;
	if (prev->state == PROC_RUNNING)
		prev->state = PROC_RUNNABLE;
	next = pick_next(prev);
	if (next != &idle)
		next->state = PROC_RUNNING;
	if (next == prev)
		return;
	switched_from = prev;
	current = next;
	arch_switch_to(prev, next);
	finish_switch();
}

void sched_return_to_user(void)
{
	if (need_resched)
		schedule();
	signal_deliver();
}

void proc_first_run(void)
{
	finish_switch();
	signal_deliver();
	arch_enter_user(proc_uregs(current));
}

void sched_idle_loop(void)
{
	uint64_t start;

	/* Events stay off from the scan in schedule() to the block in
	 * arch_idle(), so no wakeup can fall between the two. */
	for (;;) {
		schedule();
		start = clock_ns();
		arch_idle();
		idle_ns += clock_ns() - start;
	}
}

uint64_t sched_idle_ns(void)
{
	return idle_ns;
}

int sleep_on(const void *chan)
{
	if (signal_pending(current))
		return -EINTR;
	current->wait_chan = chan;
	current->state = PROC_SLEEPING;
	schedule();
	current->wait_chan = NULL;
	return signal_pending(current) ? -EINTR : 0;
}

void wakeup(const void *chan)
{
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = proc_table_slot(i);

		if (p->state == PROC_SLEEPING && (p->wait_chan == chan || p->wait_chan == &any_chan))
			p->state = PROC_RUNNABLE;
	}
}

static int sleep_on_until(const void *chan, uint64_t deadline)
{
	int rc;

	current->wake_at = deadline;
	rc = sleep_on(chan);
	current->wake_at = 0;
	return rc;
}

/* Timed sleepers wait on their own proc; exit wakes that channel too (a
 * parent's, init's), so callers loop until their deadline. */
int sleep_until(uint64_t deadline)
{
	return sleep_on_until(current, deadline);
}

int sleep_on_any(uint64_t deadline)
{
	return sleep_on_until(&any_chan, deadline);
}

void sched_wake_sleepers(uint64_t now)
{
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = proc_table_slot(i);

		if (p->state == PROC_SLEEPING && p->wake_at && p->wake_at <= now)
			p->state = PROC_RUNNABLE;
	}
}
