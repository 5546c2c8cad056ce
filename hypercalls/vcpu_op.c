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

/* A snapshot with the current state's time brought up to now. */
static long get_runstate_info(struct vcpu *v, unsigned long arg)
{
	struct vcpu_runstate_info r = v->runstate;
	uint64_t now = now_ns();

	r.time[r.state] += now - r.state_entry_time;
	r.state_entry_time = now;
	return copy_to_guest(arg, &r) ? -EFAULT : 0;
}

/* Written at each switch to the vCPU, and at once for the caller itself. */
static long register_runstate_area(struct vcpu *v, struct vcpu *curr, unsigned long arg)
{
	struct vcpu_register_runstate_memory_area area;

	if (copy_from_guest(&area, arg))
		return -EFAULT;
	v->runstate_guest = area.addr.p;
	if (v == curr && area.addr.p)
		copy_to_guest_va(area.addr.p, &v->runstate, sizeof(v->runstate));
	return 0;
}

long do_vcpu_op(unsigned long cmd, unsigned long vcpuid, unsigned long arg)
{
	struct vcpu *curr = current_vcpu();
	struct domain *d = curr->domain;

	struct vcpu *v = domain_vcpu(d, vcpuid);
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
	case VCPUOP_get_runstate_info:
		return get_runstate_info(v, arg);
	case VCPUOP_register_runstate_memory_area:
		return register_runstate_area(v, curr, arg);
	case VCPUOP_stop_periodic_timer:
		return 0;    /* there is no periodic timer to stop */
	}
	return -ENOSYS;
}
