/* Runs one request: Xen's process_message(). */
#ifndef XENSTORED_DISPATCH_H
#define XENSTORED_DISPATCH_H

#include "conn.h"

/* payload holds hdr->len bytes and a NUL after them. */
void dispatch(struct xs_conn *c, const struct xsd_sockmsg *hdr,
	      const char *payload);

#endif
