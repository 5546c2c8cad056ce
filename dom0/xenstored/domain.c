#include <errno.h>
#include <stdlib.h>
#include "conn.h"
#include "domain.h"
#include "domain_ring.h"
#include "event.h"
#include "watch.h"

struct xs_domain *domain_find(const struct xs_daemon *d, unsigned int domid)
{
	struct xs_domain *dom;

	for (dom = d->domains; dom; dom = dom->next)
		if (dom->domid == domid)
			return dom;
	return NULL;
}

/* Special events name no node below "/"; the special node's permissions
 * decide who hears them (dom0 only, until SET_PERMS opens them). */
static void fire_special(struct xs_daemon *d, const char *name)
{
	struct xs_event *e = event_new(name, false,
				       store_committed(&d->store, name));

	if (e)
		watch_fire(d, e);
	event_free(e);
}

static void disconnect(struct xs_domain *dom)
{
	const struct xs_platform *p = dom->daemon->platform;

	if (dom->conn)
		conn_end(dom->conn);
	if (dom->local_port >= 0)
		p->unbind(p->ctx, dom->local_port);
	if (dom->intf)
		p->unmap(p->ctx, dom->intf);
}

static int connect(struct xs_domain *dom, unsigned long mfn)
{
	const struct xs_platform *p = dom->daemon->platform;

	if (!p)
		return 0;
	dom->intf = p->map(p->ctx, dom->domid, mfn);
	if (!dom->intf)
		return EINVAL;
	dom->local_port = p->bind(p->ctx, dom->domid, dom->port);
	if (dom->local_port >= 0)
		dom->conn = conn_new(dom->daemon, dom->domid,
				     &domain_ring_transport, dom);
	if (!dom->conn) {
		disconnect(dom);
		return dom->local_port < 0 ? EINVAL : ENOMEM;
	}
	domain_ring_connected(dom);
	return 0;
}

/* The toolstack introduces a domain again to give it a new channel (after
 * a resume, say): Xen rebinds and starts the connection afresh. */
static int reintroduce(struct xs_domain *dom, unsigned int port)
{
	const struct xs_platform *p = dom->daemon->platform;

	dom->port = port;
	if (!p)
		return 0;
	p->unbind(p->ctx, dom->local_port);
	dom->local_port = p->bind(p->ctx, dom->domid, port);
	conn_reset(dom->conn);
	dom->conn->ignored = dom->local_port < 0;
	domain_ring_reset(dom);
	return 0;
}

int domain_introduce(struct xs_daemon *d, unsigned int domid,
		     unsigned long mfn, unsigned int port)
{
	struct xs_domain *dom = domain_find(d, domid);
	int rc;

	if (dom)
		return reintroduce(dom, port);
	dom = calloc(1, sizeof(*dom));
	if (!dom)
		return ENOMEM;
	dom->daemon = d;
	dom->domid = domid;
	dom->port = port;
	dom->local_port = -1;
	rc = connect(dom, mfn);
	if (rc) {
		free(dom);
		return rc;
	}
	dom->next = d->domains;
	d->domains = dom;
	fire_special(d, "@introduceDomain");
	return 0;
}

static void unlink_domain(struct xs_daemon *d, struct xs_domain *dom)
{
	struct xs_domain **p;

	for (p = &d->domains; *p != dom; p = &(*p)->next)
		;
	*p = dom->next;
	disconnect(dom);
	free(dom);
}

int domain_release(struct xs_daemon *d, unsigned int domid)
{
	struct xs_domain *dom = domain_find(d, domid);

	if (!dom)
		return ENOENT;
	unlink_domain(d, dom);
	if (store_disown(&d->store, domid))
		daemon_log(d, "domain %u: permissions left in the store", domid);
	fire_special(d, "@releaseDomain");
	return 0;
}

void domains_check(struct xs_daemon *d)
{
	const struct xs_platform *p = d->platform;
	struct xs_domain *dom, *next;

	for (dom = d->domains; dom; dom = next) {
		enum xs_domain_state state = p->domain_state(p->ctx, dom->domid);

		next = dom->next;
		if (state == XS_DOMAIN_GONE) {
			domain_release(d, dom->domid);
		} else if (state == XS_DOMAIN_SHUTDOWN && !dom->shutdown) {
			dom->shutdown = true;
			fire_special(d, "@releaseDomain");
		}
	}
}

void domains_service(struct xs_daemon *d)
{
	struct xs_domain *dom;

	for (dom = d->domains; dom; dom = dom->next) {
		if (!dom->conn)
			continue;
		conn_input(dom->conn);
		conn_output(dom->conn);
	}
}

void domains_destroy(struct xs_daemon *d)
{
	while (d->domains)
		unlink_domain(d, d->domains);
}
