/* xen_version (version.h): Xenith presents itself as Xen 4.17, the ABI it
 * speaks, with its own name in the extra version. */
#include "arch.h"
#include "hypercalls.h"
#include "setup.h"
#include <xen/version.h>
#include <xen/features.h>

static long copy_string_out(unsigned long arg, const char *s, size_t size)
{
	char buf[1024] = { 0 };

	snprintf(buf, MIN(size, sizeof(buf)), "%s", s);
	return copy_to_guest_va(arg, buf, size) ? -EFAULT : 0;
}

static long get_features(unsigned long arg)
{
	xen_feature_info_t fi;

	if (copy_from_guest(&fi, arg))
		return -EFAULT;
	if (fi.submap_idx >= XENFEAT_NR_SUBMAPS)
		return -EINVAL;
	fi.submap = 0;
	if (fi.submap_idx == 0 && current_vcpu()->domain->is_privileged)
		fi.submap |= 1u << XENFEAT_dom0;
	return copy_to_guest(arg, &fi) ? -EFAULT : 0;
}

static long platform_parameters(unsigned long arg)
{
	xen_platform_parameters_t p = { .virt_start = HYPERVISOR_VIRT_START };
	return copy_to_guest(arg, &p) ? -EFAULT : 0;
}

static long compile_info(unsigned long arg)
{
	xen_compile_info_t ci = { 0 };

	snprintf(ci.compiler, sizeof(ci.compiler), "gcc %s", __VERSION__);
	snprintf(ci.compile_by, sizeof(ci.compile_by), "xenith");
	snprintf(ci.compile_domain, sizeof(ci.compile_domain), "xenith");
	snprintf(ci.compile_date, sizeof(ci.compile_date), "%s", __DATE__);
	return copy_to_guest(arg, &ci) ? -EFAULT : 0;
}

long do_xen_version(unsigned long cmd, unsigned long arg)
{
	switch (cmd) {
	case XENVER_version:
		return (XEN_MAJOR << 16) | XEN_MINOR;
	case XENVER_extraversion:
		return copy_string_out(arg, ".0-xenith", sizeof(xen_extraversion_t));
	case XENVER_compile_info:
		return compile_info(arg);
	case XENVER_capabilities:
		return copy_string_out(arg, "xen-3.0-x86_64 ", sizeof(xen_capabilities_info_t));
	case XENVER_changeset:
		return copy_string_out(arg, "xenith", sizeof(xen_changeset_info_t));
	case XENVER_platform_parameters:
		return platform_parameters(arg);
	case XENVER_get_features:
		return get_features(arg);
	case XENVER_pagesize:
		return PAGE_SIZE;
	case XENVER_guest_handle:
		return copy_string_out(arg, "", sizeof(xen_domain_handle_t));
	case XENVER_commandline:
		if (!current_vcpu()->domain->is_privileged)
			return -EPERM;
		return copy_string_out(arg, hypervisor_cmdline, sizeof(xen_commandline_t));
	}
	return -ENOSYS;
}
