/*
 * Time from Xen's pvclock (vcpu_time_info: system time at a TSC stamp,
 * plus a scale for the TSC since), and the tick from one-shot
 * set_timer_op deadlines, re-armed from each VIRQ_TIMER.
 */
#include "hypercall.h"
#include "printk.h"
#include "xenpv.h"

static uint64_t boot_system_time;
static uint64_t period, deadline;
static void (*tick_fn)(void);

static uint64_t scale_delta(uint64_t delta, uint32_t mul, int8_t shift)
{
	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	return (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

/* Xen makes version odd while it updates the record. */
static uint64_t system_time(void)
{
	const volatile struct vcpu_time_info *t = &vcpu()->time;
	uint32_t version, mul;
	uint64_t stamp, base, tsc;
	int8_t shift;

	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		stamp = t->tsc_timestamp;
		base = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		tsc = rdtsc();
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);
	return base + scale_delta(tsc - stamp, mul, shift);
}

/* Xen's system time counts from the hypervisor's boot; ours from the kernel's. */
void clock_init(void)
{
	boot_system_time = system_time();
}

uint64_t arch_clock_ns(void)
{
	return system_time() - boot_system_time;
}

/* shared_info holds the time of day at system time 0, under its own version. */
uint64_t arch_realtime_ns(void)
{
	const volatile shared_info_t *s = shared_info;
	uint32_t version, nsec;
	uint64_t sec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = s->wc_sec | (uint64_t)s->xen_wc_sec_hi << 32;
		nsec = s->wc_nsec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	return sec * 1000000000 + nsec + system_time();
}

/* A late tick is not made up for: the next one is a period from now. */
static void timer_event(unsigned port, void *arg)
{
	uint64_t now = system_time();

	(void)port, (void)arg;
	deadline = deadline + period > now ? deadline + period : now + period;
	HYPERVISOR_set_timer_op(deadline);
	tick_fn();
}

void arch_timer_start(uint64_t period_ns, void (*tick)(void))
{
	int rc;

	period = period_ns;
	tick_fn = tick;
	/* Xen may start a vCPU with a periodic timer of its own; ours is one-shot. */
	HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
	rc = event_bind_virq(VIRQ_TIMER, timer_event, NULL);
	if (rc < 0)
		panic("cannot bind VIRQ_TIMER: error %d", rc);
	deadline = system_time() + period;
	HYPERVISOR_set_timer_op(deadline);
}
