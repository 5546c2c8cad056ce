/* xl pause, unpause and destroy of one domain, by id. */
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
