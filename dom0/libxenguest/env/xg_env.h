/*
 * What the domain builder (dom0/libxenguest) needs from where it runs, as
 * dom0's userland provides it over /dev/xen/privcmd (env.c): the same
 * names as the test framework's (tests/guests/lib/xg_env.h). Calls
 * return Xen's own result, a negative Xen errno on failure, since the
 * builder compares it with Xen's codes.
 */
#ifndef XG_ENV_H
#define XG_ENV_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "xen.h"

#define X86_EFLAGS_IF 0x200UL

long domctl(uint32_t cmd, domid_t domid, struct xen_domctl *op);
long domain_info(domid_t domid, struct xen_domctl_getdomaininfo *info);
long physinfo(struct xen_sysctl_physinfo *info);
long evtchn_alloc_unbound(domid_t dom, domid_t remote, evtchn_port_t *port);
long HYPERVISOR_memory_op(unsigned int cmd, void *arg);
long HYPERVISOR_mmuext_op(struct mmuext_op *ops, unsigned int count, unsigned int *done,
			  domid_t dom);
/* Maps the frame mfn of domid over the page at va (page-aligned), or undoes it. */
long domu_map(void *va, domid_t domid, xen_pfn_t mfn);
long domu_unmap(void *va);
/* The builder's log of each step: nothing unless xg_verbose. */
extern bool xg_verbose;
void builder_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
