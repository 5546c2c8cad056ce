#include "domain_ring.h"
#include "xs_ring.h"

static void notify(const struct xs_domain *dom)
{
	const struct xs_platform *p = dom->daemon->platform;

	if (dom->local_port >= 0)
		p->notify(p->ctx, dom->local_port);
}

/* The domain learns of both directions from one channel: it is told when
 * a request was taken (room to write more) as well as of each reply. */
static int ring_read(struct xs_conn *c, void *buf, unsigned int len)
{
	struct xs_domain *dom = c->transport_data;
	struct xenstore_domain_interface *intf = dom->intf;
	int n = xs_ring_read(intf->req, &intf->req_cons, &intf->req_prod,
			     buf, len);

	if (n > 0)
		notify(dom);
	return n;
}

static int ring_write(struct xs_conn *c, const void *buf, unsigned int len)
{
	struct xs_domain *dom = c->transport_data;
	struct xenstore_domain_interface *intf = dom->intf;
	int n = xs_ring_write(intf->rsp, &intf->rsp_cons, &intf->rsp_prod,
			      buf, len);

	if (n > 0)
		notify(dom);
	return n;
}

/* The page and channel belong to the domain record, which ends with it. */
static void ring_close(struct xs_conn *c)
{
	c->transport_data = NULL;
}

static void ring_fail(struct xs_conn *c, unsigned int error)
{
	struct xs_domain *dom = c->transport_data;

	dom->intf->error = error;
	notify(dom);
}

const struct xs_transport domain_ring_transport = {
	.read = ring_read,
	.write = ring_write,
	.close = ring_close,
	.fail = ring_fail,
};

void domain_ring_connected(struct xs_domain *dom)
{
	struct xenstore_domain_interface *intf = dom->intf;

	intf->error = XENSTORE_ERROR_NONE;
	intf->server_features = XENSTORE_SERVER_FEATURE_ERROR;
	intf->connection = XENSTORE_CONNECTED;
	notify(dom);
}

void domain_ring_reset(struct xs_domain *dom)
{
	struct xenstore_domain_interface *intf = dom->intf;

	intf->req_cons = intf->req_prod = 0;
	intf->rsp_cons = intf->rsp_prod = 0;
	domain_ring_connected(dom);
}
