/* The PV port's devices: misc devices (major 10) as on Linux, where their
 * minors are dynamic. */
#include "dev.h"
#include "xenpv.h"

/* privcmd first: a domU's table starts past it. */
static const struct device devices[] = {
	{ "xen/privcmd", DEV_NUMBER(10, 62), 0600, &privcmd_ops },
	{ "xen/evtchn", DEV_NUMBER(10, 63), 0600, &evtchn_ops },
	{ 0 },
};

/* Only domain 0 may make privileged hypercalls: a domU has no privcmd.
 * Every domain has event channels. */
const struct device *arch_devices(void)
{
	return xen_start.flags & SIF_INITDOMAIN ? devices : devices + 1;
}
