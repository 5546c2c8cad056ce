/*
 * xenstore from a guest (a domU), hostile requests included: what the
 * guest kernel's /dev/xen/xenbus refuses itself (malformed messages,
 * requests that are not requests, watches it cannot tell apart), and what
 * xenstored in dom0 answers a domain that is not privileged (nodes it may
 * not read or write, permissions it may not set, its quotas, a
 * transaction that lost a race). Prints a line per failed check
 * (check.h), then "xenbus_test: N passed, N failed"; exits 1 on any
 * failure. The domain's own directory must be as xl create leaves it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xen/xen.h>
#include <xen/io/xs_wire.h>
#include <xenstore.h>

#include "check.h"

#define DEVICE "/dev/xen/xenbus"
/* xenstored's quotas for a domain (docs/xenstore.md). */
#define NODE_QUOTA 1000
#define WATCH_QUOTA 128

struct msg {
	struct xsd_sockmsg hdr;
	char body[XENSTORE_PAYLOAD_MAX + 1];
};

static bool send_raw(int fd, uint32_t type, uint32_t req_id, const void *body, uint32_t len)
{
	struct msg m = { { type, req_id, 0, len }, { 0 } };

	memcpy(m.body, body, len);
	return write(fd, &m, sizeof(m.hdr) + len) == (ssize_t)(sizeof(m.hdr) + len);
}

/* The next message, header then body (NUL added); false on a short read. */
static bool receive(int fd, struct msg *m)
{
	if (read(fd, &m->hdr, sizeof(m->hdr)) != sizeof(m->hdr) ||
	    m->hdr.len > XENSTORE_PAYLOAD_MAX ||
	    read(fd, m->body, m->hdr.len) != (ssize_t)m->hdr.len)
		return false;
	m->body[m->hdr.len] = '\0';
	return true;
}

static bool answered(int fd, uint32_t type, const char *body)
{
	struct msg m;

	return receive(fd, &m) && m.hdr.type == type && !strcmp(m.body, body);
}

/* What the kernel refuses before xenstored sees it. */
static void check_device_refusals(int fd)
{
	struct xsd_sockmsg huge = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };

	errno = 0;
	EXPECT(write(fd, &huge, sizeof(huge)) < 0 && errno == EINVAL, "oversized header: EINVAL");
	EXPECT(!send_raw(fd, XS_RESET_WATCHES, 2, "", 1) && errno == EINVAL,
	       "XS_RESET_WATCHES: EINVAL (it would drop every watch)");
	EXPECT(!send_raw(fd, XS_WATCH_EVENT, 3, "a\0b", 4) && errno == EINVAL,
	       "an event as a request: EINVAL");
	EXPECT(!send_raw(fd, 9999, 4, "", 1) && errno == EINVAL, "unknown type: EINVAL");
	EXPECT(!send_raw(fd, XS_WATCH, 5, "data", 4) && errno == EINVAL,
	       "watch without a token: EINVAL");
	EXPECT(!send_raw(fd, XS_WATCH, 5, "data\0tok", 8) && errno == EINVAL,
	       "watch with an unterminated token: EINVAL");
	errno = 0;
	EXPECT(write(fd, (void *)16, sizeof(huge)) < 0 && errno == EFAULT, "bad buffer: EFAULT");
}

/* A request in pieces; its reply read in pieces; req_id kept. */
static void check_device_protocol(int fd)
{
	struct msg m = { { XS_READ, 0xdeadbeef, 0, 5 }, "name" };
	struct xsd_sockmsg hdr;
	char tail[64];
	ssize_t n;

	EXPECT(write(fd, &m, 3) == 3 && write(fd, (char *)&m + 3, sizeof(m.hdr) - 3 + 2) ==
						   (ssize_t)(sizeof(m.hdr) - 1) &&
		       write(fd, m.body + 2, 3) == 3,
	       "a request written in three pieces");
	EXPECT(read(fd, &hdr, 8) == 8 && read(fd, (char *)&hdr + 8, 8) == 8 &&
		       hdr.type == XS_READ && hdr.req_id == 0xdeadbeef,
	       "its reply read in pieces, with the caller's req_id");
	n = hdr.len < sizeof(tail) ? read(fd, tail, hdr.len) : -1;
	EXPECT(n == (ssize_t)hdr.len, "the reply's body");
	EXPECT(send_raw(fd, XS_UNWATCH, 6, "data\0nosuch", 12) && answered(fd, XS_ERROR, "ENOENT"),
	       "unwatch of no watch: ENOENT");
	EXPECT(send_raw(fd, XS_WATCH, 7, "data\0t", 7) && answered(fd, XS_WATCH, "OK") &&
		       answered(fd, XS_WATCH_EVENT, "data"),
	       "a watch: OK, then its first event");
	EXPECT(send_raw(fd, XS_WATCH, 8, "data\0t", 7) && answered(fd, XS_ERROR, "EEXIST"),
	       "the same watch again: EEXIST");
}

static void check_nonblocking(void)
{
	int fd = open(DEVICE, O_RDWR | O_NONBLOCK);
	struct pollfd p = { fd, POLLIN, 0 };
	char byte;

	errno = 0;
	EXPECT(fd >= 0 && read(fd, &byte, 1) < 0 && errno == EAGAIN,
	       "nothing to read, O_NONBLOCK: EAGAIN");
	EXPECT(poll(&p, 1, 0) == 0, "poll: not readable before a request");
	EXPECT(send_raw(fd, XS_READ, 1, "name", 5) && poll(&p, 1, 5000) == 1 &&
		       (p.revents & POLLIN),
	       "poll: readable once the reply came");
	close(fd);
}

/* Read-only to the domain: its name; dom0's: everything of dom0's. */
static void check_permissions(struct xs_handle *h)
{
	struct xs_permissions mine[1] = { { 0, XS_PERM_NONE } };
	unsigned int len;
	char *value = NULL;

	EXPECT(!xs_write(h, XBT_NULL, "name", "evil", 4) && errno == EACCES,
	       "write own name: EACCES");
	EXPECT(!xs_write(h, XBT_NULL, "/local/domain/0/evil", "x", 1) && errno == EACCES,
	       "write below dom0's directory: EACCES");
	EXPECT(!xs_write(h, XBT_NULL, "control/evil", "x", 1) && errno == EACCES,
	       "create below control: EACCES");
	EXPECT(!xs_set_permissions(h, XBT_NULL, "name", mine, 1) && errno == EACCES,
	       "set permissions of name: EACCES");
	EXPECT(!xs_rm(h, XBT_NULL, "name") && errno == EACCES, "remove own name: EACCES");
	EXPECT(!xs_introduce_domain(h, 42, 1234, 5) && errno == EACCES,
	       "introduce a domain: EACCES");
	EXPECT(xs_write(h, XBT_NULL, "data/mine", "ok", 2) &&
		       (value = xs_read(h, XBT_NULL, "data/mine", &len)) && len == 2,
	       "write and read below data");
	free(value);
	EXPECT(xs_rm(h, XBT_NULL, "data/mine"), "remove it");
}

/* Two writers of one node: the transaction that read it first loses. */
static void check_transaction_conflict(struct xs_handle *h)
{
	xs_transaction_t t = xs_transaction_start(h);

	EXPECT(t && xs_write(h, t, "data/race", "t", 1), "write inside a transaction");
	EXPECT(xs_write(h, XBT_NULL, "data/race", "other", 5), "write outside it");
	EXPECT(!xs_transaction_end(h, t, false) && errno == EAGAIN, "commit: EAGAIN");
	xs_rm(h, XBT_NULL, "data/race");
}

/* The domain owns a few nodes already: the quota hits before 1000 more. */
static void check_node_quota(struct xs_handle *h)
{
	char path[32];
	int i;

	for (i = 0; i < NODE_QUOTA; i++) {
		snprintf(path, sizeof(path), "data/q/%d", i);
		if (!xs_write(h, XBT_NULL, path, "", 0))
			break;
	}
	EXPECT(i < NODE_QUOTA && errno == ENOSPC, "node quota: ENOSPC");
	EXPECT(xs_rm(h, XBT_NULL, "data/q") && xs_write(h, XBT_NULL, "data/q", "", 0),
	       "nodes removed, room again");
	xs_rm(h, XBT_NULL, "data/q");
}

/* Watches count against the domain's one connection; a closed file's go. */
static void check_watch_quota(void)
{
	int fd = open(DEVICE, O_RDWR), i;
	char body[32];
	struct msg m;

	for (i = 0; i < WATCH_QUOTA + 1; i++) {
		int len = snprintf(body, sizeof(body), "data%cw%d", 0, i) + 1;

		if (!send_raw(fd, XS_WATCH, (uint32_t)i, body, (uint32_t)len) || !receive(fd, &m))
			break;
		if (m.hdr.type == XS_ERROR)
			break;
		receive(fd, &m);
	}
	EXPECT(i <= WATCH_QUOTA && m.hdr.type == XS_ERROR && !strcmp(m.body, "E2BIG"),
	       "watch quota: E2BIG");
	close(fd);
	fd = open(DEVICE, O_RDWR);
	EXPECT(send_raw(fd, XS_WATCH, 1, "data\0again", 11) && answered(fd, XS_WATCH, "OK"),
	       "a closed file's watches are gone: a new one fits");
	close(fd);
}

int main(void)
{
	int fd = open(DEVICE, O_RDWR);
	struct xs_handle *h = xs_open(0);

	check_name = "xenbus_test";
	EXPECT(fd >= 0 && h, "open " DEVICE);
	if (fd < 0 || !h)
		return check_summary();
	check_device_refusals(fd);
	check_device_protocol(fd);
	close(fd);
	check_nonblocking();
	check_permissions(h);
	check_transaction_conflict(h);
	check_node_quota(h);
	check_watch_quota();
	xs_close(h);
	return check_summary();
}
