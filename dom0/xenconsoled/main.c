/*
 * xenconsoled: domain 0's console daemon. Every guest's console output
 * goes to its log (consoles.c) as the guest writes it, attached or not,
 * so that a guest never waits for a reader; xl console shows the log and
 * types into the ring itself. Domains come and go on @introduceDomain
 * and @releaseDomain; rings speak through /dev/xen/evtchn. It stays in
 * the foreground: dom0's /etc/rc starts it with "&", after xenstored.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xenstore.h>

#include "consoles.h"

static int fail(const char *what)
{
	fprintf(stderr, "xenconsoled: %s: %s\n", what, strerror(errno));
	return 1;
}

/* Events that came while the watches were set, or since: any one means
 * a domain came or went. */
static void take_watch_events(struct consoles *cs)
{
	char **event;
	bool any = false;

	while ((event = xs_check_watch(cs->xsh))) {
		free(event);
		any = true;
	}
	if (any)
		consoles_scan(cs);
}

/* Each port read is masked until it is written back. */
static int serve_ports(struct consoles *cs)
{
	uint32_t ports[64];
	ssize_t n = read(cs->evtchn_fd, ports, sizeof(ports));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : fail("reading /dev/xen/evtchn");
	for (size_t i = 0; i < (size_t)n / sizeof(ports[0]); i++)
		consoles_service(cs, ports[i]);
	return write(cs->evtchn_fd, ports, (size_t)n) == n ? 0 : fail("unmasking ports");
}

static int open_all(struct consoles *cs)
{
	cs->evtchn_fd = open("/dev/xen/evtchn", O_RDWR | O_NONBLOCK);
	if (cs->evtchn_fd < 0)
		return fail("/dev/xen/evtchn");
	cs->xch = xc_interface_open(NULL, NULL, 0);
	if (!cs->xch)
		return fail("/dev/xen/privcmd");
	cs->xsh = xs_open(0);
	if (!cs->xsh)
		return fail("xenstore");
	if (!xs_watch(cs->xsh, "@introduceDomain", "in") ||
	    !xs_watch(cs->xsh, "@releaseDomain", "out"))
		return fail("watching domains");
	return 0;
}

int main(void)
{
	struct consoles cs = { 0 };

	if (open_all(&cs))
		return 1;
	consoles_scan(&cs);
	for (;;) {
		struct pollfd fds[2] = { { cs.evtchn_fd, POLLIN, 0 },
					 { xs_fileno(cs.xsh), POLLIN, 0 } };

		take_watch_events(&cs);
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return fail("poll");
		}
		if ((fds[0].revents & POLLIN) && serve_ports(&cs))
			return 1;
	}
}
