/* The daemon: the store, its connections and the domains introduced to it.
 * It does no I/O of its own: a main loop (host/main.c on a Unix host, the
 * dom0 one later) feeds connections through conn_input()/conn_output()
 * and services domains' rings (domain.h). */
#ifndef XENSTORED_DAEMON_H
#define XENSTORED_DAEMON_H

#include <stdarg.h>
#include <stdbool.h>
#include "wire.h"
#include "store.h"

/* Limits on unprivileged domains; Xen's xenstored defaults. */
struct xs_quotas {
	unsigned int nodes;		/* nodes a domain owns (-E) */
	unsigned int node_size;		/* bytes of a node's record (-S) */
	unsigned int watches;		/* per connection (-W) */
	unsigned int transactions;	/* open at once per connection (-t) */
	unsigned int perms;		/* permission entries of a node (-A) */
	unsigned int tx_nodes;		/* nodes one transaction touches */
};

enum xs_domain_state { XS_DOMAIN_RUNNING, XS_DOMAIN_SHUTDOWN, XS_DOMAIN_GONE };

/* How the daemon reaches an introduced domain's ring page and event
 * channel. None on a Unix host: introductions are then only recorded. */
struct xs_platform {
	struct xenstore_domain_interface *(*map)(void *ctx, unsigned int domid,
						 unsigned long mfn);
	void (*unmap)(void *ctx, struct xenstore_domain_interface *intf);
	/* The local port bound to the domain's port, or -1. */
	int (*bind)(void *ctx, unsigned int domid, unsigned int port);
	void (*unbind)(void *ctx, int local_port);
	void (*notify)(void *ctx, int local_port);
	/* Whether the domain still runs, as its getdomaininfo says. */
	enum xs_domain_state (*domain_state)(void *ctx, unsigned int domid);
	void *ctx;
};

struct xs_conn;
struct xs_domain;

struct xs_daemon {
	struct xs_store store;
	struct xs_quotas quotas;
	struct xs_conn *conns;
	struct xs_domain *domains;
	const struct xs_platform *platform;	/* NULL: none */
	void (*log)(const char *line);		/* NULL: silent */
};

int daemon_init(struct xs_daemon *d, const struct xs_platform *platform);
void daemon_destroy(struct xs_daemon *d);
/* Frees the connections that ended since the last call. Connections end in
 * the middle of requests (a domain released by another's request), so
 * they are only marked then, and freed where no one holds them. */
void daemon_reap(struct xs_daemon *d);
void daemon_log(const struct xs_daemon *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
