/*
 * Spinning domUs for the scheduler guests: domu/domu_spinner.c, dom0's
 * second boot module, built with the framework's builder, each on the
 * physical CPU its domain id gives it.
 */
#ifndef GUEST_SPINNER_H
#define GUEST_SPINNER_H

#include "builder.h"

/*
 * Pins the vCPU where Xenith places it for good ((domain id + vCPU id) mod
 * CPUs, docs/scheduler.md), so that Xen, whose credit2 moves vCPUs, runs
 * the same layout. Xenith has no setvcpuaffinity (-XEN_ENOSYS): there the
 * placement already is that pinning.
 */
long pin_as_placed(domid_t domid, uint32_t vcpu);

/* Builds a spinner as domain domid, pins it as placed and unpauses it. */
long spinner_start(struct domu *d, domid_t domid);

/* getdomaininfo's cpu_time: the ns the domain's vCPUs have run. */
long cpu_time(domid_t domid, uint64_t *ns);

/*
 * Sleeps for window_ns of system time; ran[i] is how long spinner i ran
 * meanwhile (getdomaininfo's cpu_time), *elapsed the system time that
 * passed between the readings.
 */
long spinners_run(const struct domu *spinners, unsigned int n, uint64_t window_ns,
		  uint64_t *ran, uint64_t *elapsed);

/*
 * Destroys every spinner that got a domain id (createdomain may have
 * failed), each mid-spin, and expects getdomaininfo to lose it and the
 * free pages to come back to free_before.
 */
void expect_spinners_gone(struct domu *spinners, unsigned int n, uint64_t free_before);

#endif
