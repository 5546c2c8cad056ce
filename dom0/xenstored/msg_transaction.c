/* XS_TRANSACTION_START and XS_TRANSACTION_END (transaction.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "conn.h"
#include "messages.h"
#include "quota.h"
#include "transaction.h"
#include "watch.h"

/* A request already in a transaction cannot start one: EBUSY. */
int msg_transaction_start(struct xs_conn *c, const struct xs_request *req)
{
	char id[MAX_STRLEN(uint32_t)];
	struct xs_tx *tx;
	int rc;

	if (c->tx)
		return EBUSY;
	if (!c->privileged && c->ntxs >= c->daemon->quotas.transactions)
		return ENOSPC;
	rc = conn_start_tx(c, &tx);
	if (rc)
		return rc;
	snprintf(id, sizeof(id), "%u", tx->id);
	rc = reply_string(c, req, id);
	if (rc)
		conn_drop_tx(c, tx);
	return rc;
}

static void fire(struct xs_daemon *d, struct xs_event *events)
{
	while (events) {
		struct xs_event *e = events;

		events = e->next;
		watch_fire(d, e);
		event_free(e);
	}
}

/* The node quota binds the whole transaction again at commit: each change
 * was checked against the store as it then was. */
static int commit(struct xs_conn *c, struct xs_tx *tx)
{
	struct xs_event *events;
	int rc = 0;

	if (tx->created)
		rc = quota_nodes_room(c, 0);
	if (!rc)
		rc = tx_commit(&c->daemon->store, tx, &events);
	if (!rc)
		fire(c->daemon, events);
	return rc;
}

/* "T" commits, "F" abandons; either way the transaction is over, even when
 * the commit fails (EAGAIN: start again). */
int msg_transaction_end(struct xs_conn *c, const struct xs_request *req)
{
	const char *arg = req_onearg(req);
	struct xs_tx *tx = c->tx;
	int rc = 0;

	if (!arg || (strcmp(arg, "T") && strcmp(arg, "F")))
		return EINVAL;
	if (!tx)
		return ENOENT;
	if (!strcmp(arg, "T"))
		rc = commit(c, tx);
	c->tx = NULL;
	conn_drop_tx(c, tx);
	return rc ? rc : reply_ok(c, req);
}
