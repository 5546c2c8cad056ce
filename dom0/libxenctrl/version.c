/* xen_version. Only the string commands' buffers are written before the
 * call; another command's buffer must have been written by the caller. */
#include "xc_private.h"

static size_t buffer_size(int cmd)
{
	switch (cmd) {
	case XENVER_extraversion:
		return sizeof(xen_extraversion_t);
	case XENVER_capabilities:
		return sizeof(xen_capabilities_info_t);
	case XENVER_changeset:
		return sizeof(xen_changeset_info_t);
	default:
		return 0;
	}
}

int xc_version(xc_interface *xch, int cmd, void *arg)
{
	if (arg)
		xc_touch(arg, buffer_size(cmd));
	return (int)xc_hypercall(xch, __HYPERVISOR_xen_version, (unsigned long)cmd,
				 (unsigned long)arg);
}
