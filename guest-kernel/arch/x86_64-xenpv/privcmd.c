/*
 * /dev/xen/privcmd, domain 0's door to the hypervisor for its toolstack
 * and daemons, as Linux's privcmd driver has it. IOCTL_PRIVCMD_HYPERCALL
 * makes any hypercall with the caller's arguments; pointers among them
 * are the process's own addresses, which Xen reaches through the page
 * tables in force (the kernel's L4 maps the user half). Xen does not
 * fault pages in: a buffer must have been touched (written, if Xen writes
 * it) before the call, as libxc's hypercall buffers are. Foreign mappings
 * (the MMAP ioctls) are not implemented yet: -ENOSYS.
 */
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "hypercall.h"
#include "xenpv.h"
#include <xen/sys/privcmd.h>

static long do_hypercall(unsigned long user_arg)
{
	privcmd_hypercall_t call;

	if (copy_from_user(&call, (const void *)user_arg, sizeof(call)))
		return -EFAULT;
	if (call.op >= HYPERCALL_STUBS)
		return -EINVAL;
	return hypercall_by_number((unsigned)call.op, (const unsigned long *)call.arg);
}

static long privcmd_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	(void)f;
	switch (cmd) {
	case IOCTL_PRIVCMD_HYPERCALL:
		return do_hypercall(arg);
	case IOCTL_PRIVCMD_MMAP:
	case IOCTL_PRIVCMD_MMAPBATCH:
	case IOCTL_PRIVCMD_MMAPBATCH_V2:
	case IOCTL_PRIVCMD_MMAP_RESOURCE:
		return -ENOSYS;
	default:
		return -ENOTTY;
	}
}

static const struct file_ops privcmd_ops = { .ioctl = privcmd_ioctl };

/* A misc device (major 10) as on Linux, where its minor is dynamic. */
static const struct device dom0_devices[] = {
	{ "xen/privcmd", DEV_NUMBER(10, 62), 0600, &privcmd_ops },
	{ 0 },
};

/* Only domain 0 may make privileged hypercalls: a domU gets no node. */
const struct device *arch_devices(void)
{
	return xen_start.flags & SIF_INITDOMAIN ? dom0_devices : dom0_devices + 1;
}
