/*
 * Time as PV guests see it: the TSC, calibrated once against the PIT, is
 * scaled to nanoseconds with the same (shift, mul) pair that each vCPU's
 * vcpu_time_info publishes, so the guest's pvclock arithmetic and ours
 * agree exactly.
 */
#include "arch.h"
#include "domain.h"
#include "event.h"
#include "sched.h"
#include "time.h"
#include "x86.h"

#define PIT_HZ          1193182
#define PIT_CH2         0x42
#define PIT_MODE        0x43
#define PIT_GATE        0x61
#define CALIBRATE_MS    20

uint64_t tsc_khz;
static uint64_t tsc_at_boot;
static uint32_t scale_mul;
static int8_t scale_shift;

static uint64_t calibrate_tsc_khz(void)
{
	const unsigned count = PIT_HZ * CALIBRATE_MS / 1000;

	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01);   /* gate on, speaker off */
	outb(PIT_MODE, 0xb0);                             /* ch2, lo/hi, mode 0 */
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	uint64_t t0 = rdtsc();
	while (!(inb(PIT_GATE) & 0x20))
		cpu_relax();
	return (rdtsc() - t0) / CALIBRATE_MS;
}

/* ns = ((ticks << shift) * mul) >> 32, mul < 2^32 (pvclock's form). */
static void choose_scale(void)
{
	const uint64_t ns_per_ms_q32 = 1000000UL << 32;
	int shift = 0;

	while ((ns_per_ms_q32 >> shift) / tsc_khz >= (1UL << 32))
		shift++;
	scale_shift = (int8_t)shift;
	scale_mul = (uint32_t)((ns_per_ms_q32 >> shift) / tsc_khz);
}

static uint64_t ticks_to_ns(uint64_t ticks)
{
	return (uint64_t)(((unsigned __int128)(ticks << scale_shift) * scale_mul) >> 32);
}

void time_init(void)
{
	tsc_khz = calibrate_tsc_khz();
	choose_scale();
	tsc_at_boot = rdtsc();
	printk("time: TSC at %lu.%03lu MHz", tsc_khz / 1000, tsc_khz % 1000);
}

uint64_t now_ns(void)
{
	return ticks_to_ns(rdtsc() - tsc_at_boot);
}

/* The version is odd while the record changes (the pvclock protocol). */
void vcpu_time_publish(struct vcpu *v)
{
	struct vcpu_time_info *t = &v->vcpu_info->time;
	uint64_t tsc = rdtsc();

	t->version++;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	t->tsc_timestamp = tsc;
	t->system_time = ticks_to_ns(tsc - tsc_at_boot);
	t->tsc_to_system_mul = scale_mul;
	t->tsc_shift = scale_shift;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	t->version++;
}

/* Split so that nothing overflows and no 128-bit division is needed. */
static uint64_t ns_to_tsc(uint64_t ns)
{
	return tsc_at_boot + ns / 1000000 * tsc_khz + ns % 1000000 * tsc_khz / 1000000;
}

void vcpu_set_timer(struct vcpu *v, uint64_t deadline)
{
	v->timer_deadline = deadline;
	if (!deadline)
		return;
	if (deadline <= now_ns()) {
		v->timer_deadline = 0;
		send_guest_vcpu_virq(v, VIRQ_TIMER);
		return;
	}
	cpu_timer_reprogram();
}

static void earliest(uint64_t *min, uint64_t t)
{
	if (t && t < *min)
		*min = t;
}

/* One hardware timer per CPU serves every deadline of its vCPUs: the
 * guests' timers, poll timeouts, the running vCPU's slice, and the end of
 * a capped vCPU's period. The vCPU
 * list is read without the lock: a deadline missed by a race is caught by
 * the next reprogramming, which every tick does. */
void cpu_timer_reprogram(void)
{
	struct percpu *p = this_cpu();
	uint64_t min = UINT64_MAX;

	for (unsigned i = 0; i < p->nr_vcpus; i++) {
		struct vcpu *v = p->vcpus[i];
		earliest(&min, v->timer_deadline);
		earliest(&min, v->poll_deadline);
		if (v->domain->cap)
			earliest(&min, v->period_start + SCHED_PERIOD_NS);
	}
	if (p->curr)
		earliest(&min, p->curr->slice_end);
	if (min != UINT64_MAX)
		apic_arm(ns_to_tsc(min) + 1);
}

void timer_interrupt(void)
{
	apic_eoi();
	sched_timer_tick();
}
