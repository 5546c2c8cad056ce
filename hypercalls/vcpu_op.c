/* vcpu_op (vcpu.h): bringing secondary vCPUs up and down, and the vCPU
 * timers. The other sub-ops return -ENOSYS (docs/abi.md). */
#include "arch.h"
#include "hypercalls.h"
#include "sched.h"
#include "time.h"
#include <xen/vcpu.h>

static long set_singleshot_timer(struct vcpu *v, unsigned long arg)
{
	struct vcpu_set_singleshot_timer t;

	if (copy_from_guest(&t, arg))
		return -EFAULT;
	if ((t.flags & VCPU_SSHOTTMR_future) && t.timeout_abs_ns < now_ns())
		return -ETIME;
	vcpu_time_publish(v);
	vcpu_set_timer(v, t.timeout_abs_ns);
	return 0;
}

long do_vcpu_op(unsigned long cmd, unsigned long vcpuid, unsigned long arg)
{
	struct vcpu *curr = current_vcpu();
	struct domain *d = curr->domain;

	struct vcpu *v = vcpuid < d->max_vcpus ? d->vcpu[vcpuid] : NULL;
	if (!v)
		return -ENOENT;

	switch (cmd) {
	case VCPUOP_initialise:
		/* Once only, as on Xen; it does not bring the vCPU up. */
		if (v->initialised)
			return -EEXIST;
		long rc = load_vcpu_context(v, arg);
		v->online = false;
		return rc;
	case VCPUOP_up:
		if (!v->initialised)
			return -EINVAL;
		v->online = true;
		vcpu_wake(v);
		return 0;
	case VCPUOP_down:
		v->online = false;
		if (v == curr)
			sched_yield_current();
		return 0;
	case VCPUOP_is_up:
		return v->online;
	case VCPUOP_set_singleshot_timer:
		return v == curr ? set_singleshot_timer(v, arg) : -EINVAL;
	case VCPUOP_stop_singleshot_timer:
		if (v != curr)
			return -EINVAL;
		vcpu_set_timer(v, 0);
		return 0;
	case VCPUOP_stop_periodic_timer:
		return 0;    /* there is no periodic timer to stop */
	}
	return -ENOSYS;
}
