/*
 * domctl (domctl.h): domain 0's control of the other domains, the calls a
 * libxc-style builder makes. Only a privileged caller may use it, with
 * this Xen's interface version; one domctl runs at a time (domctl_lock),
 * as in Xen. Sub-ops not listed return -ENOSYS (docs/abi.md).
 */
/* domctl.h is the toolstack's ABI; with it xen-compat.h fixes the
 * interface version itself (to this Xen's, the one the build names). */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "arch.h"
#include "hypercall_page.h"
#include "hypercalls.h"
#include "mm.h"
#include "page_type.h"
#include "pv_mmu.h"
#include "sched.h"
#include <xen/domctl.h>

static spinlock_t domctl_lock;

static long create_domain(struct xen_domctl *op)
{
	const struct xen_domctl_createdomain *c = &op->u.createdomain;
	domid_t id = op->domain;

	if (c->flags & (XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap) ||
	    !c->max_vcpus || c->max_vcpus > MAX_VCPUS)
		return -EINVAL;
	if (!id || id >= DOMID_FIRST_RESERVED)
		id = domain_free_id();
	else if (id >= MAX_DOMAINS || domain_by_id(id))
		return id >= MAX_DOMAINS ? -EINVAL : -EEXIST;
	if (!id)
		return -ENOMEM;
	struct domain *d = domain_create(id, false, c->max_vcpus);
	if (!d)
		return -ENOMEM;
	d->pause_count = 1;                 /* until the toolstack unpauses it */
	d->max_pages = 0;
	op->domain = id;
	return 0;
}

/* As Xen: blocked if every online vCPU is, running if any is on a pCPU. */
static uint32_t vcpu_flags(const struct vcpu *v, uint32_t flags)
{
	if (!v->online)
		return flags;
	if (v->runstate.state != RUNSTATE_blocked)
		flags &= ~XEN_DOMINF_blocked;
	if (v->runstate.state == RUNSTATE_running)
		flags |= XEN_DOMINF_running;
	return flags;
}

void fill_domain_info(const struct domain *d, struct xen_domctl_getdomaininfo *info)
{
	unsigned online = 0;
	uint32_t flags = XEN_DOMINF_blocked;
	uint64_t cpu_time = 0;

	for (unsigned i = 0; i < d->max_vcpus; i++) {
		online += d->vcpu[i]->online;
		cpu_time += d->vcpu[i]->cpu_time;
		flags = vcpu_flags(d->vcpu[i], flags);
	}
	memset(info, 0, sizeof(*info));
	info->cpu_time = cpu_time;
	info->domain = d->domain_id;
	/* The code field holds SHUTDOWN_CODE_INVALID (~0) until there is one,
	 * as Xen reports it, bits above the field included. */
	uint32_t code = d->is_shut_down ? d->shutdown_reason : ~0u;
	info->flags = (code << XEN_DOMINF_shutdownshift) |
		      (d->is_shut_down ? XEN_DOMINF_shutdown : 0);
	if (d->dying)
		info->flags |= XEN_DOMINF_dying | XEN_DOMINF_blocked;
	else if (d->pause_count)
		info->flags |= XEN_DOMINF_paused;
	/* A vCPU that shut its domain down stopped rather than blocked. */
	if (online && !d->dying)
		info->flags |= d->is_shut_down ? flags & ~XEN_DOMINF_blocked : flags;
	info->tot_pages = d->tot_pages;
	info->max_pages = d->max_pages;
	info->shared_info_frame = d->shared_info_mfn;
	info->nr_online_vcpus = online;
	info->max_vcpu_id = d->max_vcpus - 1;
}

/* Like Xen: the first domain whose id is at least the one asked for. */
static long get_domain_info(struct xen_domctl *op)
{
	for (unsigned id = op->domain; id < MAX_DOMAINS; id++) {
		struct domain *d = domain_by_id_any(id);
		if (d) {
			fill_domain_info(d, &op->u.getdomaininfo);
			op->domain = id;
			return 0;
		}
	}
	return -ESRCH;
}

static long hypercall_init(struct domain *d, uint64_t gmfn)
{
	spin_lock(&mm_lock);
	long rc = get_page_and_type(gmfn, PGT_writable, d->domain_id);
	if (!rc) {
		write_hypercall_page(mfn_to_virt(gmfn));
		put_page_and_type(gmfn);
	}
	spin_unlock(&mm_lock);
	return rc;
}

/* Xenith's scheduler speaks Xen's credit parameters: weight 1..65535
 * (0 leaves it), cap in % of one CPU up to 100 per vCPU (~0 leaves it). */
static long scheduler_op(struct domain *d, struct xen_domctl_scheduler_op *s)
{
	struct xen_domctl_sched_credit *c = &s->u.credit;

	if (s->sched_id != XEN_SCHEDULER_CREDIT)
		return -EINVAL;
	if (s->cmd == XEN_DOMCTL_SCHEDOP_getinfo) {
		c->weight = d->weight;
		c->cap = d->cap;
		return 0;
	}
	if (s->cmd != XEN_DOMCTL_SCHEDOP_putinfo)
		return -EINVAL;
	if (c->cap != (uint16_t)~0u && c->cap > 100 * d->max_vcpus)
		return -EINVAL;
	if (c->weight)
		d->weight = c->weight;
	if (c->cap != (uint16_t)~0u)
		d->cap = c->cap;
	return 0;
}

static long on_domain(struct xen_domctl *op, struct domain *d)
{
	switch (op->cmd) {
	case XEN_DOMCTL_destroydomain:
		if (d == current_vcpu()->domain)
			return -EINVAL;
		domain_destroy(d);
		return 0;
	case XEN_DOMCTL_pausedomain:
		if (d == current_vcpu()->domain)
			return -EINVAL;
		domain_pause(d);
		return 0;
	case XEN_DOMCTL_unpausedomain:
		if (!d->pause_count)
			return -EINVAL;
		domain_unpause(d);
		return 0;
	case XEN_DOMCTL_max_vcpus:
		/* Fixed at creation since Xen 4.13: only a matching count passes. */
		return op->u.max_vcpus.max == d->max_vcpus ? 0 : -EINVAL;
	case XEN_DOMCTL_set_address_size:
		/* Only 64-bit PV guests exist here, as on a Xen without PV32. */
		return op->u.address_size.size == 64 ? 0 : -EINVAL;
	case XEN_DOMCTL_get_address_size:
		op->u.address_size.size = 64;
		return 0;
	case XEN_DOMCTL_scheduler_op:
		return scheduler_op(d, &op->u.scheduler_op);
	case XEN_DOMCTL_max_mem:
		d->max_pages = op->u.max_mem.max_memkb >> (PAGE_SHIFT - 10);
		return 0;
	case XEN_DOMCTL_setvcpucontext:
		return set_vcpu_context(d, &op->u.vcpucontext);
	case XEN_DOMCTL_hypercall_init:
		return hypercall_init(d, op->u.hypercall_init.gmfn);
	}
	return -ENOSYS;
}

static long dispatch(struct xen_domctl *op)
{
	if (op->cmd == XEN_DOMCTL_createdomain)
		return create_domain(op);
	if (op->cmd == XEN_DOMCTL_getdomaininfo)
		return get_domain_info(op);
	struct domain *d = domain_by_id(op->domain);
	return d ? on_domain(op, d) : -ESRCH;
}

/* The whole structure goes back, as Xen copies it back: several sub-ops
 * answer in it (the new domain's id, its info). */
long do_domctl(unsigned long arg)
{
	static struct xen_domctl op;           /* under domctl_lock */

	if (!current_vcpu()->domain->is_privileged)
		return -EPERM;
	spin_lock(&domctl_lock);
	long rc = copy_from_guest(&op, arg) ? -EFAULT : 0;
	if (!rc && op.interface_version != XEN_DOMCTL_INTERFACE_VERSION)
		rc = -EACCES;
	if (!rc)
		rc = dispatch(&op);
	if (rc >= 0 && copy_to_guest(arg, &op))
		rc = -EFAULT;
	spin_unlock(&domctl_lock);
	return rc;
}
