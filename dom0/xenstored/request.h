/* A request being handled, the reading of its arguments, and replies.
 * Handlers return 0 once they replied, or an errno value that dispatch()
 * sends as XS_ERROR. */
#ifndef XENSTORED_REQUEST_H
#define XENSTORED_REQUEST_H

#include "conn.h"

struct xs_request {
	const struct xsd_sockmsg *hdr;
	const char *data;	/* len bytes, then a NUL */
	unsigned int len;
};

/* The argument of a request that takes one string: the payload must be
 * that string and its NUL, nothing else (Xen's onearg()). NULL if not. */
const char *req_onearg(const struct xs_request *req);
/* Fills vec with up to max of the request's NUL-terminated strings and
 * returns how many there are (Xen's get_strings()). */
unsigned int req_strings(const struct xs_request *req, const char **vec,
			 unsigned int max);
/* A domain id argument, up to max; EINVAL unless plain decimal. */
int req_domid(const char *arg, unsigned int max, unsigned int *domid);

/* A reply of req's type echoing its req_id and tx_id: E2BIG if longer
 * than XENSTORE_PAYLOAD_MAX, as Xen answers. */
int reply(struct xs_conn *c, const struct xs_request *req, const void *data,
	  unsigned int len);
/* A string and its NUL. */
int reply_string(struct xs_conn *c, const struct xs_request *req,
		 const char *s);
int reply_ok(struct xs_conn *c, const struct xs_request *req);
/* XS_ERROR with error's name (xs_error_name()). */
void reply_error(struct xs_conn *c, const struct xs_request *req, int error);

#endif
