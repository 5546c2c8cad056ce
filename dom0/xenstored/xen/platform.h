/* What xenstored has in domain 0: rings mapped through privcmd (and dom0's
 * own through /dev/xen/xenbus_backend), channels through /dev/xen/evtchn,
 * domains' states from getdomaininfo. */
#ifndef XENSTORED_XEN_PLATFORM_H
#define XENSTORED_XEN_PLATFORM_H

#include "../daemon.h"

struct xen_platform {
	struct xs_platform ops;
	int evtchn_fd, backend_fd;
	struct xc_interface_core *xc;
};

/* Opens the three devices; -1 with errno and what failed in *what. */
int xen_platform_open(struct xen_platform *p, const char **what);

#endif
