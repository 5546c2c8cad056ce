#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain.h"
#include "xs_harness.h"

#define IN_SIZE (64 * 1024)
#define OUT_SIZE (512 * 1024)
#define MAX_DOMAINS 16

struct saved_event {
	struct saved_event *next;
	char text[];
};

/* A client's end of a connection: what it sent and what it got. */
struct fake {
	char in[IN_SIZE];
	unsigned int in_len, in_off;
	char out[OUT_SIZE];
	unsigned int out_len, out_off;
	bool stalled;
	unsigned int error;
	struct reply last;
	struct saved_event *events, **events_tail;
	struct fake *next;
};

struct fake_domain {
	unsigned int domid;
	struct xenstore_domain_interface *page;
	unsigned int notifications;
	enum xs_domain_state state;
};

struct xs_daemon xsd;
static struct fake *fakes;
static struct fake_domain domains[MAX_DOMAINS];
static char joined_text[2 * XENSTORE_PAYLOAD_MAX];

static int fake_read(struct xs_conn *c, void *buf, unsigned int len)
{
	struct fake *f = c->transport_data;
	unsigned int n = f->in_len - f->in_off;

	n = n < len ? n : len;
	memcpy(buf, f->in + f->in_off, n);
	f->in_off += n;
	return (int)n;
}

static int fake_write(struct xs_conn *c, const void *buf, unsigned int len)
{
	struct fake *f = c->transport_data;
	unsigned int n;

	/* What the test read is gone: keep only the rest. */
	memmove(f->out, f->out + f->out_off, f->out_len - f->out_off);
	f->out_len -= f->out_off;
	f->out_off = 0;
	n = f->stalled ? 0 : OUT_SIZE - f->out_len;
	n = n < len ? n : len;
	memcpy(f->out + f->out_len, buf, n);
	f->out_len += n;
	return (int)n;
}

/* The fake outlives the connection: the test may still read from it. */
static void fake_close(struct xs_conn *c)
{
	(void)c;
}

static void fake_fail(struct xs_conn *c, unsigned int error)
{
	struct fake *f = c->transport_data;

	f->error = error;
}

static const struct xs_transport fake_transport = {
	.read = fake_read,
	.write = fake_write,
	.close = fake_close,
	.fail = fake_fail,
};

static struct fake_domain *fake_domain(unsigned int domid)
{
	unsigned int i;

	for (i = 0; i < MAX_DOMAINS; i++)
		if (domains[i].page && domains[i].domid == domid)
			return &domains[i];
	return NULL;
}

static struct xenstore_domain_interface *map(void *ctx, unsigned int domid,
					     unsigned long mfn)
{
	struct fake_domain *d = fake_domain(domid);
	unsigned int i;

	(void)ctx;
	/* mfn 0 stands for a frame the domain does not have. */
	if (!mfn)
		return NULL;
	for (i = 0; !d && i < MAX_DOMAINS; i++)
		if (!domains[i].page)
			d = &domains[i];
	if (!d->page)
		d->page = calloc(1, 4096);
	d->domid = domid;
	return d->page;
}

static void unmap(void *ctx, struct xenstore_domain_interface *intf)
{
	(void)ctx;
	(void)intf;
}

/* Local port = 1000 + domid; port 0xdead cannot be bound. */
static int bind(void *ctx, unsigned int domid, unsigned int port)
{
	(void)ctx;
	return port == 0xdead ? -1 : (int)(1000 + domid);
}

static void unbind(void *ctx, int local_port)
{
	(void)ctx;
	(void)local_port;
}

static void notify(void *ctx, int local_port)
{
	struct fake_domain *d = fake_domain((unsigned int)local_port - 1000);

	(void)ctx;
	if (d)
		d->notifications++;
}

static enum xs_domain_state domain_state(void *ctx, unsigned int domid)
{
	struct fake_domain *d = fake_domain(domid);

	(void)ctx;
	return d ? d->state : XS_DOMAIN_GONE;
}

static const struct xs_platform fake_platform = {
	.map = map, .unmap = unmap, .bind = bind, .unbind = unbind,
	.notify = notify, .domain_state = domain_state,
};

void harness_setup(void)
{
	ck_assert_int_eq(daemon_init(&xsd, &fake_platform), 0);
}

static void free_fake(struct fake *f)
{
	while (f->events) {
		struct saved_event *e = f->events;

		f->events = e->next;
		free(e);
	}
	free(f);
}

void harness_teardown(void)
{
	unsigned int i;

	daemon_destroy(&xsd);
	while (fakes) {
		struct fake *f = fakes;

		fakes = f->next;
		free_fake(f);
	}
	for (i = 0; i < MAX_DOMAINS; i++) {
		free(domains[i].page);
		domains[i] = (struct fake_domain){ 0 };
	}
}

struct xs_conn *connect_as(unsigned int domid)
{
	struct fake *f = calloc(1, sizeof(*f));
	struct xs_conn *c;

	ck_assert_ptr_nonnull(f);
	f->events_tail = &f->events;
	f->next = fakes;
	fakes = f;
	c = conn_new(&xsd, domid, &fake_transport, f);
	ck_assert_ptr_nonnull(c);
	return c;
}

void feed(struct xs_conn *c, const void *bytes, unsigned int len)
{
	struct fake *f = c->transport_data;

	/* What the daemon read is gone: keep only the rest. */
	memmove(f->in, f->in + f->in_off, f->in_len - f->in_off);
	f->in_len -= f->in_off;
	f->in_off = 0;
	ck_assert_uint_le(f->in_len + len, IN_SIZE);
	if (len)
		memcpy(f->in + f->in_len, bytes, len);
	f->in_len += len;
	conn_input(c);
	/* Watch events may be waiting on any connection. */
	for (c = xsd.conns; c; c = c->next)
		conn_output(c);
	daemon_reap(&xsd);
}

const struct reply *next_message(struct xs_conn *c)
{
	struct fake *f = c->transport_data;
	unsigned int left = f->out_len - f->out_off;

	if (left < sizeof(f->last.hdr))
		return NULL;
	memcpy(&f->last.hdr, f->out + f->out_off, sizeof(f->last.hdr));
	ck_assert_uint_le(f->last.hdr.len, XENSTORE_PAYLOAD_MAX);
	ck_assert_uint_le(sizeof(f->last.hdr) + f->last.hdr.len, left);
	memcpy(f->last.data, f->out + f->out_off + sizeof(f->last.hdr),
	       f->last.hdr.len);
	f->last.data[f->last.hdr.len] = '\0';
	f->out_off += sizeof(f->last.hdr) + f->last.hdr.len;
	return &f->last;
}

static void save_event(struct fake *f, const struct reply *r)
{
	struct saved_event *e = malloc(sizeof(*e) + r->hdr.len + 1);

	ck_assert_ptr_nonnull(e);
	strcpy(e->text, joined(r));
	e->next = NULL;
	*f->events_tail = e;
	f->events_tail = &e->next;
}

const struct reply *request(struct xs_conn *c, uint32_t type, uint32_t tx,
			    const void *payload, unsigned int len)
{
	static uint32_t req_id = 1;
	struct fake *f = c->transport_data;
	struct xsd_sockmsg hdr = { type, req_id++, tx, len };
	char buf[sizeof(hdr) + XENSTORE_PAYLOAD_MAX + 64];
	const struct reply *r;

	ck_assert_uint_le(len, XENSTORE_PAYLOAD_MAX + 64);
	memcpy(buf, &hdr, sizeof(hdr));
	memcpy(buf + sizeof(hdr), payload, len);
	feed(c, buf, sizeof(hdr) + len);
	while ((r = next_message(c)) && r->hdr.type == XS_WATCH_EVENT)
		save_event(f, r);
	ck_assert_msg(r, "no reply to request type %u", type);
	ck_assert_uint_eq(r->hdr.req_id, hdr.req_id);
	ck_assert_uint_eq(r->hdr.tx_id, tx);
	return r;
}

const struct reply *request1(struct xs_conn *c, uint32_t type, uint32_t tx,
			     const char *arg)
{
	return request(c, type, tx, arg, (unsigned int)strlen(arg) + 1);
}

const struct reply *request2(struct xs_conn *c, uint32_t type, uint32_t tx,
			     const char *a, const char *b)
{
	char buf[XENSTORE_PAYLOAD_MAX + 2];
	size_t la = strlen(a) + 1, lb = strlen(b) + 1;

	ck_assert_uint_le(la + lb, sizeof(buf));
	memcpy(buf, a, la);
	memcpy(buf + la, b, lb);
	return request(c, type, tx, buf, (unsigned int)(la + lb));
}

const char *next_event(struct xs_conn *c)
{
	static char text[XENSTORE_PAYLOAD_MAX + 1];
	struct fake *f = c->transport_data;
	struct saved_event *e = f->events;
	const struct reply *r;

	if (e) {
		f->events = e->next;
		if (!f->events)
			f->events_tail = &f->events;
		strcpy(text, e->text);
		free(e);
		return text;
	}
	while ((r = next_message(c)))
		if (r->hdr.type == XS_WATCH_EVENT)
			return joined(r);
	return NULL;
}

void stall(struct xs_conn *c)
{
	struct fake *f = c->transport_data;

	f->stalled = true;
}

void unstall(struct xs_conn *c)
{
	struct fake *f = c->transport_data;

	f->stalled = false;
}

unsigned int failed_with(const struct xs_conn *c)
{
	const struct fake *f = c->transport_data;

	return f->error;
}

const struct reply *write_value(struct xs_conn *c, uint32_t tx,
				const char *path, const char *value)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t lp = strlen(path) + 1, lv = strlen(value);

	ck_assert_uint_le(lp + lv, sizeof(buf));
	memcpy(buf, path, lp);
	memcpy(buf + lp, value, lv);
	return request(c, XS_WRITE, tx, buf, (unsigned int)(lp + lv));
}

const struct reply *read_value(struct xs_conn *c, uint32_t tx,
			       const char *path)
{
	return request1(c, XS_READ, tx, path);
}

const struct reply *set_perms(struct xs_conn *c, const char *path,
			      const char *perms)
{
	char buf[256];
	size_t len = strlen(path) + 1, i;

	memcpy(buf, path, len);
	for (i = 0; perms[i]; i++)
		buf[len++] = perms[i] == ' ' ? '\0' : perms[i];
	buf[len++] = '\0';
	return request(c, XS_SET_PERMS, 0, buf, (unsigned int)len);
}

uint32_t start_tx(struct xs_conn *c)
{
	const struct reply *r = request(c, XS_TRANSACTION_START, 0, "", 1);
	unsigned long id;

	ck_assert_msg(r->hdr.type == XS_TRANSACTION_START, "no transaction: %s",
		      joined(r));
	ck_assert(xs_parse_ulong(r->data, UINT32_MAX, &id));
	ck_assert_uint_ne(id, 0);
	return (uint32_t)id;
}

bool is_ok(const struct reply *r)
{
	return r->hdr.type != XS_ERROR && r->hdr.len == 3 &&
	       !memcmp(r->data, "OK", 3);
}

bool is_error(const struct reply *r, const char *name)
{
	return r->hdr.type == XS_ERROR && r->hdr.len == strlen(name) + 1 &&
	       !strcmp(r->data, name);
}

bool is_value(const struct reply *r, const char *value)
{
	return r->hdr.type == XS_READ && r->hdr.len == strlen(value) &&
	       !memcmp(r->data, value, r->hdr.len);
}

const char *joined(const struct reply *r)
{
	unsigned int i;

	memcpy(joined_text, r->data, r->hdr.len);
	joined_text[r->hdr.len] = '\0';
	/* The terminating NUL of the last string is no separator. */
	for (i = 0; i + 1 < r->hdr.len; i++)
		if (!joined_text[i])
			joined_text[i] = ' ';
	return joined_text;
}

void fake_set_state(unsigned int domid, enum xs_domain_state state)
{
	fake_domain(domid)->state = state;
}

struct xenstore_domain_interface *fake_page(unsigned int domid)
{
	struct fake_domain *d = fake_domain(domid);

	return d ? d->page : NULL;
}

unsigned int fake_notifications(unsigned int domid)
{
	struct fake_domain *d = fake_domain(domid);

	return d ? d->notifications : 0;
}
