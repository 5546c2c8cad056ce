/*
 * The hypercalls older guests use, each a thin door into its newer form:
 * event_channel_op_compat and physdev_op_compat pass one structure that
 * starts with the command (the rest is the newer call's argument), and
 * sched_op_compat passes a shutdown reason by value.
 */
#include "arch.h"
#include "hypercalls.h"
#include <xen/event_channel.h>
#include <xen/physdev.h>
#include <xen/sched.h>

long do_event_channel_op_compat(unsigned long arg)
{
	uint32_t cmd;

	if (copy_from_guest(&cmd, arg))
		return -EFAULT;
	return do_event_channel_op(cmd, arg + offsetof(struct evtchn_op, u));
}

long do_physdev_op_compat(unsigned long arg)
{
	uint32_t cmd;

	if (copy_from_guest(&cmd, arg))
		return -EFAULT;
	return do_physdev_op(cmd, arg + offsetof(struct physdev_op, u));
}

long do_sched_op_compat(unsigned long cmd, unsigned long arg)
{
	if (cmd != SCHEDOP_shutdown)
		return cmd == SCHEDOP_yield || cmd == SCHEDOP_block ? do_sched_op(cmd, 0) : -ENOSYS;
	if (arg > SHUTDOWN_MAX)
		return -EINVAL;
	domain_shutdown(current_vcpu()->domain, arg);
	return 0;
}
