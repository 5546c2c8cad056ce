/*
 * A toolstack asks for domains of 8 vCPUs until the hypervisor refuses:
 * Xenith when its CPUs hold all the vCPUs they can, Xen when its memory
 * runs out. The refusal must be an error, not a crash; every domain made
 * is then destroyed and dom0 carries on.
 */
#include "alive.h"
#include "domctl.h"
#include "test.h"

const char test_name[] = "vcpu_flood";

#define VCPUS 8
/* More than either hypervisor here can hold. */
#define MAX_DOMAINS_TRIED 1000

static domid_t made[MAX_DOMAINS_TRIED];

static long create(domid_t *domid)
{
	struct xen_domctl op = { 0 };
	long rc;

	op.u.createdomain = (struct xen_domctl_createdomain){
		.max_vcpus = VCPUS,
		.max_evtchn_port = 1023,
		.max_grant_frames = -1,
		.max_maptrack_frames = -1,
		.grant_opts = XEN_DOMCTL_GRANT_version(1),
	};
	if ((rc = domctl(XEN_DOMCTL_createdomain, DOMID_INVALID, &op)))
		return rc;
	*domid = op.domain;
	op = (struct xen_domctl){ .u.max_vcpus.max = VCPUS };
	return domctl(XEN_DOMCTL_max_vcpus, *domid, &op);
}

void test_main(void)
{
	unsigned n = 0;
	long rc = 0;

	while (n < MAX_DOMAINS_TRIED && !(rc = create(&made[n])))
		n++;
	printf("vcpu_flood: %u domains of %u vCPUs, then %ld\n", n, VCPUS, rc);
	expect(n < MAX_DOMAINS_TRIED && rc == -XEN_ENOMEM, "the flood ended with %ld", rc);
	/* The last one may exist without its vCPUs. */
	if (rc && made[n])
		n++;
	for (unsigned i = 0; i < n; i++) {
		struct xen_domctl op = { 0 };

		expect_eq(domctl(XEN_DOMCTL_destroydomain, made[i], &op), 0, "destroying a domain");
	}
	expect_alive();
}
