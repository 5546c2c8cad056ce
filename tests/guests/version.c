/* xen_version: every sub-op a guest kernel asks at boot, and a bad one. */
#include "badptr.h"
#include "hypercall.h"
#include "string.h"
#include "test.h"

const char test_name[] = "version";

/* The ABI Xenith speaks is the one of Debian's Xen 4.17 headers. */
#define EXPECTED_VERSION ((4 << 16) | 17)

static void test_version(void)
{
	long version = HYPERVISOR_xen_version(XENVER_version, NULL);
	xen_extraversion_t extra;
	long rc;

	memset(extra, 'x', sizeof(extra));
	rc = HYPERVISOR_xen_version(XENVER_extraversion, extra);
	expect_eq(rc, 0, "XENVER_extraversion");
	expect(strnlen(extra, sizeof(extra)) < sizeof(extra),
	       "extraversion is not NUL-terminated");
	printf("version: Xen %lu.%lu%s\n", version >> 16, version & 0xffff,
	       rc ? "" : extra);
	expect_eq(version, EXPECTED_VERSION, "XENVER_version");
}

static void test_capabilities(void)
{
	static xen_capabilities_info_t caps;

	expect_eq(HYPERVISOR_xen_version(XENVER_capabilities, caps), 0,
		  "XENVER_capabilities");
	expect(strnlen(caps, sizeof(caps)) < sizeof(caps),
	       "capabilities are not NUL-terminated");
	printf("version: capabilities \"%s\"\n", caps);
	expect(strstr(caps, "xen-3.0-x86_64"),
	       "capabilities \"%s\" lack xen-3.0-x86_64", caps);
}

static void test_features(void)
{
	xen_feature_info_t fi = { .submap_idx = 0 };

	expect_eq(HYPERVISOR_xen_version(XENVER_get_features, &fi), 0,
		  "XENVER_get_features submap 0");
	printf("version: features submap 0 = 0x%x\n", fi.submap);
	expect(fi.submap & (1U << XENFEAT_dom0),
	       "features 0x%x lack XENFEAT_dom0", fi.submap);
	expect(!(fi.submap & (1U << XENFEAT_auto_translated_physmap)),
	       "features 0x%x claim auto-translated physmap for a PV guest",
	       fi.submap);
	fi.submap_idx = 1;
	expect_eq(HYPERVISOR_xen_version(XENVER_get_features, &fi), -XEN_EINVAL,
		  "XENVER_get_features submap 1");
}

static void test_parameters(void)
{
	xen_platform_parameters_t params;

	expect_eq(HYPERVISOR_xen_version(XENVER_pagesize, NULL), 4096,
		  "XENVER_pagesize");
	expect_eq(HYPERVISOR_xen_version(XENVER_platform_parameters, &params), 0,
		  "XENVER_platform_parameters");
	expect_eq(params.virt_start, HYPERVISOR_VIRT_START,
		  "platform_parameters virt_start");
}

static void test_bad_calls(void)
{
	expect_eq(HYPERVISOR_xen_version(0x7fff, NULL), -XEN_ENOSYS,
		  "unknown xen_version sub-op");
	expect_eq(HYPERVISOR_xen_version(XENVER_extraversion, BAD_PTR_UNMAPPED),
		  -XEN_EFAULT, "XENVER_extraversion into an unmapped buffer");
	expect_eq(HYPERVISOR_xen_version(XENVER_capabilities, BAD_PTR_HYPERVISOR),
		  -XEN_EFAULT, "XENVER_capabilities into a hypervisor address");
}

void test_main(void)
{
	test_version();
	test_capabilities();
	test_features();
	test_parameters();
	test_bad_calls();
}
