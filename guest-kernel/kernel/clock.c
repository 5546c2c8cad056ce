/* The tick: wakes timed sleepers, collects console input, ends time slices. */
#include "arch.h"
#include "clock.h"
#include "console.h"
#include "sched.h"

static void tick(void)
{
	sched_wake_sleepers(arch_clock_ns());
	console_poll();
	sched_tick();
}

void clock_start(void)
{
	arch_timer_start(NSEC_PER_SEC / HZ, tick);
}

uint64_t clock_ns(void)
{
	return arch_clock_ns();
}
