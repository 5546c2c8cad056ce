/* A client connection: a Unix socket on the host, a domain's ring page in
 * dom0, or a test's fake, all behind struct xs_transport. It reassembles
 * requests (struct xsd_sockmsg and its payload), has them dispatched, and
 * queues replies and watch events until the transport takes them. */
#ifndef XENSTORED_CONN_H
#define XENSTORED_CONN_H

#include <stdbool.h>
#include <stdint.h>
#include "wire.h"
#include "daemon.h"

struct xs_conn;
struct xs_tx;
struct xs_watch;

struct xs_transport {
	/* Bytes moved; 0 when the transport cannot move any now; -1 when
	 * the peer is gone or broke the transport (the connection ends). */
	int (*read)(struct xs_conn *c, void *buf, unsigned int len);
	int (*write)(struct xs_conn *c, const void *buf, unsigned int len);
	/* The connection is ending: release what the transport holds. */
	void (*close)(struct xs_conn *c);
	/* The client broke the transport or the protocol (XENSTORE_ERROR_*):
	 * a socket ends the connection, a ring page reports it to the domain. */
	void (*fail)(struct xs_conn *c, unsigned int error);
};

struct xs_outmsg {
	struct xs_outmsg *next;
	unsigned int len;	/* header and payload */
	unsigned int sent;
	bool event;
	char data[];
};

struct xs_conn {
	struct xs_conn *next;		/* the daemon's connections */
	struct xs_daemon *daemon;
	const struct xs_transport *transport;
	void *transport_data;
	unsigned int domid;		/* relative paths start at its home */
	bool privileged;		/* dom0: permissions and quotas pass */
	bool dead;			/* ended; freed by daemon_reap() */
	/* Broke the protocol: neither read nor answered any more, as Xen's
	 * ignore_connection(); a domain stays introduced until released. */
	bool ignored;

	struct xsd_sockmsg hdr;		/* the request coming in */
	unsigned int in_used;		/* bytes of hdr, then of in */
	bool in_payload;
	char in[XENSTORE_PAYLOAD_MAX + 1];	/* + a NUL for safety */

	struct xs_outmsg *out, **out_tail;
	unsigned int nout;		/* messages queued */
	unsigned int nevents;		/* of which watch events */

	struct xs_watch *watches;
	unsigned int nwatches;
	struct xs_tx *txs;
	unsigned int ntxs;
	uint32_t next_tx_id;
	struct xs_tx *tx;		/* the request's transaction, if any */
};

struct xs_conn *conn_new(struct xs_daemon *d, unsigned int domid,
			 const struct xs_transport *transport, void *data);
/* Ends the connection: watches and transactions go at once, the memory at
 * the next daemon_reap(). */
void conn_end(struct xs_conn *c);
/* Drops watches, transactions, queued messages and any partial request:
 * a domain introduced again. */
void conn_reset(struct xs_conn *c);
/* The client broke the protocol (error is XENSTORE_ERROR_*): reset, and
 * neither read nor answered any more. */
void conn_ignore(struct xs_conn *c, unsigned int error);

/* Reads what the transport has and processes each complete request. */
void conn_input(struct xs_conn *c);
/* Writes queued messages as far as the transport takes them. */
void conn_output(struct xs_conn *c);
/* Whether conn_input() would take input: a client that does not read its
 * replies is not served new ones. */
bool conn_wants_input(const struct xs_conn *c);
bool conn_wants_output(const struct xs_conn *c);

/* Queues a message; ENOMEM, or E2BIG past XENSTORE_PAYLOAD_MAX. */
int conn_queue(struct xs_conn *c, const struct xsd_sockmsg *hdr,
	       const void *payload);
/* Queues a watch event (path, token); dropped when an unprivileged
 * client already has too many waiting, as Xen drops them. */
void conn_queue_event(struct xs_conn *c, const char *path, const char *token);

struct xs_tx *conn_find_tx(const struct xs_conn *c, uint32_t id);
/* A new transaction with the connection's next free id (never 0). */
int conn_start_tx(struct xs_conn *c, struct xs_tx **tx);
void conn_drop_tx(struct xs_conn *c, struct xs_tx *tx);

#endif
