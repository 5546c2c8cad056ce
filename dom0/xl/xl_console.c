/*
 * A domain's console, as xl console ID and xl create -c attach to it.
 * xenconsoled keeps the guest's output in a log (console/log in xenstore
 * names it) whether or not anyone is attached; xl shows the part of it no
 * earlier xl console showed (console/log-shown counts those bytes), then
 * what comes, and types what the user types into the ring's input itself
 * (the frame is console/ring-ref), checking both every 10 ms, with dom0's
 * console in raw mode meanwhile. Ctrl-] detaches; so does the guest's
 * shutting down, once xenconsoled has logged all it wrote. The guest
 * polls its input, so typing needs no event.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <xenstore.h>

#include "cons_ring.h"
#include "xl_cmd.h"

#define POLL_NS (10 * 1000 * 1000)
#define CTRL_RIGHT_BRACKET 0x1d

struct session {
	uint32_t domid;
	struct xencons_interface *ring;
	int log, keys;
	unsigned long shown;
};

/* What the log gained since last time. */
static void show(struct session *s)
{
	char buf[1024];
	ssize_t n;

	while ((n = read(s->log, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, (size_t)n, stdout);
		s->shown += (unsigned long)n;
	}
	fflush(stdout);
}

/*
 * What the user typed, into the guest's input while it has room; true
 * once Ctrl-] comes. A byte at a time, so that what follows Ctrl-] stays
 * for dom0's shell.
 */
static bool feed(struct session *s)
{
	char c;

	while (byte_ring_used(sizeof(s->ring->in), &s->ring->in_cons, &s->ring->in_prod) <
		       (long)sizeof(s->ring->in) &&
	       read(s->keys, &c, 1) == 1) {
		if (c == CTRL_RIGHT_BRACKET)
			return true;
		cons_ring_write_in(s->ring, &c, 1);
	}
	return false;
}

static bool shut_down(xc_interface *xch, uint32_t domid)
{
	return xl_domain_state(xch, domid) != XL_DOMAIN_RUNNING;
}

/* Keys as they come, unechoed, without waiting; the old mode in *saved.
 * -1 if there is no console to read: the guest is then only shown. */
static int raw_keys(struct termios *saved)
{
	int keys = open("/dev/console", O_RDONLY | O_NONBLOCK);
	struct termios t;

	if (keys < 0)
		return -1;
	if (ioctl(keys, TCGETS, saved) < 0) {
		close(keys);
		return -1;
	}
	t = *saved;
	t.c_lflag &= ~(ICANON | ECHO);
	ioctl(keys, TCSETS, &t);
	return keys;
}

/* Its output is all logged: nothing left in the ring for xenconsoled. */
static bool drained(const struct session *s)
{
	return !byte_ring_used(sizeof(s->ring->out), &s->ring->out_cons, &s->ring->out_prod);
}

static void run(xc_interface *xch, struct session *s)
{
	struct timespec poll = { 0, POLL_NS };
	struct termios saved;
	bool down, detach = false;

	s->keys = raw_keys(&saved);
	/* Looked at before the log: what it wrote before going down is there. */
	do {
		down = shut_down(xch, s->domid) && drained(s);
		show(s);
		if (s->keys >= 0)
			detach = feed(s);
	} while (!down && !detach && !nanosleep(&poll, NULL));
	if (s->keys >= 0) {
		ioctl(s->keys, TCSETS, &saved);
		close(s->keys);
	}
	/* The guest's last line may be unfinished: dom0's prompt starts a new one. */
	if (detach)
		putchar('\n');
}

static bool read_number(uint32_t domid, const char *node, unsigned long *value)
{
	char *text = xl_store_read(domid, node), *end;
	bool ok = text && *text;

	if (ok)
		*value = strtoul(text, &end, 10);
	ok = ok && !*end;
	free(text);
	return ok;
}

/* xenconsoled names the log once it is ready; a new domain's may not be. */
static char *wait_for_log(xc_interface *xch, uint32_t domid)
{
	char node[64], **event, *path;
	unsigned int num;

	snprintf(node, sizeof(node), "/local/domain/%u/console/log", domid);
	if (!xs_watch(xl_store(), node, "log"))
		return NULL;
	while (!(path = xl_store_read(domid, "console/log")) && !shut_down(xch, domid) &&
	       (event = xs_read_watch(xl_store(), &num)))
		free(event);
	xs_unwatch(xl_store(), node, "log");
	return path;
}

static int open_session(xc_interface *xch, struct session *s)
{
	unsigned long mfn;
	char *path;

	if (!read_number(s->domid, "console/ring-ref", &mfn)) {
		fprintf(stderr, "xl: console %u: no console/ring-ref in xenstore\n", s->domid);
		return -1;
	}
	s->ring = xc_map_foreign_range(xch, s->domid, 4096, PROT_READ | PROT_WRITE, mfn);
	if (!s->ring) {
		fprintf(stderr, "xl: console of domain %u: cannot map its ring (%d)\n", s->domid,
			-errno);
		return -1;
	}
	path = wait_for_log(xch, s->domid);
	s->log = path ? open(path, O_RDONLY) : -1;
	if (s->log < 0)
		fprintf(stderr, "xl: console of domain %u: no log from xenconsoled\n", s->domid);
	free(path);
	if (!read_number(s->domid, "console/log-shown", &s->shown))
		s->shown = 0;
	return s->log < 0 || lseek(s->log, (off_t)s->shown, SEEK_SET) < 0 ? -1 : 0;
}

int xl_console_attach(xc_interface *xch, uint32_t domid)
{
	struct session s = { .domid = domid, .log = -1 };
	char shown[24];
	int rc = open_session(xch, &s);

	if (!rc) {
		run(xch, &s);
		snprintf(shown, sizeof(shown), "%lu", s.shown);
		xl_store_write(domid, "console/log-shown", shown);
	}
	if (s.log >= 0)
		close(s.log);
	if (s.ring)
		munmap(s.ring, 4096);
	return rc ? 1 : 0;
}

int xl_console(xc_interface *xch, char **argv)
{
	uint32_t domid;

	return xl_domid(argv[0], &domid) ? 1 : xl_console_attach(xch, domid);
}
