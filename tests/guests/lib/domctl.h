/*
 * domctl and sysctl, the control hypercalls of a toolstack in dom0, as
 * libxc issues them (do_domctl, do_sysctl).
 */
#ifndef GUEST_DOMCTL_H
#define GUEST_DOMCTL_H

#include "xen.h"

/* Fills in cmd, domain and the interface version Xen insists on. */
long domctl(uint32_t cmd, domid_t domid, struct xen_domctl *op);
long sysctl(uint32_t cmd, struct xen_sysctl *op);

/*
 * XEN_DOMCTL_getdomaininfo of exactly domid. Xen 4.17 answers for the
 * first domain whose id is at least domid; an answer for another one is
 * -XEN_ESRCH here, as libxc's single-domain callers take it.
 */
long domain_info(domid_t domid, struct xen_domctl_getdomaininfo *info);

long physinfo(struct xen_sysctl_physinfo *info);
/* The hypervisor's free pages; a failed physinfo fails the test. */
uint64_t free_pages(void);

#endif
