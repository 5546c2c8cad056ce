#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "create.h"
#include "path.h"
#include "quota.h"

/* The new nodes, top down, after the existing ancestor's changed copy. */
struct plan {
	struct xs_node **nodes;
	unsigned int count;
};

static void plan_free(struct plan *p)
{
	unsigned int i;

	for (i = 0; i < p->count; i++)
		node_free(p->nodes[i]);
	free(p->nodes);
}

/* Lengths of path's absent prefixes, longest first, into ends; *top is
 * the nearest existing ancestor. Looking through the transaction records
 * each absent level, so a commit notices one created meanwhile. */
static int find_missing(struct xs_conn *c, const char *path, size_t *ends,
			unsigned int *n, const struct xs_node **top)
{
	char dir[XS_PATH_BUF];
	int rc;

	strcpy(dir, path);
	*n = 0;
	do {
		ends[(*n)++] = strlen(dir);
		path_parent(dir, dir);
		rc = store_get(&c->daemon->store, c->tx, dir, top);
	} while (rc == ENOENT);
	return rc;
}

static struct xs_node *new_child(const struct xs_conn *c,
				 const struct xs_node *parent,
				 const char *path, size_t len)
{
	char name[XS_PATH_BUF];
	struct xs_node *node;

	memcpy(name, path, len);
	name[len] = '\0';
	node = node_new(name, parent->perms, parent->nperms);
	if (node && !c->privileged)
		node->perms[0].id = c->domid;
	return node;
}

static int build(const struct xs_conn *c, const char *path, const size_t *ends,
		 const struct xs_node *top, struct plan *p)
{
	unsigned int levels = p->count - 1, i;

	p->nodes[0] = node_copy(top);
	for (i = 1; i <= levels && p->nodes[i - 1]; i++)
		p->nodes[i] = new_child(c, p->nodes[i - 1], path,
					ends[levels - i]);
	if (!p->nodes[levels])
		return ENOMEM;
	for (i = 1; i <= levels; i++)
		if (node_add_child(p->nodes[i - 1],
				   path_basename(p->nodes[i]->path)))
			return ENOMEM;
	return 0;
}

static int check(const struct xs_conn *c, const struct plan *p)
{
	unsigned int i;
	int rc = quota_nodes_room(c, p->count - 1);

	for (i = 0; i < p->count && !rc; i++)
		rc = quota_node_fits(c, p->nodes[i]);
	return rc;
}

static int apply(struct xs_conn *c, struct plan *p)
{
	unsigned int i;
	int rc = 0;

	/* Every path was looked up already, so even in a transaction these
	 * puts find their records and do not fail; each consumes its node. */
	for (i = 0; i < p->count && !rc; i++) {
		rc = store_put(&c->daemon->store, c->tx, p->nodes[i]);
		p->nodes[i] = NULL;
	}
	return rc;
}

int create_node(struct xs_conn *c, const char *path, const void *value,
		unsigned int len)
{
	const struct xs_node *top;
	size_t ends[XS_PATH_BUF / 2];
	struct plan p = { 0 };
	unsigned int missing;
	int rc = find_missing(c, path, ends, &missing, &top);

	if (rc)
		return rc;
	p.count = missing + 1;
	p.nodes = calloc(p.count, sizeof(*p.nodes));
	if (!p.nodes)
		return ENOMEM;
	rc = build(c, path, ends, top, &p);
	if (!rc)
		rc = node_set_value(p.nodes[missing], value, len);
	if (!rc)
		rc = check(c, &p);
	if (!rc)
		rc = apply(c, &p);
	plan_free(&p);
	return rc;
}
