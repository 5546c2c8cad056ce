#include <stdio.h>
#include <stdlib.h>
#include "conn.h"
#include "domain.h"

static const struct xs_quotas xen_defaults = {
	.nodes = 1000,
	.node_size = 2048,
	.watches = 128,
	.transactions = 10,
	.perms = 5,
	.tx_nodes = 1024,
};

int daemon_init(struct xs_daemon *d, const struct xs_platform *platform)
{
	d->quotas = xen_defaults;
	d->conns = NULL;
	d->domains = NULL;
	d->platform = platform;
	d->log = NULL;
	return store_init(&d->store);
}

void daemon_reap(struct xs_daemon *d)
{
	struct xs_conn **p = &d->conns;

	while (*p) {
		struct xs_conn *c = *p;

		if (c->dead) {
			*p = c->next;
			free(c);
		} else {
			p = &c->next;
		}
	}
}

void daemon_destroy(struct xs_daemon *d)
{
	struct xs_conn *c;

	domains_destroy(d);
	for (c = d->conns; c; c = c->next)
		conn_end(c);
	daemon_reap(d);
	store_destroy(&d->store);
}

void daemon_log(const struct xs_daemon *d, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	if (!d->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	d->log(line);
}
