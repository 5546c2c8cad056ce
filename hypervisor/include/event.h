/* Event channels: Xen's 2-level pending/mask bitmaps and per-domain ports. */
#ifndef XENITH_EVENT_H
#define XENITH_EVENT_H

#include "lib.h"
#include "spinlock.h"
#include <xen/xen.h>

/* The bitmap logic (common/event_2l.c), pure over Xen's shared structures
 * so the host unit tests run it. Each returns true when the vCPU now has
 * an upcall pending that it did not have before (it needs a kick). */
bool evtchn_2l_set_pending(struct shared_info *s, struct vcpu_info *vi, unsigned int port);
bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi, unsigned int port);
void evtchn_2l_clear_pending(struct shared_info *s, unsigned int port);
bool evtchn_2l_is_pending(const struct shared_info *s, unsigned int port);

struct domain;
struct vcpu;

/* Ports of a domain (common/evtchn.c). Channel state changes hold
 * event_lock, one lock for all domains since channels join two. */
extern spinlock_t event_lock;
int evtchn_alloc_port(struct domain *d);
void evtchn_free_port(struct domain *d, unsigned int port);
void evtchn_set_pending(struct domain *d, unsigned int port);
void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq);

/* A global VIRQ's binding lives on vCPU 0, whichever vCPU it notifies. */
static inline bool virq_is_global(unsigned int virq)
{
	return virq != VIRQ_TIMER && virq != VIRQ_DEBUG;
}

#endif
