#include "domctl.h"
#include "sched.h"

long sched_id(uint32_t *id)
{
	struct xen_sysctl op = { 0 };
	long rc = sysctl(XEN_SYSCTL_sched_id, &op);

	*id = op.u.sched_id.sched_id;
	return rc;
}

long sched_set(domid_t domid, uint32_t sched, uint16_t weight, uint16_t cap)
{
	struct xen_domctl op = { 0 };
	struct xen_domctl_scheduler_op *s = &op.u.scheduler_op;

	s->sched_id = sched;
	s->cmd = XEN_DOMCTL_SCHEDOP_putinfo;
	if (sched == XEN_SCHEDULER_CREDIT)
		s->u.credit = (struct xen_domctl_sched_credit){ .weight = weight, .cap = cap };
	else if (sched == XEN_SCHEDULER_CREDIT2)
		s->u.credit2 = (struct xen_domctl_sched_credit2){ .weight = weight, .cap = cap };
	else
		return -XEN_EINVAL;
	return domctl(XEN_DOMCTL_scheduler_op, domid, &op);
}

long sched_get(domid_t domid, uint32_t sched, uint16_t *weight, uint16_t *cap)
{
	struct xen_domctl op = { 0 };
	struct xen_domctl_scheduler_op *s = &op.u.scheduler_op;
	long rc;

	if (sched != XEN_SCHEDULER_CREDIT && sched != XEN_SCHEDULER_CREDIT2)
		return -XEN_EINVAL;
	s->sched_id = sched;
	s->cmd = XEN_DOMCTL_SCHEDOP_getinfo;
	if ((rc = domctl(XEN_DOMCTL_scheduler_op, domid, &op)))
		return rc;
	*weight = sched == XEN_SCHEDULER_CREDIT ? s->u.credit.weight : s->u.credit2.weight;
	*cap = sched == XEN_SCHEDULER_CREDIT ? s->u.credit.cap : s->u.credit2.cap;
	return 0;
}

long vcpu_pin(domid_t domid, uint32_t vcpu, unsigned int cpu)
{
	struct xen_domctl op = { 0 };
	struct xen_domctl_vcpuaffinity *a = &op.u.vcpuaffinity;
	uint8_t map = 1U << cpu;

	a->vcpu = vcpu;
	a->flags = XEN_VCPUAFFINITY_HARD;
	set_xen_guest_handle(a->cpumap_hard.bitmap, &map);
	a->cpumap_hard.nr_bits = 8 * sizeof(map);
	return domctl(XEN_DOMCTL_setvcpuaffinity, domid, &op);
}
