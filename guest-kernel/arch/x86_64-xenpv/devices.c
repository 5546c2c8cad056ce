/* The PV port's devices: misc devices (major 10) as on Linux, where their
 * minors are dynamic. */
#include "dev.h"
#include "xenbus.h"
#include "xenpv.h"

/* dom0's own first: a domU's table starts at DOMU_FIRST. */
static const struct device devices[] = {
	{ "xen/privcmd", DEV_NUMBER(10, 62), 0600, &privcmd_ops, NULL },
	{ "xen/xenbus_backend", DEV_NUMBER(10, 60), 0600, &xenbus_backend_ops, NULL },
#define DOMU_FIRST 2
	{ "xen/evtchn", DEV_NUMBER(10, 63), 0600, &evtchn_ops, NULL },
	{ "xen/xenbus", DEV_NUMBER(10, 61), 0600, &xenbus_dev_ops, xenbus_start },
	{ 0 },
};

/* Only domain 0 may make privileged hypercalls or serve xenstore: a domU
 * has neither privcmd nor xenbus_backend. Every domain has event channels
 * and a xenstore connection. */
const struct device *arch_devices(void)
{
	return xen_start.flags & SIF_INITDOMAIN ? devices : devices + DOMU_FIRST;
}
