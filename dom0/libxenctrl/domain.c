/* Domain control: domctl and sysctl, at the interface version they name. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <xen/memory.h>

#include "xc_private.h"

static int domctl(xc_interface *xch, uint32_t cmd, uint32_t domid, struct xen_domctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	op->domain = (domid_t)domid;
	return (int)xc_hypercall(xch, __HYPERVISOR_domctl, (unsigned long)op, 0);
}

static int sysctl(xc_interface *xch, uint32_t cmd, struct xen_sysctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	return (int)xc_hypercall(xch, __HYPERVISOR_sysctl, (unsigned long)op, 0);
}

int xc_domain_getinfolist(xc_interface *xch, uint32_t first_domain,
			  unsigned int max_domains, xc_domaininfo_t *info)
{
	struct xen_sysctl op;

	memset(&op, 0, sizeof(op));
	xc_touch(info, max_domains * sizeof(*info));
	op.u.getdomaininfolist.first_domain = (domid_t)first_domain;
	op.u.getdomaininfolist.max_domains = max_domains;
	set_xen_guest_handle(op.u.getdomaininfolist.buffer, info);
	if (sysctl(xch, XEN_SYSCTL_getdomaininfolist, &op) < 0)
		return -1;
	return (int)op.u.getdomaininfolist.num_domains;
}

static int simple_domctl(xc_interface *xch, uint32_t cmd, uint32_t domid)
{
	struct xen_domctl op;

	memset(&op, 0, sizeof(op));
	return domctl(xch, cmd, domid, &op);
}

int xc_domain_pause(xc_interface *xch, uint32_t domid)
{
	return simple_domctl(xch, XEN_DOMCTL_pausedomain, domid);
}

int xc_domain_unpause(xc_interface *xch, uint32_t domid)
{
	return simple_domctl(xch, XEN_DOMCTL_unpausedomain, domid);
}

int xc_domain_destroy(xc_interface *xch, uint32_t domid)
{
	return simple_domctl(xch, XEN_DOMCTL_destroydomain, domid);
}

int xc_physinfo(xc_interface *xch, xc_physinfo_t *info)
{
	struct xen_sysctl op;

	memset(&op, 0, sizeof(op));
	if (sysctl(xch, XEN_SYSCTL_physinfo, &op) < 0)
		return -1;
	*info = op.u.physinfo;
	return 0;
}

int xc_domain_create(xc_interface *xch, uint32_t *pdomid,
		     struct xen_domctl_createdomain *config)
{
	struct xen_domctl op;

	memset(&op, 0, sizeof(op));
	op.u.createdomain = *config;
	if (domctl(xch, XEN_DOMCTL_createdomain, *pdomid, &op) < 0)
		return -1;
	*pdomid = op.domain;
	*config = op.u.createdomain;
	return 0;
}

int xc_domain_setmaxmem(xc_interface *xch, uint32_t domid, uint64_t max_memkb)
{
	struct xen_domctl op;

	memset(&op, 0, sizeof(op));
	op.u.max_mem.max_memkb = max_memkb;
	return domctl(xch, XEN_DOMCTL_max_mem, domid, &op);
}

int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid,
				     unsigned long nr_extents, unsigned int extent_order,
				     unsigned int mem_flags, xen_pfn_t *extent_start)
{
	struct xen_memory_reservation r = {
		.nr_extents = nr_extents,
		.extent_order = extent_order,
		.mem_flags = mem_flags,
		.domid = (domid_t)domid,
	};
	long done;

	xc_touch(extent_start, nr_extents * sizeof(*extent_start));
	set_xen_guest_handle(r.extent_start, extent_start);
	done = xc_hypercall(xch, __HYPERVISOR_memory_op, XENMEM_populate_physmap,
			    (unsigned long)&r);
	if (done >= 0 && (unsigned long)done != nr_extents)
		errno = EBUSY;
	return done >= 0 && (unsigned long)done == nr_extents ? 0 : -1;
}
