/* xs_open() and xs_close(): the daemon's socket, else a xenbus device file,
 * looked for as Xen's libxenstore does. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "handle.h"

static const char *xenbus_device(void)
{
	const char *env = getenv("XENSTORED_PATH");

	return env ? env : "/dev/xen/xenbus";
}

static int connect_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int channel_open(const char *path, struct channel *ch)
{
	struct stat st;

	if (stat(path, &st))
		return -1;
	ch->socket = S_ISSOCK(st.st_mode);
	ch->fd = ch->socket ? connect_socket(path) : open(path, O_RDWR | O_CLOEXEC);
	return ch->fd < 0 ? -1 : 0;
}

void channel_close(struct channel *ch)
{
	if (ch->fd >= 0)
		close(ch->fd);
	ch->fd = -1;
}

struct xs_handle *xs_open(unsigned long flags)
{
	struct xs_handle *h = calloc(1, sizeof(*h));
	const char *path = xs_daemon_socket();

	(void)flags;
	if (!h)
		return NULL;
	h->watch.fd = -1;
	h->events_tail = &h->events;
	if (channel_open(path, &h->req)) {
		path = xenbus_device();
		if (channel_open(path, &h->req)) {
			free(h);
			return NULL;
		}
	}
	h->path = strdup(path);
	if (!h->path) {
		xs_close(h);
		return NULL;
	}
	return h;
}

void xs_close(struct xs_handle *h)
{
	if (!h)
		return;
	channel_close(&h->req);
	channel_close(&h->watch);
	while (h->events) {
		struct queued_event *e = h->events;

		h->events = e->next;
		free(e->vec);
		free(e);
	}
	free(h->path);
	free(h);
}
