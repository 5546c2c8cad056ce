/* System time (ns since boot, from the TSC) and one-shot timers. */
#ifndef XENITH_TIME_H
#define XENITH_TIME_H

#include "lib.h"

struct vcpu;

void time_init(void);
uint64_t now_ns(void);
void vcpu_time_publish(struct vcpu *v);

/* The wall clock (arch/x86/rtc.c). */
struct shared_info;
void wallclock_init(void);
void wallclock_publish(struct shared_info *s);

/* A guest's single-shot timer: VIRQ_TIMER at deadline (system time). */
void vcpu_set_timer(struct vcpu *v, uint64_t deadline);
void timer_interrupt(void);
void cpu_timer_reprogram(void);

/* The local APIC (arch/x86/apic.c). */
void apic_init(void);
void apic_eoi(void);
void apic_arm(uint64_t tsc_deadline);
void apic_send_ipi(unsigned int apic_id, unsigned int vector);
extern uint64_t tsc_khz;

#endif
