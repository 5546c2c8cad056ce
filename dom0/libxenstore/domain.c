/* The toolstack's requests about domains. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "handle.h"

#define DOMID_BUF MAX_STRLEN(unsigned int)

/* A domid in decimal and its NUL: the payload's length. */
static unsigned int domid_arg(char *buf, unsigned int domid)
{
	return (unsigned int)snprintf(buf, DOMID_BUF, "%u", domid) + 1;
}

/* domid, NUL, mfn, NUL, port, NUL. */
bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
			 unsigned long mfn, unsigned int eventchn)
{
	char buf[3 * MAX_STRLEN(mfn)];
	int len = snprintf(buf, sizeof(buf), "%u%c%lu%c%u", domid, '\0', mfn,
			   '\0', eventchn);

	return talk_ok(h, &h->req, XBT_NULL, XS_INTRODUCE, buf,
		       (unsigned int)len + 1);
}

bool xs_release_domain(struct xs_handle *h, unsigned int domid)
{
	char arg[DOMID_BUF];
	unsigned int len = domid_arg(arg, domid);

	return talk_ok(h, &h->req, XBT_NULL, XS_RELEASE, arg, len);
}

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid)
{
	char arg[DOMID_BUF];
	unsigned int len = domid_arg(arg, domid);

	return talk(h, &h->req, XBT_NULL, XS_GET_DOMAIN_PATH, arg, len, NULL);
}

/* false also when the daemon could not be asked (errno says why). */
bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid)
{
	char arg[DOMID_BUF];
	unsigned int len = domid_arg(arg, domid);
	char *reply = talk(h, &h->req, XBT_NULL, XS_IS_DOMAIN_INTRODUCED, arg,
			   len, NULL);
	bool introduced = reply && !strcmp(reply, "T");

	free(reply);
	return introduced;
}
