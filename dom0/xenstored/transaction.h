/* Transactions as Xen's xenstored (since 4.9) runs them: a transaction
 * records every node it reads or writes with the generation the node had
 * when first touched (0: absent) and keeps its changes to itself. Ending
 * it with "T" commits the changes if none of the nodes it touched changed
 * meanwhile, else fails with EAGAIN and the client starts over. */
#ifndef XENSTORED_TRANSACTION_H
#define XENSTORED_TRANSACTION_H

#include <stdbool.h>
#include <stdint.h>
#include "event.h"
#include "store.h"
#include "strmap.h"

struct xs_access {
	struct strmap_link link;	/* keyed by path */
	char *path;
	uint64_t seen;		/* generation when first touched, 0 if absent */
	bool modified;
	struct xs_node *node;	/* the change when modified; NULL: removed */
};

struct xs_tx {
	struct xs_tx *next;	/* the connection's transactions */
	uint32_t id;
	struct strmap accessed;
	unsigned int naccessed;
	unsigned int max_accessed;	/* 0: no limit (privileged domains) */
	bool created;		/* a node came into being: commit checks quota */
	struct xs_event *events, **events_tail;	/* fired at commit */
};

struct xs_tx *tx_new(uint32_t id, unsigned int max_accessed);
void tx_free(struct xs_tx *tx);
/* The record of path in tx, made on first touch; ENOSPC past max_accessed. */
int tx_access(struct xs_store *s, struct xs_tx *tx, const char *path,
	      struct xs_access **rec);
/* Records node (NULL: removal) as tx's view of path; consumes node. */
int tx_change(struct xs_store *s, struct xs_tx *tx, const char *path,
	      struct xs_node *node);
/* How many more nodes (or fewer) domid owns in tx's view than committed. */
int tx_owned_delta(const struct xs_store *s, const struct xs_tx *tx,
		   unsigned int domid);
void tx_queue_event(struct xs_tx *tx, struct xs_event *e);
/* Applies tx's changes to the store, or fails with EAGAIN. Either way tx
 * is spent: its events go to the caller to fire (and free), only when it
 * committed. */
int tx_commit(struct xs_store *s, struct xs_tx *tx, struct xs_event **events);

#endif
