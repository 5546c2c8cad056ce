#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "transaction.h"

static struct xs_access *record(struct strmap_link *link)
{
	return link ? container_of(link, struct xs_access, link) : NULL;
}

static uint64_t generation_of(const struct xs_node *node)
{
	return node ? node->generation : 0;
}

struct xs_tx *tx_new(uint32_t id, unsigned int max_accessed)
{
	struct xs_tx *tx = calloc(1, sizeof(*tx));

	if (!tx)
		return NULL;
	if (strmap_init(&tx->accessed)) {
		free(tx);
		return NULL;
	}
	tx->id = id;
	tx->max_accessed = max_accessed;
	tx->events_tail = &tx->events;
	return tx;
}

static void free_events(struct xs_event *e)
{
	while (e) {
		struct xs_event *next = e->next;

		event_free(e);
		e = next;
	}
}

void tx_free(struct xs_tx *tx)
{
	struct strmap_iter it;
	struct strmap_link *link;

	for (link = strmap_first(&tx->accessed, &it); link;
	     link = strmap_next(&tx->accessed, &it)) {
		struct xs_access *rec = record(link);

		node_free(rec->node);
		free(rec->path);
		free(rec);
	}
	strmap_destroy(&tx->accessed);
	free_events(tx->events);
	free(tx);
}

int tx_access(struct xs_store *s, struct xs_tx *tx, const char *path,
	      struct xs_access **out)
{
	struct xs_access *rec = record(strmap_get(&tx->accessed, path));

	if (!rec) {
		if (tx->max_accessed && tx->naccessed >= tx->max_accessed)
			return ENOSPC;
		rec = calloc(1, sizeof(*rec));
		if (!rec || !(rec->path = strdup(path))) {
			free(rec);
			return ENOMEM;
		}
		rec->link.key = rec->path;
		rec->seen = generation_of(store_committed(s, path));
		strmap_put(&tx->accessed, &rec->link);
		tx->naccessed++;
	}
	*out = rec;
	return 0;
}

int tx_change(struct xs_store *s, struct xs_tx *tx, const char *path,
	      struct xs_node *node)
{
	struct xs_access *rec;
	int rc = tx_access(s, tx, path, &rec);

	if (rc) {
		node_free(node);
		return rc;
	}
	if (node && !(rec->modified ? rec->node : store_committed(s, path)))
		tx->created = true;
	if (rec->modified)
		node_free(rec->node);
	rec->node = node;
	rec->modified = true;
	return 0;
}

static bool owned_by(const struct xs_node *node, unsigned int domid)
{
	return node && node_owner(node) == domid;
}

int tx_owned_delta(const struct xs_store *s, const struct xs_tx *tx,
		   unsigned int domid)
{
	struct strmap_iter it;
	struct strmap_link *link;
	int delta = 0;

	for (link = strmap_first(&tx->accessed, &it); link;
	     link = strmap_next(&tx->accessed, &it)) {
		const struct xs_access *rec = record(link);

		if (!rec->modified)
			continue;
		delta += owned_by(rec->node, domid);
		delta -= owned_by(store_committed(s, rec->path), domid);
	}
	return delta;
}

void tx_queue_event(struct xs_tx *tx, struct xs_event *e)
{
	*tx->events_tail = e;
	tx->events_tail = &e->next;
}

static bool conflicts(const struct xs_store *s, const struct xs_tx *tx)
{
	struct strmap_iter it;
	struct strmap_link *link;

	for (link = strmap_first(&tx->accessed, &it); link;
	     link = strmap_next(&tx->accessed, &it)) {
		const struct xs_access *rec = record(link);

		if (generation_of(store_committed(s, rec->path)) != rec->seen)
			return true;
	}
	return false;
}

int tx_commit(struct xs_store *s, struct xs_tx *tx, struct xs_event **events)
{
	struct strmap_iter it;
	struct strmap_link *link;

	*events = NULL;
	if (conflicts(s, tx))
		return EAGAIN;
	for (link = strmap_first(&tx->accessed, &it); link;
	     link = strmap_next(&tx->accessed, &it)) {
		struct xs_access *rec = record(link);

		if (!rec->modified)
			continue;
		if (rec->node)
			store_put(s, NULL, rec->node);
		else
			store_remove(s, NULL, rec->path);
		rec->node = NULL;
	}
	*events = tx->events;
	tx->events = NULL;
	return 0;
}
