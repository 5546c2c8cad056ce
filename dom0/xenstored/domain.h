/* Domains introduced to the daemon (XS_INTRODUCE by the toolstack): each
 * has a connection over its ring page and event channel, through the
 * daemon's platform; without a platform (a Unix host) it is only recorded. */
#ifndef XENSTORED_DOMAIN_H
#define XENSTORED_DOMAIN_H

#include <stdbool.h>
#include "daemon.h"

struct xs_domain {
	struct xs_domain *next;
	struct xs_daemon *daemon;
	unsigned int domid;
	unsigned int port;		/* the domain's end of the channel */
	int local_port;			/* ours, -1 without a platform */
	struct xenstore_domain_interface *intf;
	struct xs_conn *conn;		/* NULL without a platform */
	bool shutdown;			/* announced on @releaseDomain */
};

struct xs_domain *domain_find(const struct xs_daemon *d, unsigned int domid);
/* A first introduction connects the domain and fires @introduceDomain; a
 * later one binds the new port and resets the connection, as in Xen. */
int domain_introduce(struct xs_daemon *d, unsigned int domid,
		     unsigned long mfn, unsigned int port);
/* ENOENT if not introduced. Ends the connection, gives the domain's nodes
 * to dom0 and drops its permission entries (a later domain reusing the id
 * must not inherit them), and fires @releaseDomain. */
int domain_release(struct xs_daemon *d, unsigned int domid);
/* What VIRQ_DOM_EXC calls, as Xen's domain_cleanup() does: a domain that
 * shut down is announced on @releaseDomain once; one dying or gone is
 * released, which announces it too. Needs the platform's domain_state. */
void domains_check(struct xs_daemon *d);
/* Serves every domain's ring: what an event channel notification calls. */
void domains_service(struct xs_daemon *d);
void domains_destroy(struct xs_daemon *d);

#endif
