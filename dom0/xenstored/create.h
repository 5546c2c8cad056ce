/* Making a node and any missing ancestors, as XS_WRITE and XS_MKDIR do. */
#ifndef XENSTORED_CREATE_H
#define XENSTORED_CREATE_H

#include "conn.h"

/* The caller found path absent and its nearest ancestor writable by c
 * (access_node()). Each new node inherits its parent's permissions, and
 * an unprivileged creator owns it. Nothing changes unless all fits the
 * quotas. */
int create_node(struct xs_conn *c, const char *path, const void *value,
		unsigned int len);

#endif
