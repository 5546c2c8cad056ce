#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "path.h"
#include "remove.h"
#include "watch.h"

/* Paths of a subtree, parents before children. */
struct subtree {
	char **paths;
	unsigned int count, size;
};

static int add(struct subtree *t, const char *path)
{
	char *copy;

	if (t->count == t->size) {
		unsigned int size = t->size ? 2 * t->size : 16;
		char **paths = realloc(t->paths, size * sizeof(*paths));

		if (!paths)
			return ENOMEM;
		t->paths = paths;
		t->size = size;
	}
	copy = strdup(path);
	if (!copy)
		return ENOMEM;
	t->paths[t->count++] = copy;
	return 0;
}

static void subtree_free(struct subtree *t)
{
	while (t->count)
		free(t->paths[--t->count]);
	free(t->paths);
}

static int add_children(struct subtree *t, const struct xs_node *node)
{
	char child[XS_PATH_BUF];
	unsigned int off;
	int rc = 0;

	for (off = 0; off < node->children_len && !rc;
	     off += strlen(node->children + off) + 1) {
		rc = path_child(node->path, node->children + off, child);
		if (!rc)
			rc = add(t, child);
	}
	return rc;
}

/* Breadth first, through the transaction, so that each node removed is
 * recorded before anything changes. */
static int collect(struct xs_conn *c, const char *path, struct subtree *t)
{
	const struct xs_node *node;
	unsigned int i;
	int rc = add(t, path);

	for (i = 0; i < t->count && !rc; i++) {
		rc = store_get(&c->daemon->store, c->tx, t->paths[i], &node);
		if (!rc)
			rc = add_children(t, node);
	}
	return rc;
}

static int unlink_from_parent(struct xs_conn *c, const char *path)
{
	char dir[XS_PATH_BUF];
	const struct xs_node *parent;
	struct xs_node *copy;
	int rc;

	path_parent(path, dir);
	rc = store_get(&c->daemon->store, c->tx, dir, &parent);
	if (rc)
		return rc;
	copy = node_copy(parent);
	if (!copy)
		return ENOMEM;
	node_remove_child(copy, path_basename(path));
	return store_put(&c->daemon->store, c->tx, copy);
}

int remove_node(struct xs_conn *c, const char *path)
{
	struct xs_store *s = &c->daemon->store;
	struct subtree t = { 0 };
	const struct xs_node *node;
	int rc = collect(c, path, &t);

	if (!rc)
		rc = unlink_from_parent(c, path);
	while (!rc && t.count) {
		const char *victim = t.paths[t.count - 1];
		struct xs_event *e = NULL;

		rc = store_get(s, c->tx, victim, &node);
		if (!rc) {
			e = event_new(victim, t.count > 1, node);
			rc = store_remove(s, c->tx, victim);
		}
		if (rc)
			event_free(e);
		else
			watch_notify(c, e);
		free(t.paths[--t.count]);
	}
	subtree_free(&t);
	return rc;
}
