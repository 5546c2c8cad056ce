/*
 * shared_info, the vCPU's event mask (its virtual interrupt flag) and the
 * 2-level event channel upcall.
 */
#ifndef GUEST_EVENTS_H
#define GUEST_EVENTS_H

#include <stdbool.h>

#include "xen.h"

typedef void (*event_handler_t)(evtchn_port_t port);

extern shared_info_t *const shared_info;

static inline vcpu_info_t *vcpu(void)
{
	return &shared_info->vcpu_info[0];
}

/* Maps shared_info and registers the event, failsafe and syscall callbacks. */
long events_init(void);

/* Routes a port's events to fn and clears the port's mask bit. */
void event_bind(evtchn_port_t port, event_handler_t fn);
bool event_is_pending(evtchn_port_t port);
void event_clear(evtchn_port_t port);
/*
 * SCHEDOP_poll: sleeps, events masked, until one of the ports is pending
 * or the system time reaches deadline (0: no timeout).
 */
long event_poll(evtchn_port_t *ports, unsigned int nr, uint64_t deadline);

void events_mask(void);
/* Clears the mask and, as a real kernel must, collects what is pending. */
void events_unmask(void);

/* Called from entry_dispatch with events masked. */
void event_upcall(void);

#endif
