/* Watches live on a channel of their own (xenstore.h says why): opened by
 * the first xs_watch() or xs_fileno(), it carries watch requests and the
 * events, never a reply to anything else. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include "handle.h"

static struct channel *watch_channel(struct xs_handle *h)
{
	if (h->watch.fd < 0 && channel_open(h->path, &h->watch))
		return NULL;
	return &h->watch;
}

/* path, NUL, token, NUL. */
static bool watch_request(struct xs_handle *h, uint32_t type, const char *path,
			  const char *token)
{
	size_t plen = strlen(path) + 1, tlen = strlen(token) + 1;
	struct channel *ch = watch_channel(h);
	char buf[XENSTORE_PAYLOAD_MAX];

	if (!ch)
		return false;
	if (plen + tlen > sizeof(buf)) {
		errno = E2BIG;
		return false;
	}
	memcpy(buf, path, plen);
	memcpy(buf + plen, token, tlen);
	return talk_ok(h, ch, XBT_NULL, type, buf,
		       (unsigned int)(plen + tlen));
}

bool xs_watch(struct xs_handle *h, const char *path, const char *token)
{
	return watch_request(h, XS_WATCH, path, token);
}

bool xs_path_is_subpath(const char *parent, const char *child)
{
	size_t len = strlen(parent);

	return !strncmp(child, parent, len) &&
	       (child[len] == '\0' || child[len] == '/');
}

/* Events kept for the watch removed would only confuse the caller. */
static void drop_events(struct xs_handle *h, const char *path,
			const char *token)
{
	struct queued_event **p = &h->events, *e;

	while ((e = *p)) {
		if (!strcmp(e->vec[XS_WATCH_TOKEN], token) &&
		    xs_path_is_subpath(path, e->vec[XS_WATCH_PATH])) {
			*p = e->next;
			free(e->vec);
			free(e);
		} else {
			p = &e->next;
		}
	}
	h->events_tail = p;
}

bool xs_unwatch(struct xs_handle *h, const char *path, const char *token)
{
	if (!watch_request(h, XS_UNWATCH, path, token))
		return false;
	drop_events(h, path, token);
	return true;
}

int xs_fileno(struct xs_handle *h)
{
	struct channel *ch = watch_channel(h);

	return ch ? ch->fd : -1;
}

static char **dequeue(struct xs_handle *h, unsigned int *num)
{
	struct queued_event *e = h->events;
	char **vec = e->vec;

	h->events = e->next;
	if (!h->events)
		h->events_tail = &h->events;
	if (num)
		*num = e->num;
	free(e);
	return vec;
}

/* Reads messages off the watch channel until one is an event; block says
 * whether to wait for the first. */
static bool receive_event(struct xs_handle *h, bool block)
{
	struct channel *ch = watch_channel(h);
	struct pollfd pfd;
	struct xsd_sockmsg hdr;
	char *payload;

	if (!ch)
		return false;
	pfd = (struct pollfd){ .fd = ch->fd, .events = POLLIN };
	while (!h->events) {
		if (!block && poll(&pfd, 1, 0) != 1) {
			errno = EAGAIN;
			return false;
		}
		if (read_message(h, ch, &hdr, &payload))
			return false;
		free(payload);
	}
	return true;
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
	return receive_event(h, true) ? dequeue(h, num) : NULL;
}

char **xs_check_watch(struct xs_handle *h)
{
	return receive_event(h, false) ? dequeue(h, NULL) : NULL;
}
