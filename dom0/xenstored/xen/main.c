/* xenstored in domain 0: serves every introduced domain's ring, dom0's own
 * among them (dom0's kernel carries /dev/xen/xenbus over it), each woken
 * through /dev/xen/evtchn; VIRQ_DOM_EXC says a domain went. It stays in
 * the foreground: dom0's /etc/rc starts it with "&". */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <xen/xen.h>
#include <xen/sys/evtchn.h>
#include <xen/sys/xenbus_dev.h>
#include "../domain.h"
#include "platform.h"

static int fail(const char *what)
{
	fprintf(stderr, "xenstored: %s: %s\n", what, strerror(errno));
	return 1;
}

static void log_stderr(const char *line)
{
	fprintf(stderr, "xenstored: %s\n", line);
}

/* Each port read is masked until it is written back. */
static int serve(struct xs_daemon *d, const struct xen_platform *p, int virq_port)
{
	uint32_t ports[64];

	for (;;) {
		ssize_t n = read(p->evtchn_fd, ports, sizeof(ports));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail("reading /dev/xen/evtchn");
		for (size_t i = 0; i < (size_t)n / sizeof(ports[0]); i++)
			if ((int)ports[i] == virq_port)
				domains_check(d);
		domains_service(d);
		daemon_reap(d);
		if (write(p->evtchn_fd, ports, (size_t)n) != n)
			return fail("unmasking ports");
	}
}

int main(int argc, char **argv)
{
	struct ioctl_evtchn_bind_virq virq = { VIRQ_DOM_EXC };
	struct xen_platform p;
	struct xs_daemon d;
	const char *what;
	int port, virq_port;

	if (xen_platform_open(&p, &what))
		return fail(what);
	if (daemon_init(&d, &p.ops))
		return fail("starting");
	if (argc > 1 && !strcmp(argv[1], "--verbose"))
		d.log = log_stderr;
	port = ioctl(p.backend_fd, IOCTL_XENBUS_BACKEND_EVTCHN);
	if (port < 0)
		return fail("dom0's xenstore channel");
	errno = domain_introduce(&d, 0, 0, (unsigned int)port);
	if (errno)
		return fail("connecting dom0's ring");
	virq_port = ioctl(p.evtchn_fd, IOCTL_EVTCHN_BIND_VIRQ, &virq);
	if (virq_port < 0)
		return fail("binding VIRQ_DOM_EXC");
	domains_service(&d);
	return serve(&d, &p, virq_port);
}
