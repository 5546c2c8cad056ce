/* The request/reply exchange, one request at a time per channel; watch
 * events that arrive meanwhile are queued for xs_read_watch(). */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "handle.h"

static int write_all(const struct channel *ch, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		/* A daemon gone must not kill the caller with SIGPIPE. */
		ssize_t n = ch->socket ? send(ch->fd, p, len, MSG_NOSIGNAL)
				       : write(ch->fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int read_all(const struct channel *ch, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = read(ch->fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = ECONNRESET;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* An event's payload: path NUL token NUL. */
static void queue_event(struct xs_handle *h, const char *payload,
			unsigned int len)
{
	struct queued_event *e = malloc(sizeof(*e));
	unsigned int num = 0;
	char **vec = string_vector(payload, len, &num);

	if (!e || !vec || num < 2) {
		free(e);
		free(vec);
		return;
	}
	e->vec = vec;
	e->num = num;
	e->next = NULL;
	*h->events_tail = e;
	h->events_tail = &e->next;
}

int read_message(struct xs_handle *h, struct channel *ch,
		 struct xsd_sockmsg *hdr, char **payload)
{
	if (read_all(ch, hdr, sizeof(*hdr)))
		return -1;
	if (hdr->len > XENSTORE_PAYLOAD_MAX) {
		errno = E2BIG;
		return -1;
	}
	*payload = malloc(hdr->len + 1);
	if (!*payload)
		return -1;
	if (read_all(ch, *payload, hdr->len)) {
		free(*payload);
		return -1;
	}
	(*payload)[hdr->len] = '\0';
	if (hdr->type == XS_WATCH_EVENT)
		queue_event(h, *payload, hdr->len);
	return 0;
}

static int send_request(struct xs_handle *h, struct channel *ch,
			xs_transaction_t t, uint32_t type, const void *payload,
			unsigned int len)
{
	char buf[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX];
	struct xsd_sockmsg hdr = {
		.type = type, .req_id = h->next_req_id++, .tx_id = t, .len = len,
	};

	if (len > XENSTORE_PAYLOAD_MAX) {
		errno = E2BIG;
		return -1;
	}
	/* One write per message: a xenbus device takes them whole. */
	memcpy(buf, &hdr, sizeof(hdr));
	memcpy(buf + sizeof(hdr), payload, len);
	return write_all(ch, buf, sizeof(hdr) + len);
}

void *talk(struct xs_handle *h, struct channel *ch, xs_transaction_t t,
	   uint32_t type, const void *payload, unsigned int len,
	   unsigned int *reply_len)
{
	struct xsd_sockmsg hdr;
	char *reply;

	if (send_request(h, ch, t, type, payload, len))
		return NULL;
	do {
		if (read_message(h, ch, &hdr, &reply))
			return NULL;
		if (hdr.type == XS_WATCH_EVENT)
			free(reply);
	} while (hdr.type == XS_WATCH_EVENT);
	if (hdr.type != type) {
		errno = hdr.type == XS_ERROR ? xs_error_number(reply) : EBADMSG;
		free(reply);
		return NULL;
	}
	if (reply_len)
		*reply_len = hdr.len;
	return reply;
}

void *talk_string(struct xs_handle *h, xs_transaction_t t, uint32_t type,
		  const char *arg, unsigned int *reply_len)
{
	return talk(h, &h->req, t, type, arg, (unsigned int)strlen(arg) + 1,
		    reply_len);
}

bool talk_ok(struct xs_handle *h, struct channel *ch, xs_transaction_t t,
	     uint32_t type, const void *payload, unsigned int len)
{
	char *reply = talk(h, ch, t, type, payload, len, NULL);
	bool ok = reply && !strcmp(reply, "OK");

	if (reply && !ok)
		errno = EBADMSG;
	free(reply);
	return ok;
}
