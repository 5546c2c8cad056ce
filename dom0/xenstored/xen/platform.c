#include <errno.h>
#include <fcntl.h>
#include <linux/ioctl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xen/xen.h>
#include <xen/domctl.h>
#include <xen/sys/evtchn.h>
#include <xc.h>
#include "platform.h"

#define PAGE_SIZE 4096

static struct xenstore_domain_interface *map(void *ctx, unsigned int domid,
					     unsigned long mfn)
{
	struct xen_platform *p = ctx;
	void *page;

	if (!domid) {
		page = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
			    p->backend_fd, 0);
		return page == MAP_FAILED ? NULL : page;
	}
	return xc_map_foreign_range(p->xc, domid, PAGE_SIZE, PROT_READ | PROT_WRITE, mfn);
}

static void unmap(void *ctx, struct xenstore_domain_interface *intf)
{
	(void)ctx;
	munmap(intf, PAGE_SIZE);
}

static int bind(void *ctx, unsigned int domid, unsigned int port)
{
	struct xen_platform *p = ctx;
	struct ioctl_evtchn_bind_interdomain bind = { domid, port };
	int local = ioctl(p->evtchn_fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind);

	return local < 0 ? -1 : local;
}

static void unbind(void *ctx, int local_port)
{
	struct xen_platform *p = ctx;
	struct ioctl_evtchn_unbind unbind = { (unsigned int)local_port };

	ioctl(p->evtchn_fd, IOCTL_EVTCHN_UNBIND, &unbind);
}

static void notify(void *ctx, int local_port)
{
	struct xen_platform *p = ctx;
	struct ioctl_evtchn_notify notify = { (unsigned int)local_port };

	ioctl(p->evtchn_fd, IOCTL_EVTCHN_NOTIFY, &notify);
}

static enum xs_domain_state domain_state(void *ctx, unsigned int domid)
{
	struct xen_platform *p = ctx;
	xc_domaininfo_t info;

	if (xc_domain_getinfolist(p->xc, domid, 1, &info) != 1 || info.domain != domid ||
	    (info.flags & XEN_DOMINF_dying))
		return XS_DOMAIN_GONE;
	return info.flags & XEN_DOMINF_shutdown ? XS_DOMAIN_SHUTDOWN : XS_DOMAIN_RUNNING;
}

int xen_platform_open(struct xen_platform *p, const char **what)
{
	p->ops = (struct xs_platform){
		.map = map, .unmap = unmap, .bind = bind, .unbind = unbind,
		.notify = notify, .domain_state = domain_state, .ctx = p,
	};
	*what = "/dev/xen/evtchn";
	p->evtchn_fd = open(*what, O_RDWR);
	if (p->evtchn_fd < 0)
		return -1;
	*what = "/dev/xen/xenbus_backend";
	p->backend_fd = open(*what, O_RDWR);
	if (p->backend_fd < 0)
		return -1;
	*what = "/dev/xen/privcmd";
	p->xc = xc_interface_open(NULL, NULL, 0);
	return p->xc ? 0 : -1;
}
