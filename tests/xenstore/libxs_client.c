/* Our libxenstore against a running xenstored ($XENSTORED_PATH): each
 * check prints "ok: NAME" or "FAIL: NAME: why"; run.sh counts them. Waits
 * for events are bounded, so a missing event fails instead of hanging. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <xenstore.h>

#define EVENT_WAIT_MS 5000

static struct xs_handle *h, *other;
static unsigned int failures;

static bool check(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("ok: %s\n", name);
		return true;
	}
	printf("FAIL: %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (errno %s)\n", strerror(errno));
	failures++;
	return false;
}

static bool value_is(struct xs_handle *x, xs_transaction_t t, const char *path,
		     const char *expect)
{
	unsigned int len;
	char *v = xs_read(x, t, path, &len);
	bool ok = v && len == strlen(expect) && !strcmp(v, expect);

	free(v);
	return ok;
}

/* The next event as "path token", waiting at most EVENT_WAIT_MS. */
static const char *next_event(void)
{
	static char text[512];
	struct pollfd pfd = { .fd = xs_fileno(h), .events = POLLIN };
	char **vec = xs_check_watch(h);

	if (!vec && errno == EAGAIN && poll(&pfd, 1, EVENT_WAIT_MS) == 1)
		vec = xs_read_watch(h, NULL);
	if (!vec)
		return "(none)";
	snprintf(text, sizeof(text), "%s %s", vec[XS_WATCH_PATH],
		 vec[XS_WATCH_TOKEN]);
	free(vec);
	return text;
}

static bool event_is(const char *expect)
{
	const char *got = next_event();

	if (strcmp(got, expect))
		fprintf(stderr, "event: got \"%s\", want \"%s\"\n", got, expect);
	return !strcmp(got, expect);
}

static void nodes(void)
{
	static const char binary[] = { 'a', 0, 'b' };
	unsigned int len, num;
	char **names;
	char *v;

	check(xs_write(h, XBT_NULL, "/lib/a", "hello", 5) &&
	      value_is(h, XBT_NULL, "/lib/a", "hello"), "write and read", "");
	check(!xs_read(h, XBT_NULL, "/lib/absent", &len) && errno == ENOENT,
	      "read of an absent node is ENOENT", "");
	v = xs_write(h, XBT_NULL, "/lib/bin", binary, 3) ?
	    xs_read(h, XBT_NULL, "/lib/bin", &len) : NULL;
	check(v && len == 3 && !memcmp(v, binary, 3) && !v[3],
	      "binary values", "");
	free(v);
	check(xs_mkdir(h, XBT_NULL, "/lib/d") &&
	      xs_write(h, XBT_NULL, "/lib/d/x", "1", 1) &&
	      xs_write(h, XBT_NULL, "/lib/d/y", "2", 1), "mkdir", "");
	names = xs_directory(h, XBT_NULL, "/lib/d", &num);
	check(names && num == 2 && !strcmp(names[0], "x") &&
	      !strcmp(names[1], "y"), "directory", "%u names", names ? num : 0);
	free(names);
	check(xs_rm(h, XBT_NULL, "/lib/d") &&
	      !xs_read(h, XBT_NULL, "/lib/d/x", &len) && errno == ENOENT,
	      "rm", "");
	check(xs_write(h, XBT_NULL, "rel", "r", 1) &&
	      value_is(h, XBT_NULL, "/local/domain/0/rel", "r"),
	      "relative paths are dom0's home", "");
}

/* More names than one reply holds: xs_directory() pages through. */
static void long_directory(void)
{
	char path[64];
	unsigned int i, num = 0;
	char **names;

	for (i = 0; i < 300; i++) {
		snprintf(path, sizeof(path), "/lib/big/a-long-child-name-%03u", i);
		if (!xs_write(h, XBT_NULL, path, "", 0))
			break;
	}
	names = xs_directory(h, XBT_NULL, "/lib/big", &num);
	check(names && num == 300 && !strcmp(names[299],
					     "a-long-child-name-299"),
	      "a directory longer than a reply", "%u names", num);
	free(names);
}

static void permissions(void)
{
	struct xs_permissions set[2] = {
		{ .id = 0, .perms = XS_PERM_NONE },
		{ .id = 5, .perms = XS_PERM_READ },
	};
	struct xs_permissions *got;
	unsigned int num = 0;

	check(xs_set_permissions(h, XBT_NULL, "/lib/a", set, 2),
	      "set permissions", "");
	got = xs_get_permissions(h, XBT_NULL, "/lib/a", &num);
	check(got && num == 2 && got[0].id == 0 &&
	      got[0].perms == XS_PERM_NONE && got[1].id == 5 &&
	      got[1].perms == XS_PERM_READ, "get permissions", "%u", num);
	free(got);
	check(!xs_get_permissions(h, XBT_NULL, "/lib/absent", &num) &&
	      errno == ENOENT, "permissions of an absent node", "");
}

static void transactions(void)
{
	xs_transaction_t t = xs_transaction_start(h);
	unsigned int len;

	check(t != XBT_NULL && xs_write(h, t, "/lib/t", "in", 2) &&
	      !xs_read(other, XBT_NULL, "/lib/t", &len) &&
	      xs_transaction_end(h, t, false) &&
	      value_is(other, XBT_NULL, "/lib/t", "in"),
	      "transaction commit", "");
	t = xs_transaction_start(h);
	check(t != XBT_NULL && xs_write(h, t, "/lib/t", "dropped", 7) &&
	      xs_transaction_end(h, t, true) &&
	      value_is(h, XBT_NULL, "/lib/t", "in"), "transaction abort", "");
	t = xs_transaction_start(h);
	check(t != XBT_NULL && value_is(h, t, "/lib/t", "in") &&
	      xs_write(h, t, "/lib/t2", "x", 1) &&
	      xs_write(other, XBT_NULL, "/lib/t", "meanwhile", 9) &&
	      !xs_transaction_end(h, t, false) && errno == EAGAIN &&
	      !xs_read(h, XBT_NULL, "/lib/t2", &len),
	      "a conflict is EAGAIN", "");
}

static void watches(void)
{
	check(xs_check_watch(h) == NULL && errno == EAGAIN,
	      "no event, EAGAIN", "");
	check(xs_watch(h, "/lib/w", "tok") && event_is("/lib/w tok"),
	      "a watch fires once at once", "");
	check(xs_write(other, XBT_NULL, "/lib/w/x", "1", 1) &&
	      event_is("/lib/w/x tok"), "another client's write fires", "");
	check(xs_unwatch(h, "/lib/w", "tok") && xs_watch(h, "/lib/v", "v") &&
	      event_is("/lib/v v") &&
	      xs_write(other, XBT_NULL, "/lib/w/y", "2", 1) &&
	      xs_write(other, XBT_NULL, "/lib/v/z", "3", 1) &&
	      event_is("/lib/v/z v"), "unwatch", "");
	check(!xs_unwatch(h, "/lib/w", "tok") && errno == ENOENT,
	      "unwatch of no watch is ENOENT", "");
}

static void domains(void)
{
	char *path = xs_get_domain_path(h, 3);

	check(path && !strcmp(path, "/local/domain/3"), "domain path", "%s",
	      path ? path : "(null)");
	free(path);
	check(xs_is_domain_introduced(h, 0) && !xs_is_domain_introduced(h, 9),
	      "dom0 is introduced, 9 is not", "");
	check(xs_watch(h, "@introduceDomain", "in") &&
	      event_is("@introduceDomain in") &&
	      xs_watch(h, "@releaseDomain", "out") &&
	      event_is("@releaseDomain out"), "special watches", "");
	check(xs_introduce_domain(h, 9, 1234, 5) &&
	      xs_is_domain_introduced(h, 9) &&
	      event_is("@introduceDomain in"), "introduce", "");
	check(xs_release_domain(h, 9) && !xs_is_domain_introduced(h, 9) &&
	      event_is("@releaseDomain out"), "release", "");
	check(!xs_release_domain(h, 9) && errno == ENOENT,
	      "release of a released domain is ENOENT", "");
}

/* A raw connection to the daemon's socket, for what libxenstore would
 * never send. */
static int raw_connect(void)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s",
		 xs_daemon_socket());
	if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* What the daemon sends back within EVENT_WAIT_MS: bytes, 0 when it hung
 * up, -1 if nothing came. */
static ssize_t raw_answer(int fd, void *buf, size_t len)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, EVENT_WAIT_MS) != 1)
		return -1;
	return read(fd, buf, len);
}

static void hostile_clients(void)
{
	struct xsd_sockmsg hdr = { .type = 99, .req_id = 3 };
	char reply[sizeof(hdr) + 16];
	int fd = raw_connect();

	check(fd >= 0 && write(fd, &hdr, sizeof(hdr)) == sizeof(hdr) &&
	      raw_answer(fd, reply, sizeof(reply)) == sizeof(hdr) + 7 &&
	      !memcmp(reply + sizeof(hdr), "ENOSYS", 7),
	      "an unknown type is ENOSYS", "");
	hdr = (struct xsd_sockmsg){ .type = XS_READ,
				    .len = XENSTORE_PAYLOAD_MAX + 1 };
	check(fd >= 0 && write(fd, &hdr, sizeof(hdr)) == sizeof(hdr) &&
	      raw_answer(fd, reply, sizeof(reply)) == 0,
	      "an oversized payload ends the connection", "");
	if (fd >= 0)
		close(fd);
	fd = raw_connect();
	check(fd >= 0 && write(fd, &hdr, 10) == 10 && !close(fd) &&
	      value_is(h, XBT_NULL, "/lib/a", "hello"),
	      "a client gone half-way leaves the daemon serving", "");
}

int main(void)
{
	h = xs_open(0);
	other = xs_open(0);
	if (!check(h && other, "open", "XENSTORED_PATH=%s",
		   getenv("XENSTORED_PATH")))
		return 1;
	nodes();
	long_directory();
	permissions();
	transactions();
	watches();
	domains();
	hostile_clients();
	xs_close(h);
	xs_close(other);
	xs_close(NULL);
	return failures != 0;
}
