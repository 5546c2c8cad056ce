/*
 * The builder's environment in dom0's userland: hypercalls through
 * /dev/xen/privcmd, opened at the first call and kept. The ioctl is made
 * as a raw system call so that Xen's own result comes back, not ioctl()'s
 * -1 and an errno in newlib's numbering. Every buffer is written before
 * Xen sees it, by libxenctrl's xc_touch (the kernel does not make pages
 * for Xen).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/ioctl.h>

#include "syscall.h"
#include "xc_private.h"
#include "xg_env.h"
/* After xg_env.h: it declares Xen's types, which this header needs. */
#include <xen/sys/privcmd.h>

static int privcmd = -1;

static bool privcmd_open(void)
{
	if (privcmd < 0)
		privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	return privcmd >= 0;
}

static long raw_ioctl(unsigned long request, void *arg)
{
	return privcmd_open() ? syscall3(__NR_ioctl, privcmd, request, arg) : -XEN_ENODEV;
}

static long hypercall(unsigned op, unsigned long a1, unsigned long a2, unsigned long a3,
		      unsigned long a4)
{
	privcmd_hypercall_t call = { .op = op, .arg = { a1, a2, a3, a4 } };

	return raw_ioctl(IOCTL_PRIVCMD_HYPERCALL, &call);
}

long domctl(uint32_t cmd, domid_t domid, struct xen_domctl *op)
{
	op->cmd = cmd;
	op->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	op->domain = domid;
	xc_touch(op, sizeof(*op));
	return hypercall(__HYPERVISOR_domctl, (unsigned long)op, 0, 0, 0);
}

long domain_info(domid_t domid, struct xen_domctl_getdomaininfo *info)
{
	struct xen_domctl op;
	long rc;

	memset(&op, 0, sizeof(op));
	rc = domctl(XEN_DOMCTL_getdomaininfo, domid, &op);
	if (!rc && op.domain != domid)
		rc = -XEN_ESRCH;
	if (!rc)
		*info = op.u.getdomaininfo;
	return rc;
}

long physinfo(struct xen_sysctl_physinfo *info)
{
	struct xen_sysctl op;
	long rc;

	memset(&op, 0, sizeof(op));
	op.cmd = XEN_SYSCTL_physinfo;
	op.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	rc = hypercall(__HYPERVISOR_sysctl, (unsigned long)&op, 0, 0, 0);
	if (!rc)
		*info = op.u.physinfo;
	return rc;
}

long evtchn_alloc_unbound(domid_t dom, domid_t remote, evtchn_port_t *port)
{
	struct evtchn_alloc_unbound op = { .dom = dom, .remote_dom = remote };
	long rc = hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound,
			    (unsigned long)&op, 0, 0);

	if (!rc)
		*port = op.port;
	return rc;
}

/* The builder makes XENMEM_populate_physmap calls only, with extent arrays
 * it has written. */
long HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
	xc_touch(arg, sizeof(struct xen_memory_reservation));
	return hypercall(__HYPERVISOR_memory_op, cmd, (unsigned long)arg, 0, 0);
}

long HYPERVISOR_mmuext_op(struct mmuext_op *ops, unsigned int count, unsigned int *done,
			  domid_t dom)
{
	xc_touch(ops, count * sizeof(*ops));
	return hypercall(__HYPERVISOR_mmuext_op, (unsigned long)ops, count, (unsigned long)done, dom);
}

long domu_map(void *va, domid_t domid, xen_pfn_t mfn)
{
	int err = 0;
	privcmd_mmapbatch_v2_t batch = {
		.num = 1, .dom = domid, .addr = (uintptr_t)va, .arr = &mfn, .err = &err,
	};
	long rc;

	if (!privcmd_open())
		return -XEN_ENODEV;
	if (mmap(va, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, privcmd, 0) != va)
		return -XEN_ENOMEM;
	rc = raw_ioctl(IOCTL_PRIVCMD_MMAPBATCH_V2, &batch);
	return rc ? rc : err;
}

long domu_unmap(void *va)
{
	return munmap(va, 4096) ? -XEN_EINVAL : 0;
}

bool xg_verbose;

void builder_log(const char *fmt, ...)
{
	va_list ap;

	if (!xg_verbose)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}
