/* xl pause, unpause and destroy of one domain, by id; and what the other
 * commands ask of a domain's life. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xl_cmd.h"

static int act(xc_interface *xch, const char *what, const char *arg,
	       int (*op)(xc_interface *, uint32_t))
{
	uint32_t domid;

	if (xl_domid(arg, &domid))
		return 1;
	if (op(xch, domid) < 0) {
		fprintf(stderr, "xl: %s %u: %s\n", what, domid, strerror(errno));
		return 1;
	}
	return 0;
}

int xl_pause(xc_interface *xch, char **argv)
{
	return act(xch, "pause", argv[0], xc_domain_pause);
}

int xl_unpause(xc_interface *xch, char **argv)
{
	return act(xch, "unpause", argv[0], xc_domain_unpause);
}

int xl_destroy(xc_interface *xch, char **argv)
{
	int rc = act(xch, "destroy", argv[0], xc_domain_destroy);
	uint32_t domid;

	if (!rc && !xl_domid(argv[0], &domid))
		xl_store_forget(domid);
	return rc;
}

int xl_domain_state(xc_interface *xch, uint32_t domid)
{
	xc_domaininfo_t info;

	if (xc_domain_getinfolist(xch, domid, 1, &info) != 1 || info.domain != domid ||
	    (info.flags & XEN_DOMINF_dying))
		return XL_DOMAIN_GONE;
	if (!(info.flags & XEN_DOMINF_shutdown))
		return XL_DOMAIN_RUNNING;
	return (int)((info.flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask);
}

void xl_domain_remove(xc_interface *xch, uint32_t domid)
{
	xc_domain_destroy(xch, domid);
	xl_store_forget(domid);
}
