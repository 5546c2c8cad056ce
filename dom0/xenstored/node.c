#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "node.h"

/* Xen's tdb record header: a 64-bit generation and three 32-bit counts,
 * padded to 8 bytes. Counting it keeps the node-size quota's edge where
 * Xen has it. */
#define RECORD_HEADER 24

static void *memdup(const void *src, size_t len)
{
	void *p = malloc(len ? len : 1);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

static struct xs_node *alloc_node(const char *path)
{
	struct xs_node *node = calloc(1, sizeof(*node));

	if (!node)
		return NULL;
	node->path = strdup(path);
	if (!node->path) {
		free(node);
		return NULL;
	}
	node->link.key = node->path;
	return node;
}

struct xs_node *node_new(const char *path, const struct xs_permissions *perms,
			 unsigned int nperms)
{
	struct xs_node *node = alloc_node(path);

	if (node && node_set_perms(node, perms, nperms)) {
		node_free(node);
		return NULL;
	}
	return node;
}

struct xs_node *node_copy(const struct xs_node *src)
{
	struct xs_node *node = node_new(src->path, src->perms, src->nperms);

	if (!node)
		return NULL;
	node->generation = src->generation;
	if (node_set_value(node, src->value, src->value_len)) {
		node_free(node);
		return NULL;
	}
	node->children = memdup(src->children, src->children_len);
	if (!node->children) {
		node_free(node);
		return NULL;
	}
	node->children_len = src->children_len;
	return node;
}

void node_free(struct xs_node *node)
{
	if (!node)
		return;
	free(node->path);
	free(node->perms);
	free(node->value);
	free(node->children);
	free(node);
}

int node_set_value(struct xs_node *node, const void *value, unsigned int len)
{
	char *copy = memdup(value, len);

	if (!copy)
		return ENOMEM;
	free(node->value);
	node->value = copy;
	node->value_len = len;
	return 0;
}

int node_set_perms(struct xs_node *node, const struct xs_permissions *perms,
		   unsigned int nperms)
{
	struct xs_permissions *copy = memdup(perms, nperms * sizeof(*perms));

	if (!copy)
		return ENOMEM;
	free(node->perms);
	node->perms = copy;
	node->nperms = nperms;
	return 0;
}

int node_add_child(struct xs_node *node, const char *name)
{
	size_t len = strlen(name) + 1;
	char *children = realloc(node->children, node->children_len + len);

	if (!children)
		return ENOMEM;
	memcpy(children + node->children_len, name, len);
	node->children = children;
	node->children_len += len;
	return 0;
}

void node_remove_child(struct xs_node *node, const char *name)
{
	unsigned int off, len;

	for (off = 0; off < node->children_len; off += len) {
		len = strlen(node->children + off) + 1;
		if (!strcmp(node->children + off, name)) {
			memmove(node->children + off, node->children + off + len,
				node->children_len - off - len);
			node->children_len -= len;
			return;
		}
	}
}

unsigned int node_size(const struct xs_node *node)
{
	return RECORD_HEADER + node->nperms * sizeof(*node->perms) +
	       node->value_len + node->children_len;
}
