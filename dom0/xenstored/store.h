/* The store: every node by path, and how many nodes each domain owns.
 * Reads and changes go through a transaction when one is given: it then
 * sees its own changes and records what it touched (transaction.h). */
#ifndef XENSTORED_STORE_H
#define XENSTORED_STORE_H

#include <stdint.h>
#include "node.h"
#include "strmap.h"

struct xs_tx;

struct xs_store {
	struct strmap nodes;
	uint64_t generation;	/* the last one given to a node */
	unsigned int *owned;	/* nodes owned, indexed by domid */
};

/* "/", "/tool", "/tool/xenstored" and the special nodes, owned by dom0 and
 * closed to others ("n0"), as Xen's xenstored starts. */
int store_init(struct xs_store *s);
void store_destroy(struct xs_store *s);

/* ENOENT if path is absent in tx's view; ENOSPC if tx may not touch one
 * more node. The node stays valid until the next change to the store. */
int store_get(struct xs_store *s, struct xs_tx *tx, const char *path,
	      const struct xs_node **node);
/* Puts node in place of the one at its path, if any; consumes node (also
 * when it fails, which only in a transaction it can: ENOMEM, ENOSPC). */
int store_put(struct xs_store *s, struct xs_tx *tx, struct xs_node *node);
int store_remove(struct xs_store *s, struct xs_tx *tx, const char *path);
/* The node outside any transaction, NULL if absent. */
struct xs_node *store_committed(const struct xs_store *s, const char *path);
/* A released domain leaves its nodes to dom0 and its permission entries
 * vanish, so that a later domain reusing the id inherits neither. ENOMEM
 * if some node could not be changed. */
int store_disown(struct xs_store *s, unsigned int domid);
/* Nodes domid would own if tx committed now. */
unsigned int store_owned(const struct xs_store *s, const struct xs_tx *tx,
			 unsigned int domid);

#endif
