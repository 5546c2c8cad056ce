/* The quotas that bind unprivileged domains (struct xs_quotas), with Xen's
 * answer when one is exceeded: ENOSPC. */
#ifndef XENSTORED_QUOTA_H
#define XENSTORED_QUOTA_H

#include "conn.h"
#include "node.h"

/* Whether c may write node as it now is. */
int quota_node_fits(const struct xs_conn *c, const struct xs_node *node);
/* Whether c may come to own count more nodes. */
int quota_nodes_room(const struct xs_conn *c, unsigned int count);

#endif
