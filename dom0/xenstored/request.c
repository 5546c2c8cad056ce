#include <errno.h>
#include <string.h>
#include "request.h"

const char *req_onearg(const struct xs_request *req)
{
	if (!req->len || strlen(req->data) + 1 != req->len)
		return NULL;
	return req->data;
}

unsigned int req_strings(const struct xs_request *req, const char **vec,
			 unsigned int max)
{
	const char *s = req->data, *end = req->data + req->len;
	unsigned int n = 0;

	/* Bytes after the last NUL are no string: a value that follows. */
	while (s < end && memchr(s, '\0', (size_t)(end - s))) {
		if (n < max)
			vec[n] = s;
		n++;
		s += strlen(s) + 1;
	}
	return n;
}

int req_domid(const char *arg, unsigned int max, unsigned int *domid)
{
	return arg && xs_parse_uint(arg, max, domid) ? 0 : EINVAL;
}

int reply(struct xs_conn *c, const struct xs_request *req, const void *data,
	  unsigned int len)
{
	struct xsd_sockmsg hdr = *req->hdr;

	hdr.len = len;
	return conn_queue(c, &hdr, data);
}

int reply_string(struct xs_conn *c, const struct xs_request *req,
		 const char *s)
{
	return reply(c, req, s, (unsigned int)strlen(s) + 1);
}

int reply_ok(struct xs_conn *c, const struct xs_request *req)
{
	return reply_string(c, req, "OK");
}

void reply_error(struct xs_conn *c, const struct xs_request *req, int error)
{
	struct xsd_sockmsg hdr = *req->hdr;
	const char *name = xs_error_name(error);

	hdr.type = XS_ERROR;
	hdr.len = (uint32_t)strlen(name) + 1;
	conn_queue(c, &hdr, name);
}
