/*
 * /dev/xen/xenbus_backend, domain 0's only: how the xenstored it runs
 * reaches dom0's own xenstore ring, as on Linux. IOCTL_XENBUS_BACKEND_EVTCHN
 * answers the channel the kernel allocated for it, and mmap(2) of one page
 * maps the ring. Stub-domain xenstored (IOCTL_XENBUS_BACKEND_SETUP) is not
 * implemented: -ENOSYS.
 */
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "mm.h"
#include "proc.h"
#include "uapi/mman.h"
#include "xenbus.h"
#include "xenpv.h"
#include <xen/sys/xenbus_dev.h>

static long backend_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	(void)f;
	(void)arg;
	switch (cmd) {
	case IOCTL_XENBUS_BACKEND_EVTCHN:
		return xenbus_port() ? (long)xenbus_port() : -ENODEV;
	case IOCTL_XENBUS_BACKEND_SETUP:
		return -ENOSYS;
	default:
		return -ENOTTY;
	}
}

static int backend_mmap(struct file *f, uintptr_t start, size_t len, unsigned prot)
{
	int rc;

	(void)f;
	if (len != PAGE_SIZE)
		return -EINVAL;
	if (!xenbus_port())
		return -ENODEV;
	rc = map_frame(&current->mm->as, start, xenbus_ring_mfn(), DOMID_SELF,
		       prot & PROT_WRITE);
	mmu_commit();
	return rc;
}

const struct file_ops xenbus_backend_ops = {
	.ioctl = backend_ioctl,
	.mmap = backend_mmap,
	.maps_pages = true,
};
