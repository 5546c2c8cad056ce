/*
 * The kernel's xenstore connection (xenbus.h). Requests go out in order
 * through a queue, each under a wire req_id of the kernel's own so that
 * replies find their sender whoever chose the req_id; the sender's is
 * put back on the reply. The ring is shared with xenstored, so its
 * indices are never believed beyond the ring (xs_ring.h) and a reply that
 * claims more than XENSTORE_PAYLOAD_MAX ends the connection.
 */
#include "errno.h"
#include "heap.h"
#include "hypercall.h"
#include "lib.h"
#include "printk.h"
#include "xenbus.h"
#include "xenpv.h"
#include "xs_ring.h"

struct out_msg {
	struct out_msg *next;
	size_t len, done;
	char bytes[];
};

struct pending {
	struct pending *next;
	uint32_t wire_id, req_id;
	xenbus_reply_fn *fn;
	void *arg;
};

extern char store_ring_page[];

static struct xenstore_domain_interface *const ring =
	(struct xenstore_domain_interface *)store_ring_page;
static uint32_t port;
static bool broken;
static struct out_msg *out_head, **out_tail = &out_head;
static struct pending *pending;
static struct xenbus_watch *watches;
static uint32_t next_wire_id, next_watch_id;
/* Set while replies are handled: a callback's request only queues. */
static bool dispatching;

static struct {
	struct xsd_sockmsg hdr;
	char body[XENSTORE_PAYLOAD_MAX + 1];
} in;
static size_t in_len;

static void fail(const char *why)
{
	printk("xenbus: %s: connection to xenstore dropped\n", why);
	broken = true;
}

/* As much of the queue as the ring takes; true if any went. */
static bool pump_out(void)
{
	bool moved = false;

	while (out_head && !broken) {
		struct out_msg *m = out_head;
		int n = xs_ring_write(ring->req, &ring->req_cons, &ring->req_prod,
				      m->bytes + m->done, m->len - m->done);

		if (n < 0)
			fail("corrupt request ring");
		if (n <= 0)
			break;
		moved = true;
		m->done += (size_t)n;
		if (m->done < m->len)
			break;
		out_head = m->next;
		if (!out_head)
			out_tail = &out_head;
		kfree(m);
	}
	return moved;
}

/* Wire tokens are "k" and the watch's id in hex: this many bytes with the NUL. */
#define TOKEN_MAX 10

static void token_of(const struct xenbus_watch *w, char token[TOKEN_MAX])
{
	snprintf(token, TOKEN_MAX, "k%x", w->id);
}

static struct xenbus_watch *watch_by_token(const char *token)
{
	struct xenbus_watch *w;

	for (w = watches; w; w = w->next) {
		char mine[TOKEN_MAX];

		token_of(w, mine);
		if (!strcmp(mine, token))
			return w;
	}
	return NULL;
}

/* "path\0token\0"; tokens not ours (an unregistered watch's) are dropped. */
static void fire_watch(void)
{
	size_t path_len = strnlen(in.body, in.hdr.len);
	struct xenbus_watch *w;

	if (path_len + 1 >= in.hdr.len)
		return;
	w = watch_by_token(in.body + path_len + 1);
	if (w)
		w->fire(w, in.body);
}

static void complete_request(void)
{
	struct pending **pp, *p;

	for (pp = &pending; *pp && (*pp)->wire_id != in.hdr.req_id; pp = &(*pp)->next)
		;
	p = *pp;
	if (!p)
		return;
	*pp = p->next;
	in.hdr.req_id = p->req_id;
	if (p->fn)
		p->fn(p->arg, &in.hdr, in.body);
	kfree(p);
}

static void dispatch(void)
{
	in.body[in.hdr.len] = '\0';
	if (in.hdr.type == XS_WATCH_EVENT)
		fire_watch();
	else
		complete_request();
	in_len = 0;
}

/* Reads the header, then its body; true if any bytes came. *room is set
 * if xenstored may be waiting for room to reply: the ring was full. As
 * Linux's xb_read, only then is it told of what was read. */
static bool pump_in(bool *room)
{
	bool moved = false;

	while (!broken) {
		size_t want = in_len < sizeof(in.hdr) ? sizeof(in.hdr) : sizeof(in.hdr) + in.hdr.len;
		bool full = byte_ring_used(XENSTORE_RING_SIZE, &ring->rsp_cons, &ring->rsp_prod) ==
			    XENSTORE_RING_SIZE;
		int n = xs_ring_read(ring->rsp, &ring->rsp_cons, &ring->rsp_prod,
				     (char *)&in + in_len, want - in_len);

		if (n < 0)
			fail("corrupt reply ring");
		if (n <= 0)
			break;
		moved = true;
		*room |= full;
		in_len += (size_t)n;
		if (in_len == sizeof(in.hdr) && in.hdr.len > XENSTORE_PAYLOAD_MAX)
			fail("oversized reply");
		else if (in_len >= sizeof(in.hdr) && in_len == sizeof(in.hdr) + in.hdr.len)
			dispatch();
	}
	return moved;
}

/* Both ways until neither moves; xenstored hears once of new requests or
 * of room it was waiting for. */
static void service(void)
{
	bool sent = false, room = false;

	if (dispatching || !port)
		return;
	dispatching = true;
	for (;;) {
		bool out = pump_out(), got = pump_in(&room);

		sent |= out;
		if (!out && !got)
			break;
	}
	dispatching = false;
	if (sent || room)
		event_send(port);
}

static void xenbus_event(unsigned p, void *arg)
{
	(void)p;
	(void)arg;
	service();
}

int xenbus_send(const struct xsd_sockmsg *hdr, const void *body, xenbus_reply_fn *fn,
		void *arg)
{
	struct out_msg *m;
	struct pending *p;
	struct xsd_sockmsg wire = *hdr;

	if (!port || broken)
		return -EIO;
	m = kmalloc(sizeof(*m) + sizeof(wire) + hdr->len);
	p = kmalloc(sizeof(*p));
	if (!m || !p) {
		kfree(m);
		kfree(p);
		return -ENOMEM;
	}
	wire.req_id = ++next_wire_id;
	*p = (struct pending){ pending, wire.req_id, hdr->req_id, fn, arg };
	pending = p;
	*m = (struct out_msg){ .len = sizeof(wire) + hdr->len };
	memcpy(m->bytes, &wire, sizeof(wire));
	memcpy(m->bytes + sizeof(wire), body, hdr->len);
	*out_tail = m;
	out_tail = &m->next;
	service();
	return 0;
}

void xenbus_forget(void *arg)
{
	for (struct pending *p = pending; p; p = p->next)
		if (p->arg == arg)
			p->fn = NULL;
}

void xenbus_watch_register(struct xenbus_watch *w)
{
	w->id = ++next_watch_id;
	w->next = watches;
	watches = w;
}

void xenbus_watch_unregister(struct xenbus_watch *w)
{
	struct xenbus_watch **pp;

	for (pp = &watches; *pp && *pp != w; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = w->next;
}

static void watch_refused(void *arg, const struct xsd_sockmsg *hdr, const char *body)
{
	if (hdr->type == XS_ERROR)
		printk("xenbus: watch on %s refused: %s\n", (const char *)arg, body);
}

int xenbus_send_watch(uint32_t type, const struct xenbus_watch *w, const char *path,
		      uint32_t req_id, xenbus_reply_fn *fn, void *arg)
{
	char body[XENSTORE_PAYLOAD_MAX];
	size_t path_len = strlen(path) + 1;
	struct xsd_sockmsg hdr = { .type = type, .req_id = req_id };

	/* Longer paths are xenstored's to refuse, but must not overflow the
	 * message: the kernel's token may be longer than the one it replaces. */
	if (path_len + TOKEN_MAX > sizeof(body))
		return -EINVAL;
	memcpy(body, path, path_len);
	token_of(w, body + path_len);
	hdr.len = (uint32_t)(path_len + strlen(body + path_len) + 1);
	return xenbus_send(&hdr, body, fn, arg);
}

int xenbus_watch(struct xenbus_watch *w, const char *path)
{
	int rc;

	xenbus_watch_register(w);
	rc = xenbus_send_watch(XS_WATCH, w, path, 0, watch_refused, (void *)path);
	if (rc)
		xenbus_watch_unregister(w);
	return rc;
}

uint32_t xenbus_port(void)
{
	return port;
}

xen_pfn_t xenbus_ring_mfn(void)
{
	return pfn_to_mfn(virt_to_phys(store_ring_page) >> PAGE_SHIFT);
}

/* Domain 0 offers a page of its image and a channel only it may bind. */
static uint32_t offer_own_ring(void)
{
	struct evtchn_alloc_unbound alloc = { .dom = DOMID_SELF, .remote_dom = 0 };

	if (HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &alloc))
		return 0;
	return alloc.port;
}

static uint32_t map_domu_ring(void)
{
	if (!xen_start.store_mfn || !xen_start.store_evtchn)
		return 0;
	if (HYPERVISOR_update_va_mapping((unsigned long)store_ring_page,
					 ((uint64_t)xen_start.store_mfn << PAGE_SHIFT) | KERNEL_RW,
					 UVMF_INVLPG))
		return 0;
	return xen_start.store_evtchn;
}

void xenbus_start(void)
{
	bool dom0 = xen_start.flags & SIF_INITDOMAIN;
	uint32_t p = dom0 ? offer_own_ring() : map_domu_ring();

	if (!p) {
		printk("xenbus: no xenstore ring\n");
		return;
	}
	port = p;
	event_handle(p, xenbus_event, NULL);
	if (!dom0)
		control_start();
}
