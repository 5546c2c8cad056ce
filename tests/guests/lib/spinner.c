#include "domctl.h"
#include "sched.h"
#include "spinner.h"
#include "test.h"
#include "time.h"

/* The builder's initial mapping, 4 MiB, is all a spinner needs. */
#define SPINNER_PAGES 1024
#define MS 1000000ULL
/* How long a destroyed domain may take to be gone and to give its pages back. */
#define SETTLE_NS (1000 * MS)
#define RETRY_NS MS
/* Xen 4.17 keeps one page for good after the first domain it ever builds. */
#define FIRST_DOMAIN_PAGES 1

long pin_as_placed(domid_t domid, uint32_t vcpu)
{
	struct xen_sysctl_physinfo info;
	long rc = physinfo(&info);

	if (rc)
		return rc;
	rc = vcpu_pin(domid, vcpu, (domid + vcpu) % info.nr_cpus);
	printf("setvcpuaffinity: d%uv%u to CPU %u: %ld\n", domid, vcpu,
	       (domid + vcpu) % info.nr_cpus, rc);
	return rc == -XEN_ENOSYS ? 0 : rc;
}

long spinner_start(struct domu *d, domid_t domid)
{
	long rc;

	if (!xen_start_info->mod_start || !xen_start_info->mod_len)
		return builder_step(d, "domu_spinner.elf as the second boot module", -XEN_ENOENT);
	if ((rc = builder_create_as(d, domid, SPINNER_PAGES)) < 0 ||
	    (rc = builder_load(d, (const void *)xen_start_info->mod_start,
			       xen_start_info->mod_len)) ||
	    (rc = builder_step(d, "XEN_DOMCTL_setvcpuaffinity", pin_as_placed(domid, 0))))
		return rc;
	return builder_unpause(d);
}

static long spinner_destroy(struct domu *d)
{
	struct xen_domctl_getdomaininfo info;
	uint64_t deadline = now_ns() + SETTLE_NS;
	long rc = builder_destroy(d);

	if (rc)
		return rc;
	/* Xen 4.17 answers -ESRCH as soon as destroydomain returns; others may lag. */
	while (!(rc = domain_info(d->domid, &info))) {
		if (now_ns() >= deadline)
			return -XEN_ETIMEDOUT;
		if ((rc = sleep_until(now_ns() + RETRY_NS)))
			return rc;
	}
	return rc == -XEN_ESRCH ? 0 : rc;
}

long cpu_time(domid_t domid, uint64_t *ns)
{
	struct xen_domctl_getdomaininfo info;
	long rc = domain_info(domid, &info);

	if (!rc)
		*ns = info.cpu_time;
	return rc;
}

/* Xen 4.17 frees a destroyed domain's last pages after an RCU grace period. */
static long free_pages_back(uint64_t want, uint64_t *free)
{
	struct xen_sysctl_physinfo info;
	uint64_t deadline = now_ns() + SETTLE_NS;
	long rc;

	while (!(rc = physinfo(&info))) {
		*free = info.free_pages;
		if (info.free_pages >= want || now_ns() >= deadline)
			return 0;
		if ((rc = sleep_until(now_ns() + RETRY_NS)))
			return rc;
	}
	return rc;
}

long spinners_run(const struct domu *spinners, unsigned int n, uint64_t window_ns,
		  uint64_t *ran, uint64_t *elapsed)
{
	uint64_t start = now_ns(), end, after;
	long rc;

	for (unsigned int i = 0; i < n; i++)
		if ((rc = cpu_time(spinners[i].domid, &ran[i])))
			return rc;
	if ((rc = sleep_until(start + window_ns)))
		return rc;
	end = now_ns();
	for (unsigned int i = 0; i < n; i++) {
		if ((rc = cpu_time(spinners[i].domid, &after)))
			return rc;
		ran[i] = after - ran[i];
	}
	*elapsed = end - start;
	return 0;
}

void expect_spinners_gone(struct domu *spinners, unsigned int n, uint64_t free_before)
{
	uint64_t after = 0;
	long rc;

	for (unsigned int i = 0; i < n; i++)
		if (spinners[i].domid && (rc = spinner_destroy(&spinners[i])))
			fail("destroying spinner d%u: %ld", spinners[i].domid, rc);
	if ((rc = free_pages_back(free_before - FIRST_DOMAIN_PAGES, &after)))
		fail("physinfo after destroying the spinners: %ld", rc);
	printf("%s: free pages: %lu before the spinners, %lu after\n", test_name,
	       (unsigned long)free_before, (unsigned long)after);
	expect(after + FIRST_DOMAIN_PAGES >= free_before,
	       "free pages: %lu before the spinners, %lu after", (unsigned long)free_before,
	       (unsigned long)after);
}
