#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "conn.h"
#include "dispatch.h"
#include "transaction.h"
#include "watch.h"

/* Replies and events waiting before a client's next request is read. */
#define QUEUE_LIMIT 64
/* Events waiting for an unprivileged client before new ones are dropped:
 * a domain that never reads its ring cannot make dom0 hold more. */
#define EVENT_LIMIT 256

struct xs_conn *conn_new(struct xs_daemon *d, unsigned int domid,
			 const struct xs_transport *transport, void *data)
{
	struct xs_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->daemon = d;
	c->transport = transport;
	c->transport_data = data;
	c->domid = domid;
	c->privileged = domid == 0;
	c->out_tail = &c->out;
	c->next_tx_id = 1;
	c->next = d->conns;
	d->conns = c;
	return c;
}

static void drop_output(struct xs_conn *c)
{
	while (c->out) {
		struct xs_outmsg *m = c->out;

		c->out = m->next;
		free(m);
	}
	c->out_tail = &c->out;
	c->nout = c->nevents = 0;
}

void conn_reset(struct xs_conn *c)
{
	watch_remove_all(c);
	while (c->txs)
		conn_drop_tx(c, c->txs);
	drop_output(c);
	c->in_used = 0;
	c->in_payload = false;
}

void conn_end(struct xs_conn *c)
{
	if (c->dead)
		return;
	conn_reset(c);
	c->dead = true;
	c->transport->close(c);
}

void conn_ignore(struct xs_conn *c, unsigned int error)
{
	conn_reset(c);
	c->ignored = true;
	c->transport->fail(c, error);
}

bool conn_wants_input(const struct xs_conn *c)
{
	return !c->dead && !c->ignored && c->nout < QUEUE_LIMIT;
}

bool conn_wants_output(const struct xs_conn *c)
{
	return !c->dead && !c->ignored && c->out;
}

/* The next bytes of the header, then of the payload; false when there is
 * nothing more to read now or the connection broke. */
static bool read_more(struct xs_conn *c)
{
	char *dst = c->in_payload ? c->in : (char *)&c->hdr;
	unsigned int want = c->in_payload ? c->hdr.len : sizeof(c->hdr);
	int n = c->transport->read(c, dst + c->in_used, want - c->in_used);

	if (n < 0)
		conn_ignore(c, XENSTORE_ERROR_RINGIDX);
	if (n <= 0)
		return false;
	c->in_used += (unsigned int)n;
	return true;
}

/* Whether a whole request is in; a header announcing more than
 * XENSTORE_PAYLOAD_MAX breaks the protocol (Xen drops the client). */
static bool request_complete(struct xs_conn *c)
{
	if (!c->in_payload) {
		if (c->in_used < sizeof(c->hdr))
			return false;
		if (c->hdr.len > XENSTORE_PAYLOAD_MAX) {
			daemon_log(c->daemon, "domain %u sent a %u-byte payload",
				   c->domid, c->hdr.len);
			conn_ignore(c, XENSTORE_ERROR_PROTO);
			return false;
		}
		c->in_payload = true;
		c->in_used = 0;
	}
	return c->in_used == c->hdr.len;
}

void conn_input(struct xs_conn *c)
{
	while (conn_wants_input(c)) {
		if (!request_complete(c)) {
			if (c->ignored || !read_more(c))
				return;
			continue;
		}
		c->in[c->hdr.len] = '\0';
		c->in_payload = false;
		c->in_used = 0;
		dispatch(c, &c->hdr, c->in);
	}
}

void conn_output(struct xs_conn *c)
{
	while (conn_wants_output(c)) {
		struct xs_outmsg *m = c->out;
		int n = c->transport->write(c, m->data + m->sent,
					    m->len - m->sent);

		if (n < 0)
			conn_ignore(c, XENSTORE_ERROR_RINGIDX);
		if (n <= 0)
			return;
		m->sent += (unsigned int)n;
		if (m->sent < m->len)
			continue;
		c->out = m->next;
		if (!c->out)
			c->out_tail = &c->out;
		c->nout--;
		c->nevents -= m->event;
		free(m);
	}
}

/* A message with hdr, its payload left for the caller to fill. */
static struct xs_outmsg *new_message(const struct xsd_sockmsg *hdr, bool event)
{
	struct xs_outmsg *m = malloc(sizeof(*m) + sizeof(*hdr) + hdr->len);

	if (!m)
		return NULL;
	m->next = NULL;
	m->len = sizeof(*hdr) + hdr->len;
	m->sent = 0;
	m->event = event;
	memcpy(m->data, hdr, sizeof(*hdr));
	return m;
}

static void append(struct xs_conn *c, struct xs_outmsg *m)
{
	*c->out_tail = m;
	c->out_tail = &m->next;
	c->nout++;
	c->nevents += m->event;
}

int conn_queue(struct xs_conn *c, const struct xsd_sockmsg *hdr,
	       const void *payload)
{
	struct xs_outmsg *m;

	if (hdr->len > XENSTORE_PAYLOAD_MAX)
		return E2BIG;
	m = new_message(hdr, false);
	if (!m)
		return ENOMEM;
	/* An empty value or listing may have no buffer at all. */
	if (hdr->len)
		memcpy(m->data + sizeof(*hdr), payload, hdr->len);
	append(c, m);
	return 0;
}

void conn_queue_event(struct xs_conn *c, const char *path, const char *token)
{
	size_t plen = strlen(path) + 1, tlen = strlen(token) + 1;
	struct xsd_sockmsg hdr = { .type = XS_WATCH_EVENT };
	struct xs_outmsg *m;

	if (!c->privileged && c->nevents >= EVENT_LIMIT) {
		daemon_log(c->daemon, "domain %u: watch event %s dropped",
			   c->domid, path);
		return;
	}
	if (plen + tlen > XENSTORE_PAYLOAD_MAX)
		return;
	hdr.len = (uint32_t)(plen + tlen);
	m = new_message(&hdr, true);
	if (!m)
		return;
	memcpy(m->data + sizeof(hdr), path, plen);
	memcpy(m->data + sizeof(hdr) + plen, token, tlen);
	append(c, m);
}

struct xs_tx *conn_find_tx(const struct xs_conn *c, uint32_t id)
{
	struct xs_tx *tx;

	for (tx = c->txs; tx; tx = tx->next)
		if (tx->id == id)
			return tx;
	return NULL;
}

int conn_start_tx(struct xs_conn *c, struct xs_tx **out)
{
	unsigned int limit = c->privileged ? 0 : c->daemon->quotas.tx_nodes;
	uint32_t id;
	struct xs_tx *tx;

	do
		id = c->next_tx_id++;
	while (id == 0 || conn_find_tx(c, id));
	tx = tx_new(id, limit);
	if (!tx)
		return ENOMEM;
	tx->next = c->txs;
	c->txs = tx;
	c->ntxs++;
	*out = tx;
	return 0;
}

void conn_drop_tx(struct xs_conn *c, struct xs_tx *tx)
{
	struct xs_tx **p;

	for (p = &c->txs; *p != tx; p = &(*p)->next)
		;
	*p = tx->next;
	c->ntxs--;
	tx_free(tx);
}
