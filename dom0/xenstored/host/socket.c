#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "socket.h"

struct socket_end {
	int fd;
};

static int end_fd(const struct xs_conn *c)
{
	return ((const struct socket_end *)c->transport_data)->fd;
}

static bool would_block(void)
{
	return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

/* A socket read of 0 bytes is the client hanging up. */
static int socket_read(struct xs_conn *c, void *buf, unsigned int len)
{
	ssize_t n = recv(end_fd(c), buf, len, 0);

	if (n < 0 && would_block())
		return 0;
	return n > 0 ? (int)n : -1;
}

static int socket_write(struct xs_conn *c, const void *buf, unsigned int len)
{
	ssize_t n = send(end_fd(c), buf, len, MSG_NOSIGNAL);

	if (n < 0 && would_block())
		return 0;
	return n >= 0 ? (int)n : -1;
}

static void socket_close(struct xs_conn *c)
{
	close(end_fd(c));
	free(c->transport_data);
	c->transport_data = NULL;
}

/* As Xen's xenstored drops a socket client that breaks the protocol. */
static void socket_fail(struct xs_conn *c, unsigned int error)
{
	(void)error;
	conn_end(c);
}

static const struct xs_transport socket_transport = {
	.read = socket_read,
	.write = socket_write,
	.close = socket_close,
	.fail = socket_fail,
};

int socket_listen(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    chmod(path, 0600) || listen(fd, 16)) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

struct xs_conn *socket_accept(struct xs_daemon *d, int listen_fd)
{
	struct socket_end *end = NULL;
	struct xs_conn *c = NULL;
	int fd = accept(listen_fd, NULL, NULL);

	if (fd < 0)
		return NULL;
	if (!fcntl(fd, F_SETFL, O_NONBLOCK))
		end = malloc(sizeof(*end));
	if (end) {
		end->fd = fd;
		c = conn_new(d, 0, &socket_transport, end);
	}
	if (!c) {
		free(end);
		close(fd);
	}
	return c;
}

int socket_fd(const struct xs_conn *c)
{
	return c->transport == &socket_transport ? end_fd(c) : -1;
}
