/*
 * Scheduler control from dom0, as libxc issues it: which scheduler runs
 * (XEN_SYSCTL_sched_id), a domain's weight and cap
 * (XEN_DOMCTL_scheduler_op) and a vCPU's hard affinity
 * (XEN_DOMCTL_setvcpuaffinity).
 */
#ifndef GUEST_SCHED_H
#define GUEST_SCHED_H

#include "xen.h"

long sched_id(uint32_t *id);

/*
 * Weight and cap of credit (Xenith) or credit2 (Xen 4.17's default), each
 * in its own union member; sched must be the scheduler in use. Weight 0
 * leaves the weight, cap 0 means no cap: the same to both schedulers.
 * Any other scheduler is -XEN_EINVAL: it has no weight and cap.
 */
long sched_set(domid_t domid, uint32_t sched, uint16_t weight, uint16_t cap);
long sched_get(domid_t domid, uint32_t sched, uint16_t *weight, uint16_t *cap);

/* Hard affinity of the vCPU to exactly cpu (below 8). */
long vcpu_pin(domid_t domid, uint32_t vcpu, unsigned int cpu);

#endif
