/* XS_INTRODUCE, XS_RELEASE, XS_GET_DOMAIN_PATH and XS_IS_DOMAIN_INTRODUCED.
 * Domain ids are plain decimal: Xen 4.17's atoi() took "abc" for dom0. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <xen/xen.h>
#include "domain.h"
#include "messages.h"
#include "path.h"

/* An id a guest domain can have; dom0 is there from the start. */
static int guest_domid(const char *arg, unsigned int *domid)
{
	int rc = req_domid(arg, DOMID_FIRST_RESERVED - 1, domid);

	return rc || *domid ? rc : EINVAL;
}

/* domid, NUL, the ring page's frame, NUL, the domain's port, NUL. */
int msg_introduce(struct xs_conn *c, const struct xs_request *req)
{
	const char *vec[3];
	unsigned int domid;
	unsigned long mfn, port;
	int rc;

	if (req_strings(req, vec, 3) < 3)
		return EINVAL;
	rc = guest_domid(vec[0], &domid);
	if (rc || !xs_parse_ulong(vec[1], ULONG_MAX, &mfn) ||
	    !xs_parse_ulong(vec[2], INT_MAX, &port) || !port)
		return rc ? rc : EINVAL;
	rc = domain_introduce(c->daemon, domid, mfn, (unsigned int)port);
	return rc ? rc : reply_ok(c, req);
}

int msg_release(struct xs_conn *c, const struct xs_request *req)
{
	unsigned int domid;
	int rc = guest_domid(req_onearg(req), &domid);

	if (!rc)
		rc = domain_release(c->daemon, domid);
	return rc ? rc : reply_ok(c, req);
}

int msg_get_domain_path(struct xs_conn *c, const struct xs_request *req)
{
	char home[XS_HOME_BUF];
	unsigned int domid;
	int rc = req_domid(req_onearg(req), UINT16_MAX, &domid);

	if (rc)
		return rc;
	path_home(domid, home);
	return reply_string(c, req, home);
}

/* dom0 and DOMID_SELF always are. */
int msg_is_domain_introduced(struct xs_conn *c, const struct xs_request *req)
{
	unsigned int domid;
	int rc = req_domid(req_onearg(req), UINT16_MAX, &domid);

	if (rc)
		return rc;
	if (domid == 0 || domid == DOMID_SELF || domain_find(c->daemon, domid))
		return reply_string(c, req, "T");
	return reply_string(c, req, "F");
}
