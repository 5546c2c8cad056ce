#include "builder.h"
#include "xg_env.h"
#include "pagetable.h"

/* What xl and libxl ask for a config that sets none of it. */
#define EVTCHN_PORTS 1023
#define HYPERVISOR_DEFAULT (-1) /* grant and maptrack frames: Xen's limits */
/* libxl lets a domain grow this far past its memory (LIBXL_MAXMEM_CONSTANT). */
#define MAXMEM_SLACK_KB 1024
/* xenconsoled and xenstored run in dom0. */
#define BACKEND_DOMID 0

/* libxl passes the guest's UUID; a test has none. */
static const xen_domain_handle_t handle = "xenith-test-domU";

long builder_step(struct domu *d, const char *name, long rc)
{
	builder_log("builder: %s: %ld\n", name, rc);
	if (rc < 0 && !d->failed_step)
		d->failed_step = name;
	return rc;
}

/* libxl asks for the newest grant table version Xen offers. */
static unsigned int grant_version(const struct xen_sysctl_physinfo *info)
{
	if (info->capabilities & XEN_SYSCTL_PHYSCAP_gnttab_v2)
		return 2;
	return info->capabilities & XEN_SYSCTL_PHYSCAP_gnttab_v1 ? 1 : 0;
}

/* libxl__domain_make: the domain id comes back in op.domain. */
static long create_domain(struct domu *d, domid_t domid)
{
	struct xen_sysctl_physinfo info;
	struct xen_domctl op = { 0 };
	long rc;

	if ((rc = builder_step(d, "XEN_SYSCTL_physinfo", physinfo(&info))) < 0)
		return rc;
	op.u.createdomain = (struct xen_domctl_createdomain){
		.max_vcpus = 1,
		.max_evtchn_port = EVTCHN_PORTS,
		.max_grant_frames = HYPERVISOR_DEFAULT,
		.max_maptrack_frames = HYPERVISOR_DEFAULT,
		.grant_opts = XEN_DOMCTL_GRANT_version(grant_version(&info)),
	};
	memcpy(op.u.createdomain.handle, handle, sizeof(handle));
	rc = domctl(XEN_DOMCTL_createdomain, domid, &op);
	if (builder_step(d, "XEN_DOMCTL_createdomain", rc) < 0)
		return rc;
	d->domid = op.domain;
	builder_log("builder: domain %u\n", d->domid);
	return 0;
}

static long alloc_unbound(struct domu *d, const char *name, evtchn_port_t *port)
{
	long rc = evtchn_alloc_unbound(d->domid, BACKEND_DOMID, port);

	return builder_step(d, name, rc ? rc : *port);
}

/*
 * meminit_pv, in 4 KiB extents only: extent_start holds, going in, the PFN
 * Xen writes in the M2P for each new frame and, coming out, its MFN.
 */
static long populate(struct domu *d)
{
	struct xen_memory_reservation r = { .nr_extents = d->nr_pages,
					    .domid = d->domid };
	xen_pfn_t pfn;
	long rc;

	for (pfn = 0; pfn < d->nr_pages; pfn++)
		d->p2m[pfn] = pfn;
	set_xen_guest_handle(r.extent_start, d->p2m);
	rc = HYPERVISOR_memory_op(XENMEM_populate_physmap, &r);
	builder_step(d, "XENMEM_populate_physmap", rc);
	if (rc >= 0 && (unsigned long)rc != d->nr_pages)
		return builder_step(d, "XENMEM_populate_physmap (all extents)", -XEN_ENOMEM);
	return rc < 0 ? rc : 0;
}

long builder_create(struct domu *d, unsigned long nr_pages)
{
	return builder_create_as(d, DOMID_INVALID, nr_pages);
}

long builder_create_as(struct domu *d, domid_t domid, unsigned long nr_pages)
{
	struct xen_domctl op = { 0 };
	long rc;

	d->failed_step = NULL;
	d->nr_pages = nr_pages;
	if (nr_pages > DOMU_MAX_PAGES)
		return builder_step(d, "nr_pages", -XEN_EINVAL);
	if ((rc = create_domain(d, domid)))
		return rc;
	/* createdomain sized the vCPU array; this creates the vCPUs in it. */
	op.u.max_vcpus.max = 1;
	rc = domctl(XEN_DOMCTL_max_vcpus, d->domid, &op);
	if (builder_step(d, "XEN_DOMCTL_max_vcpus", rc))
		return rc;
	op = (struct xen_domctl){ 0 };
	op.u.max_mem.max_memkb = nr_pages * (PAGE_SIZE >> 10) + MAXMEM_SLACK_KB;
	rc = domctl(XEN_DOMCTL_max_mem, d->domid, &op);
	if (builder_step(d, "XEN_DOMCTL_max_mem", rc) ||
	    (rc = alloc_unbound(d, "EVTCHNOP_alloc_unbound (xenstore)", &d->store_port)) < 0 ||
	    (rc = alloc_unbound(d, "EVTCHNOP_alloc_unbound (console)", &d->console_port)) < 0)
		return rc;
	op = (struct xen_domctl){ .u.address_size.size = 64 };
	rc = domctl(XEN_DOMCTL_set_address_size, d->domid, &op);
	if (builder_step(d, "XEN_DOMCTL_set_address_size", rc))
		return rc;
	return populate(d);
}

long builder_unpause(struct domu *d)
{
	struct xen_domctl op = { 0 };

	return builder_step(d, "XEN_DOMCTL_unpausedomain",
			    domctl(XEN_DOMCTL_unpausedomain, d->domid, &op));
}

long builder_destroy(struct domu *d)
{
	struct xen_domctl op = { 0 };

	return builder_step(d, "XEN_DOMCTL_destroydomain",
			    domctl(XEN_DOMCTL_destroydomain, d->domid, &op));
}
