/*
 * /dev/xen/xenbus: xenstore for processes over the kernel's connection,
 * as Linux's xenbus_dev_frontend has it (libxenstore opens it when there
 * is no daemon socket). A process writes whole xsd_sockmsg requests, in
 * as many writes as it likes, and reads replies and its watches' events
 * in the order they came.
 *
 * All files share one connection, so the kernel keeps each file's watches
 * and transactions apart: a watch goes to xenstored under a token of the
 * kernel's and its events come back with the file's own; what a file
 * leaves open (watches, transactions) is undone when it is closed.
 * XS_RESET_WATCHES would drop every file's watches and the kernel's: it is
 * refused, as are types that are not requests.
 */
#include "errno.h"
#include "file.h"
#include "heap.h"
#include "lib.h"
#include "sched.h"
#include "arch.h"
#include "uaccess.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"
#include "xenbus.h"

/* Requests a file may have in flight; a writer past it waits. */
#define MAX_PENDING 16
/* Messages waiting to be read; watch events past it are dropped, as
 * xenstored drops them for a connection that does not read. */
#define MAX_QUEUED 256

struct queued {
	struct queued *next;
	size_t len;
	char bytes[];
};

struct xb_file;

struct dev_watch {
	struct xenbus_watch w;
	struct dev_watch *next;
	struct xb_file *f;
	char *path, *token;
};

struct dev_tx {
	struct dev_tx *next;
	uint32_t id;
};

struct xb_file {
	struct {
		struct xsd_sockmsg hdr;
		char body[XENSTORE_PAYLOAD_MAX];
	} req;
	size_t req_len;
	struct queued *head, **tail;
	size_t head_done;
	unsigned queued, pending;
	struct dev_watch *watches;
	struct dev_tx *txs;
};

static void queue(struct xb_file *f, const struct xsd_sockmsg *hdr, const void *body,
		  bool droppable)
{
	struct queued *q;

	if (droppable && f->queued >= MAX_QUEUED)
		return;
	q = kmalloc(sizeof(*q) + sizeof(*hdr) + hdr->len);
	if (!q)
		return;
	q->next = NULL;
	q->len = sizeof(*hdr) + hdr->len;
	memcpy(q->bytes, hdr, sizeof(*hdr));
	memcpy(q->bytes + sizeof(*hdr), body, hdr->len);
	*f->tail = q;
	f->tail = &q->next;
	f->queued++;
	wakeup(f);
}

/* An answer of the kernel's own, as xenstored words its errors. */
static int answer_error(struct xb_file *f, const char *name)
{
	struct xsd_sockmsg hdr = f->req.hdr;

	hdr.type = XS_ERROR;
	hdr.len = (uint32_t)strlen(name) + 1;
	queue(f, &hdr, name, false);
	return 0;
}

static char *copy_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *c = kmalloc(n);

	if (c)
		memcpy(c, s, n);
	return c;
}

static uint32_t parse_id(const char *s)
{
	uint32_t id = 0;

	while (*s >= '0' && *s <= '9')
		id = id * 10 + (uint32_t)(*s++ - '0');
	return id;
}

static void track_transaction(struct xb_file *f, const char *body)
{
	struct dev_tx *t = kmalloc(sizeof(*t));

	if (!t)
		return;
	*t = (struct dev_tx){ f->txs, parse_id(body) };
	f->txs = t;
}

static void end_transaction(struct xb_file *f, uint32_t id)
{
	for (struct dev_tx **pp = &f->txs; *pp; pp = &(*pp)->next) {
		struct dev_tx *t = *pp;

		if (t->id == id) {
			*pp = t->next;
			kfree(t);
			return;
		}
	}
}

static void reply(void *arg, const struct xsd_sockmsg *hdr, const char *body)
{
	struct xb_file *f = arg;

	f->pending--;
	if (hdr->type == XS_TRANSACTION_START)
		track_transaction(f, body);
	queue(f, hdr, body, false);
}

static int forward(struct xb_file *f, xenbus_reply_fn *fn, void *arg)
{
	int rc = xenbus_send(&f->req.hdr, f->req.body, fn, arg);

	if (!rc)
		f->pending++;
	return rc;
}

static void watch_fired(struct xenbus_watch *w, const char *path)
{
	struct dev_watch *dw = container_of(w, struct dev_watch, w);
	size_t path_len = strlen(path) + 1, token_len = strlen(dw->token) + 1;
	struct xsd_sockmsg hdr = { .type = XS_WATCH_EVENT,
				   .len = (uint32_t)(path_len + token_len) };
	char body[XENSTORE_PAYLOAD_MAX];

	if (hdr.len > sizeof(body))
		return;
	memcpy(body, path, path_len);
	memcpy(body + path_len, dw->token, token_len);
	queue(dw->f, &hdr, body, true);
}

/* "path\0token\0", each string ending inside the payload. */
static bool split_watch(struct xb_file *f, const char **path, const char **token)
{
	size_t len = f->req.hdr.len, path_len = strnlen(f->req.body, len);

	if (path_len + 1 >= len || strnlen(f->req.body + path_len + 1, len - path_len - 1) !=
					   len - path_len - 2)
		return false;
	*path = f->req.body;
	*token = f->req.body + path_len + 1;
	return true;
}

static struct dev_watch *find_watch(struct xb_file *f, const char *path, const char *token)
{
	struct dev_watch *dw;

	for (dw = f->watches; dw; dw = dw->next)
		if (!strcmp(dw->path, path) && !strcmp(dw->token, token))
			return dw;
	return NULL;
}

static void unlink_watch(struct dev_watch *dw)
{
	struct dev_watch **pp;

	for (pp = &dw->f->watches; *pp != dw; pp = &(*pp)->next)
		;
	*pp = dw->next;
	xenbus_watch_unregister(&dw->w);
	xenbus_forget(dw);
	kfree(dw->path);
	kfree(dw->token);
	kfree(dw);
}

/* The request again, with the kernel's token for the file's. */
static int send_with_token(struct xb_file *f, struct dev_watch *dw, xenbus_reply_fn *fn,
			   void *arg)
{
	int rc = xenbus_send_watch(f->req.hdr.type, &dw->w, dw->path, f->req.hdr.req_id, fn,
				   arg);

	if (!rc)
		f->pending++;
	return rc;
}

static void watch_reply(void *arg, const struct xsd_sockmsg *hdr, const char *body)
{
	struct dev_watch *dw = arg;
	struct xb_file *f = dw->f;

	if (hdr->type == XS_ERROR)
		unlink_watch(dw);
	reply(f, hdr, body);
}

static int watch(struct xb_file *f)
{
	const char *path, *token;
	struct dev_watch *dw;
	int rc;

	if (!split_watch(f, &path, &token))
		return -EINVAL;
	if (find_watch(f, path, token))
		return answer_error(f, "EEXIST");
	dw = kzalloc(sizeof(*dw));
	if (!dw || !(dw->path = copy_string(path)) || !(dw->token = copy_string(token))) {
		if (dw)
			kfree(dw->path);
		kfree(dw);
		return -ENOMEM;
	}
	dw->w.fire = watch_fired;
	dw->f = f;
	dw->next = f->watches;
	f->watches = dw;
	xenbus_watch_register(&dw->w);
	rc = send_with_token(f, dw, watch_reply, dw);
	if (rc)
		unlink_watch(dw);
	return rc;
}

static int unwatch(struct xb_file *f)
{
	const char *path, *token;
	struct dev_watch *dw;
	int rc;

	if (!split_watch(f, &path, &token))
		return -EINVAL;
	dw = find_watch(f, path, token);
	if (!dw)
		return answer_error(f, "ENOENT");
	rc = send_with_token(f, dw, reply, f);
	unlink_watch(dw);
	return rc;
}

static int submit(struct xb_file *f)
{
	switch (f->req.hdr.type) {
	case XS_WATCH:
		return watch(f);
	case XS_UNWATCH:
		return unwatch(f);
	case XS_TRANSACTION_END:
		end_transaction(f, f->req.hdr.tx_id);
		return forward(f, reply, f);
	case XS_CONTROL: case XS_DIRECTORY: case XS_DIRECTORY_PART: case XS_READ:
	case XS_GET_PERMS: case XS_TRANSACTION_START: case XS_INTRODUCE: case XS_RELEASE:
	case XS_GET_DOMAIN_PATH: case XS_WRITE: case XS_MKDIR: case XS_RM: case XS_SET_PERMS:
	case XS_IS_DOMAIN_INTRODUCED: case XS_RESUME: case XS_SET_TARGET:
		return forward(f, reply, f);
	default:
		return -EINVAL;
	}
}

static int wait_for_room(struct file *file, struct xb_file *f)
{
	while (f->pending >= MAX_PENDING) {
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		if (sleep_on(f))
			return -EINTR;
	}
	return 0;
}

/* The bytes the message being written still needs: its header, then its body. */
static size_t still_needed(const struct xb_file *f)
{
	if (f->req_len < sizeof(f->req.hdr))
		return sizeof(f->req.hdr) - f->req_len;
	return sizeof(f->req.hdr) + f->req.hdr.len - f->req_len;
}

static ssize_t xb_write(struct file *file, const void *user_buf, size_t n)
{
	struct xb_file *f = file->priv;
	size_t done = 0;

	while (done < n) {
		size_t take = MIN(n - done, still_needed(f));
		int rc = 0;

		if (copy_from_user((char *)&f->req + f->req_len, (const char *)user_buf + done,
				   take))
			return -EFAULT;
		f->req_len += take;
		done += take;
		if (f->req_len == sizeof(f->req.hdr) && f->req.hdr.len > XENSTORE_PAYLOAD_MAX)
			rc = -EINVAL;
		else if (f->req_len < sizeof(f->req.hdr) || still_needed(f))
			continue;
		else if (!(rc = wait_for_room(file, f)))
			rc = submit(f);
		f->req_len = 0;
		if (rc)
			return rc;
	}
	return (ssize_t)n;
}

static ssize_t xb_read(struct file *file, void *user_buf, size_t n)
{
	struct xb_file *f = file->priv;
	size_t done = 0;

	while (!f->head) {
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		if (sleep_on(f))
			return -EINTR;
	}
	while (f->head && done < n) {
		struct queued *q = f->head;
		size_t take = MIN(n - done, q->len - f->head_done);

		if (copy_to_user((char *)user_buf + done, q->bytes + f->head_done, take))
			return done ? (ssize_t)done : -EFAULT;
		done += take;
		f->head_done += take;
		if (f->head_done < q->len)
			break;
		f->head = q->next;
		if (!f->head)
			f->tail = &f->head;
		f->head_done = 0;
		f->queued--;
		kfree(q);
	}
	return (ssize_t)done;
}

/* queue() and reply() wake pollers as they wake readers and writers. */
static unsigned xb_poll(struct file *file)
{
	struct xb_file *f = file->priv;

	return (f->head ? POLL_READABLE : 0) | (f->pending < MAX_PENDING ? POLL_WRITABLE : 0);
}

static int xb_open(struct file *file)
{
	struct xb_file *f = kzalloc(sizeof(*f));

	if (!f)
		return -ENOMEM;
	f->tail = &f->head;
	file->priv = f;
	return 0;
}

/* Watches and transactions left open go, with no one to hear the answers. */
static void undo_open_requests(struct xb_file *f)
{
	while (f->watches) {
		xenbus_send_watch(XS_UNWATCH, &f->watches->w, f->watches->path, 0, NULL, NULL);
		unlink_watch(f->watches);
	}
	while (f->txs) {
		struct xsd_sockmsg hdr = { .type = XS_TRANSACTION_END, .tx_id = f->txs->id,
					   .len = 2 };

		xenbus_send(&hdr, "F", NULL, NULL);
		end_transaction(f, f->txs->id);
	}
}

static void xb_release(struct file *file)
{
	struct xb_file *f = file->priv;

	if (!f)
		return;
	xenbus_forget(f);
	undo_open_requests(f);
	while (f->head) {
		struct queued *q = f->head;

		f->head = q->next;
		kfree(q);
	}
	kfree(f);
}

const struct file_ops xenbus_dev_ops = {
	.open = xb_open,
	.read = xb_read,
	.write = xb_write,
	.poll = xb_poll,
	.release = xb_release,
};
