/* A node of the store: value, permissions and the names of its children,
 * laid out as Xen's xenstored records them. A node in the store is never
 * changed in place: changes are made to a copy, which replaces it. */
#ifndef XENSTORED_NODE_H
#define XENSTORED_NODE_H

#include <stdint.h>
#include <xenstore_lib.h>
#include "strmap.h"

struct xs_node {
	struct strmap_link link;	/* keyed by path */
	char *path;
	uint64_t generation;		/* the store's count at its last change */
	struct xs_permissions *perms;	/* [0]: owner, and everyone else's */
	unsigned int nperms;
	char *value;
	unsigned int value_len;
	char *children;			/* names, each NUL-terminated */
	unsigned int children_len;
};

struct xs_node *node_new(const char *path, const struct xs_permissions *perms,
			 unsigned int nperms);
struct xs_node *node_copy(const struct xs_node *node);
void node_free(struct xs_node *node);
int node_set_value(struct xs_node *node, const void *value, unsigned int len);
int node_set_perms(struct xs_node *node, const struct xs_permissions *perms,
		   unsigned int nperms);
int node_add_child(struct xs_node *node, const char *name);
void node_remove_child(struct xs_node *node, const char *name);
/* The size the node-size quota limits: Xen's record of the node. */
unsigned int node_size(const struct xs_node *node);

static inline unsigned int node_owner(const struct xs_node *node)
{
	return node->perms[0].id;
}

#endif
