#include <stddef.h>

#include "events.h"
#include "hypercall.h"
#include "time.h"

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t scale_delta(uint64_t delta, uint32_t mul, int8_t shift)
{
	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	return (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

/* Xen bumps version to odd before an update and to even after it. */
uint64_t now_ns(void)
{
	const volatile struct vcpu_time_info *t = &vcpu()->time;
	uint32_t version, mul;
	uint64_t stamp, system_time, tsc;
	int8_t shift;

	do {
		version = t->version;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		stamp = t->tsc_timestamp;
		system_time = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		tsc = rdtsc();
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
	} while ((version & 1) || version != t->version);
	return system_time + scale_delta(tsc - stamp, mul, shift);
}

long timer_bind_oneshot(event_handler_t fn)
{
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	long rc = HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);

	if (!rc)
		rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bind);
	if (rc)
		return rc;
	event_bind(bind.port, fn);
	return bind.port;
}

/* A poll of no port is a plain sleep: only its timeout ends it. */
long sleep_until(uint64_t deadline)
{
	long rc = 0;

	while (!rc && now_ns() < deadline)
		rc = event_poll(NULL, 0, deadline);
	return rc;
}
