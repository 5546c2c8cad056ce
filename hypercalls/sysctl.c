/*
 * sysctl (sysctl.h): what the toolstack asks about the machine — its CPUs
 * and memory (physinfo) and the list of domains (getdomaininfolist).
 * Privileged callers only, with this Xen's interface version; other
 * sub-ops return -ENOSYS (docs/abi.md).
 */
/* sysctl.h is the toolstack's ABI; with it xen-compat.h fixes the
 * interface version itself (to this Xen's, the one the build names). */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "arch.h"
#include "hypercalls.h"
#include "mm.h"
#include "time.h"
#include <xen/sysctl.h>

static long physinfo(struct xen_sysctl_physinfo *pi)
{
	memset(pi, 0, sizeof(*pi));
	pi->threads_per_core = 1;
	pi->cores_per_socket = nr_cpus_online;
	pi->nr_cpus = nr_cpus_online;
	pi->max_cpu_id = nr_cpus_online - 1;
	pi->nr_nodes = 1;
	pi->cpu_khz = tsc_khz;
	pi->capabilities = XEN_SYSCTL_PHYSCAP_pv;
	pi->total_pages = max_mfn;
	pi->free_pages = machine_frames.nr_free;
	pi->max_mfn = max_mfn - 1;
	return 0;
}

/* Domains from first_domain upward, at most max_domains of them. */
static long domain_info_list(struct xen_sysctl_getdomaininfolist *l)
{
	struct xen_domctl_getdomaininfo info;
	uint32_t n = 0;

	for (unsigned id = l->first_domain; id < MAX_DOMAINS && n < l->max_domains; id++) {
		struct domain *d = domain_by_id_any(id);
		if (!d)
			continue;
		fill_domain_info(d, &info);
		if (copy_to_guest_va((unsigned long)l->buffer.p + n * sizeof(info), &info, sizeof(info)))
			return -EFAULT;
		n++;
	}
	l->num_domains = n;
	return 0;
}

long do_sysctl(unsigned long arg)
{
	static struct xen_sysctl op;
	static spinlock_t sysctl_lock;
	long rc;

	if (!current_vcpu()->domain->is_privileged)
		return -EPERM;
	spin_lock(&sysctl_lock);
	rc = copy_from_guest(&op, arg) ? -EFAULT : 0;
	if (!rc && op.interface_version != XEN_SYSCTL_INTERFACE_VERSION)
		rc = -EACCES;
	if (!rc) {
		switch (op.cmd) {
		case XEN_SYSCTL_physinfo:           rc = physinfo(&op.u.physinfo); break;
		case XEN_SYSCTL_getdomaininfolist:  rc = domain_info_list(&op.u.getdomaininfolist); break;
		case XEN_SYSCTL_sched_id:           op.u.sched_id.sched_id = XEN_SCHEDULER_CREDIT; break;
		default:                            rc = -ENOSYS;
		}
	}
	if (!rc && copy_to_guest(arg, &op))
		rc = -EFAULT;
	spin_unlock(&sysctl_lock);
	return rc;
}
