/*
 * The domU the scheduler guests build (sched_spinner, sched_weight,
 * sched_cap): it spins in kernel mode with its events masked and never
 * yields, blocks or shuts down, so only the hypervisor's own timer takes
 * the CPU from it, and only dom0's destroydomain ends it.
 */
#include "events.h"
#include "test.h"

const char test_name[] = "domu_spinner";

void test_main(void)
{
	events_mask();
	for (;;)
		asm volatile("" ::: "memory");
}
