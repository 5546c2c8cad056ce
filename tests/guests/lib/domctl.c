#include "domctl.h"
#include "hypercall.h"
#include "test.h"

long domctl(uint32_t cmd, domid_t domid, struct xen_domctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	op->domain = domid;
	return HYPERVISOR_domctl(op);
}

long sysctl(uint32_t cmd, struct xen_sysctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	return HYPERVISOR_sysctl(op);
}

long domain_info(domid_t domid, struct xen_domctl_getdomaininfo *info)
{
	struct xen_domctl op = { 0 };
	long rc = domctl(XEN_DOMCTL_getdomaininfo, domid, &op);

	if (rc)
		return rc;
	if (op.u.getdomaininfo.domain != domid)
		return -XEN_ESRCH;
	*info = op.u.getdomaininfo;
	return 0;
}

long physinfo(struct xen_sysctl_physinfo *info)
{
	struct xen_sysctl op = { 0 };
	long rc = sysctl(XEN_SYSCTL_physinfo, &op);

	if (!rc)
		*info = op.u.physinfo;
	return rc;
}

uint64_t free_pages(void)
{
	struct xen_sysctl_physinfo info = { 0 };

	expect_eq(physinfo(&info), 0, "physinfo");
	return info.free_pages;
}
