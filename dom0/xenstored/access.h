/* A connection's access to nodes: paths from its requests made canonical,
 * and nodes looked up with a permission check that gives nothing away,
 * as Xen's get_node() and errno_from_parents() do. */
#ifndef XENSTORED_ACCESS_H
#define XENSTORED_ACCESS_H

#include <stdbool.h>
#include "conn.h"
#include "node.h"

/* arg (NULL for a missing argument: EINVAL) made canonical into out. */
int access_path(const struct xs_conn *c, const char *arg, bool allow_special,
		char *out);
/* The XS_PERM_* bits c has on node. */
unsigned int access_perms(const struct xs_conn *c, const struct xs_node *node);
/* c's view of the node at a canonical path, if c has every bit of perm on
 * it. Else EACCES, or ENOENT for an absent node whose nearest ancestor
 * grants c some of perm: who may not look there cannot learn what is
 * absent. */
int access_node(struct xs_conn *c, const char *path, unsigned int perm,
		const struct xs_node **node);

#endif
