#include <errno.h>
#include "quota.h"

int quota_node_fits(const struct xs_conn *c, const struct xs_node *node)
{
	if (c->privileged || node_size(node) < c->daemon->quotas.node_size)
		return 0;
	return ENOSPC;
}

int quota_nodes_room(const struct xs_conn *c, unsigned int count)
{
	unsigned int owned = store_owned(&c->daemon->store, c->tx, c->domid);

	if (c->privileged || owned + count <= c->daemon->quotas.nodes)
		return 0;
	return ENOSPC;
}
