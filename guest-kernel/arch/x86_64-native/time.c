/*
 * Time from the TSC, its rate measured against the PIT at boot; the time
 * of day from the RTC at boot plus the TSC since; the tick from the local
 * APIC timer in periodic mode, its rate measured in the same interval.
 * (On Xen: pvclock, shared_info's wall clock, one-shot set_timer_op.)
 */
#include "clock.h"
#include "native.h"
#include "printk.h"

#define CALIBRATE_US 20000
#define US_PER_SEC 1000000

static uint64_t tsc_at_boot;
/* Nanoseconds per TSC tick, times 2^32; 0 until calibrated. */
static uint64_t tsc_scale;
static uint64_t lapic_hz;
static uint64_t realtime_at_boot;
static void (*tick_fn)(void);

/* Both counters over one PIT interval: the APIC timer counts down. */
static void calibrate(uint64_t *tsc_hz)
{
	uint64_t tsc0, tsc1;
	uint32_t apic0, apic1;

	pit_oneshot_start(CALIBRATE_US);
	tsc0 = rdtsc();
	apic0 = lapic_timer_count();
	while (!pit_oneshot_done())
		;
	tsc1 = rdtsc();
	apic1 = lapic_timer_count();
	*tsc_hz = (tsc1 - tsc0) * US_PER_SEC / CALIBRATE_US;
	lapic_hz = (uint64_t)(apic0 - apic1) * US_PER_SEC / CALIBRATE_US;
}

void clock_init(void)
{
	uint64_t tsc_hz;

	calibrate(&tsc_hz);
	tsc_at_boot = rdtsc();
	tsc_scale = (NSEC_PER_SEC << 32) / tsc_hz;
	realtime_at_boot = rtc_seconds() * NSEC_PER_SEC;
	printk("time: TSC at %lu kHz, APIC timer at %lu kHz\n", (unsigned long)(tsc_hz / 1000),
	       (unsigned long)(lapic_hz / 1000));
}

uint64_t arch_clock_ns(void)
{
	return (uint64_t)(((unsigned __int128)(rdtsc() - tsc_at_boot) * tsc_scale) >> 32);
}

uint64_t arch_realtime_ns(void)
{
	return realtime_at_boot + arch_clock_ns();
}

void arch_timer_start(uint64_t period_ns, void (*tick)(void))
{
	tick_fn = tick;
	lapic_timer_periodic((uint32_t)(lapic_hz * period_ns / NSEC_PER_SEC));
}

/* The end of interrupt first: the tick may lead to a switch to another
 * process, which must still get the next one. */
void timer_interrupt(void)
{
	lapic_eoi();
	tick_fn();
}
