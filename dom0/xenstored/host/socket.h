/* The daemon's Unix socket on a host, as Xen's xenstored serves it to dom0
 * tools: every client is dom0 (privileged). */
#ifndef XENSTORED_HOST_SOCKET_H
#define XENSTORED_HOST_SOCKET_H

#include "../conn.h"

/* A listening socket at path (a stale one is replaced), mode 0600; -1 with
 * errno on failure. */
int socket_listen(const char *path);
/* A connection for the next client; NULL if none or out of memory. */
struct xs_conn *socket_accept(struct xs_daemon *d, int listen_fd);
/* The descriptor of a socket connection, -1 for any other kind. */
int socket_fd(const struct xs_conn *c);

#endif
