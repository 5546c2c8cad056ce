#include <errno.h>
#include <stdlib.h>
#include "store.h"
#include "transaction.h"

/* Domain ids are 16 bits on the wire of permissions. */
#define NR_DOMIDS (UINT16_MAX + 1)

struct xs_node *store_committed(const struct xs_store *s, const char *path)
{
	struct strmap_link *link = strmap_get(&s->nodes, path);

	return link ? container_of(link, struct xs_node, link) : NULL;
}

static void commit_put(struct xs_store *s, struct xs_node *node)
{
	struct strmap_link *old = strmap_put(&s->nodes, &node->link);

	if (old) {
		struct xs_node *prev = container_of(old, struct xs_node, link);

		s->owned[node_owner(prev)]--;
		node_free(prev);
	}
	s->owned[node_owner(node)]++;
}

static void commit_remove(struct xs_store *s, const char *path)
{
	struct strmap_link *old = strmap_remove(&s->nodes, path);

	if (old) {
		struct xs_node *prev = container_of(old, struct xs_node, link);

		s->owned[node_owner(prev)]--;
		node_free(prev);
	}
}

static int add_initial(struct xs_store *s, const char *path, const char *child)
{
	static const struct xs_permissions dom0_only = { 0, XS_PERM_NONE };
	struct xs_node *node = node_new(path, &dom0_only, 1);

	if (!node || (child && node_add_child(node, child))) {
		node_free(node);
		return ENOMEM;
	}
	return store_put(s, NULL, node);
}

int store_init(struct xs_store *s)
{
	s->generation = 0;
	s->owned = calloc(NR_DOMIDS, sizeof(*s->owned));
	if (!s->owned || strmap_init(&s->nodes)) {
		free(s->owned);
		return ENOMEM;
	}
	if (add_initial(s, "/", "tool") ||
	    add_initial(s, "/tool", "xenstored") ||
	    add_initial(s, "/tool/xenstored", NULL) ||
	    add_initial(s, "@introduceDomain", NULL) ||
	    add_initial(s, "@releaseDomain", NULL)) {
		store_destroy(s);
		return ENOMEM;
	}
	return 0;
}

void store_destroy(struct xs_store *s)
{
	struct strmap_iter it;
	struct strmap_link *link;

	for (link = strmap_first(&s->nodes, &it); link;
	     link = strmap_next(&s->nodes, &it))
		node_free(container_of(link, struct xs_node, link));
	strmap_destroy(&s->nodes);
	free(s->owned);
}

int store_get(struct xs_store *s, struct xs_tx *tx, const char *path,
	      const struct xs_node **node)
{
	struct xs_access *rec;
	int rc;

	if (!tx) {
		*node = store_committed(s, path);
		return *node ? 0 : ENOENT;
	}
	rc = tx_access(s, tx, path, &rec);
	if (rc)
		return rc;
	*node = rec->modified ? rec->node : store_committed(s, path);
	return *node ? 0 : ENOENT;
}

int store_put(struct xs_store *s, struct xs_tx *tx, struct xs_node *node)
{
	node->generation = ++s->generation;
	if (!tx) {
		commit_put(s, node);
		return 0;
	}
	return tx_change(s, tx, node->path, node);
}

int store_remove(struct xs_store *s, struct xs_tx *tx, const char *path)
{
	if (!tx) {
		commit_remove(s, path);
		return 0;
	}
	return tx_change(s, tx, path, NULL);
}

unsigned int store_owned(const struct xs_store *s, const struct xs_tx *tx,
			 unsigned int domid)
{
	unsigned int n = s->owned[domid];

	return tx ? n + tx_owned_delta(s, tx, domid) : n;
}

static bool mentions(const struct xs_node *node, unsigned int domid)
{
	unsigned int i;

	for (i = 0; i < node->nperms; i++)
		if (node->perms[i].id == domid)
			return true;
	return false;
}

static void disown(struct xs_node *node, unsigned int domid)
{
	unsigned int i, kept = 1;

	if (node->perms[0].id == domid)
		node->perms[0].id = 0;
	for (i = 1; i < node->nperms; i++)
		if (node->perms[i].id != domid)
			node->perms[kept++] = node->perms[i];
	node->nperms = kept;
}

int store_disown(struct xs_store *s, unsigned int domid)
{
	struct xs_node *changed = NULL, *copy;
	struct strmap_iter it;
	struct strmap_link *link;
	int rc = 0;

	/* Changed copies wait on a list, chained through their unused map
	 * links: putting them while iterating could grow the map under us. */
	for (link = strmap_first(&s->nodes, &it); link;
	     link = strmap_next(&s->nodes, &it)) {
		const struct xs_node *node = container_of(link, struct xs_node,
							  link);

		if (!mentions(node, domid))
			continue;
		copy = node_copy(node);
		if (!copy) {
			rc = ENOMEM;
			continue;
		}
		disown(copy, domid);
		copy->link.next = changed ? &changed->link : NULL;
		changed = copy;
	}
	while (changed) {
		copy = changed;
		changed = copy->link.next ?
			container_of(copy->link.next, struct xs_node, link) :
			NULL;
		store_put(s, NULL, copy);
	}
	return rc;
}
