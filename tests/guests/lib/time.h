/* Xen system time (ns since boot) from the vCPU's pvclock in vcpu_info. */
#ifndef GUEST_TIME_H
#define GUEST_TIME_H

#include <stdint.h>

#include "events.h"

uint64_t now_ns(void);

/* Sleeps, events masked, until the system time reaches deadline. */
long sleep_until(uint64_t deadline);

/*
 * Stops the periodic timer, so that only set_timer_op raises VIRQ_TIMER,
 * and routes VIRQ_TIMER to fn; returns the port or a negative errno.
 */
long timer_bind_oneshot(event_handler_t fn);

#endif
