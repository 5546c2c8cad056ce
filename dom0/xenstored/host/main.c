/* xenstored-host: the daemon on a Unix host, serving its socket to dom0
 * tools (Debian's xenstore-utils, libxenstore) with no domains behind it.
 * It stays in the foreground; SIGTERM or SIGINT end it cleanly. */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xenstore_lib.h>
#include "../conn.h"
#include "socket.h"

/* The signal handler's way into poll(). */
static int stop_pipe[2];

static void on_stop_signal(int sig)
{
	char byte = (char)sig;

	if (write(stop_pipe[1], &byte, 1) < 0)
		return;
}

static void log_stderr(const char *line)
{
	fprintf(stderr, "xenstored-host: %s\n", line);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: xenstored-host [--socket PATH] [quota options]\n"
		"  -s, --socket PATH       listen here (default: $XENSTORED_PATH,\n"
		"                          else $XENSTORED_RUNDIR/socket,\n"
		"                          else /run/xenstored/socket)\n"
		"  -E, --entry-nb N        nodes a domain may own (1000)\n"
		"  -S, --entry-size N      bytes of a node's record (2048)\n"
		"  -W, --watch-nb N        watches per connection (128)\n"
		"  -t, --transaction N     transactions per connection (10)\n"
		"  -A, --perm-nb N         permissions per node (5)\n");
}

/* The quota options carry Xen's xenstored's names and letters. */
static bool parse_args(int argc, char **argv, struct xs_quotas *q,
		       const char **path)
{
	static const struct option options[] = {
		{ "socket", 1, NULL, 's' },
		{ "entry-nb", 1, NULL, 'E' },
		{ "entry-size", 1, NULL, 'S' },
		{ "watch-nb", 1, NULL, 'W' },
		{ "transaction", 1, NULL, 't' },
		{ "perm-nb", 1, NULL, 'A' },
		{ "help", 0, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	bool ok = true;

	while (ok && (opt = getopt_long(argc, argv, "s:E:S:W:t:A:H", options,
					NULL)) != -1) {
		switch (opt) {
		case 's': *path = optarg; break;
		case 'E': ok = xs_parse_uint(optarg, UINT32_MAX, &q->nodes); break;
		case 'S': ok = xs_parse_uint(optarg, UINT32_MAX, &q->node_size); break;
		case 'W': ok = xs_parse_uint(optarg, UINT32_MAX, &q->watches); break;
		case 't': ok = xs_parse_uint(optarg, UINT32_MAX, &q->transactions); break;
		case 'A': ok = xs_parse_uint(optarg, UINT32_MAX, &q->perms); break;
		case 'H': usage(stdout); exit(0);
		default: ok = false;
		}
	}
	return ok && optind == argc;
}

static int install_signals(void)
{
	struct sigaction stop = { .sa_handler = on_stop_signal };
	struct sigaction ignore = { .sa_handler = SIG_IGN };

	if (pipe(stop_pipe))
		return -1;
	return sigaction(SIGTERM, &stop, NULL) || sigaction(SIGINT, &stop, NULL) ||
	       sigaction(SIGPIPE, &ignore, NULL);
}

/* One poll entry per socket connection; conns[i] for fds[i + 2]. */
struct poll_set {
	struct pollfd *fds;
	struct xs_conn **conns;
	unsigned int count;
};

static bool build_poll_set(struct xs_daemon *d, int listen_fd,
			   struct poll_set *set)
{
	struct xs_conn *c;
	unsigned int n = 2;
	void *fds, *conns;

	for (c = d->conns; c; c = c->next)
		n++;
	fds = realloc(set->fds, n * sizeof(*set->fds));
	if (fds)
		set->fds = fds;
	conns = realloc(set->conns, n * sizeof(*set->conns));
	if (conns)
		set->conns = conns;
	if (!fds || !conns)
		return false;
	set->fds[0] = (struct pollfd){ .fd = stop_pipe[0], .events = POLLIN };
	set->fds[1] = (struct pollfd){ .fd = listen_fd, .events = POLLIN };
	set->count = 2;
	for (c = d->conns; c; c = c->next) {
		short events = (conn_wants_input(c) ? POLLIN : 0) |
			       (conn_wants_output(c) ? POLLOUT : 0);

		if (socket_fd(c) < 0)
			continue;
		set->conns[set->count - 2] = c;
		set->fds[set->count++] = (struct pollfd){
			.fd = socket_fd(c), .events = events };
	}
	return true;
}

static void serve_ready(struct xs_daemon *d, const struct poll_set *set)
{
	unsigned int i;

	if (set->fds[1].revents & POLLIN)
		socket_accept(d, set->fds[1].fd);
	for (i = 2; i < set->count; i++) {
		struct xs_conn *c = set->conns[i - 2];

		if (!set->fds[i].revents || c->dead)
			continue;
		conn_input(c);
		conn_output(c);
	}
	daemon_reap(d);
}

static int serve(struct xs_daemon *d, int listen_fd)
{
	struct poll_set set = { 0 };
	int rc = 0;

	for (;;) {
		if (!build_poll_set(d, listen_fd, &set)) {
			rc = ENOMEM;
			break;
		}
		if (poll(set.fds, set.count, -1) < 0) {
			if (errno == EINTR)
				continue;
			rc = errno;
			break;
		}
		if (set.fds[0].revents)
			break;
		serve_ready(d, &set);
	}
	free(set.fds);
	free(set.conns);
	return rc;
}

int main(int argc, char **argv)
{
	struct xs_daemon d;
	const char *path = NULL;
	int listen_fd, rc;

	if (daemon_init(&d, NULL)) {
		fprintf(stderr, "xenstored-host: out of memory\n");
		return 1;
	}
	d.log = log_stderr;
	if (!parse_args(argc, argv, &d.quotas, &path)) {
		usage(stderr);
		return 2;
	}
	if (!path)
		path = xs_daemon_socket();
	/* Handlers first: whoever sees the socket may signal at once. */
	listen_fd = install_signals() ? -1 : socket_listen(path);
	if (listen_fd < 0) {
		fprintf(stderr, "xenstored-host: %s: %s\n", path, strerror(errno));
		return 1;
	}
	rc = serve(&d, listen_fd);
	if (rc)
		fprintf(stderr, "xenstored-host: %s\n", strerror(rc));
	close(listen_fd);
	unlink(path);
	daemon_destroy(&d);
	return rc ? 1 : 0;
}
