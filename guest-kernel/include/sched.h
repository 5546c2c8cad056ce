/*
 * Round-robin scheduling. Every tick ends the running process's time
 * slice; it is switched out on its way back to user mode, where pending
 * signals take effect too. The kernel itself is never preempted: it gives
 * up the CPU only by sleeping.
 */
#ifndef SCHED_H
#define SCHED_H

#include "types.h"

struct proc;

void sched_init(void);
void sched_tick(void);
void sched_wake_sleepers(uint64_t now);
void schedule(void);
void sched_return_to_user(void);
void __attribute__((noreturn)) sched_idle_loop(void);
/* Nanoseconds since boot with nothing to run (the tick's work included). */
uint64_t sched_idle_ns(void);
void proc_first_run(void);

/* Sleep until wakeup(chan), or until clock_ns() >= deadline; -EINTR,
 * at once or early, if a signal is pending. */
int sleep_on(const void *chan);
int sleep_until(uint64_t deadline);
/* Sleep until any wakeup() at all, or the deadline (0: none), as sleep_on():
 * for a caller that waits on several channels at once (poll) and rescans
 * what it waits for after each wakeup, spurious ones included. */
int sleep_on_any(uint64_t deadline);
void wakeup(const void *chan);

#endif
