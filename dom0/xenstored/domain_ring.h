/* A domain's connection over its xenstore ring page (ring.h), notified
 * through its event channel. */
#ifndef XENSTORED_DOMAIN_RING_H
#define XENSTORED_DOMAIN_RING_H

#include "conn.h"
#include "domain.h"

extern const struct xs_transport domain_ring_transport;

/* Tells the domain the daemon is there. Requests it wrote before stay. */
void domain_ring_connected(struct xs_domain *dom);
/* Empties both rings first: a domain introduced again starts afresh. */
void domain_ring_reset(struct xs_domain *dom);

#endif
