/*
 * Each console's output goes to /var/log/xen/console/guest-NAME.log, which
 * starts afresh with each domain; its path goes to the domain's
 * console/log in xenstore once the log is ready, for xl console to read.
 * A ring whose indices claim more than it holds is not served again; the
 * daemon says so once, and the other consoles carry on.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xen/xen.h>
#include <xen/domctl.h>
#include <xen/sys/evtchn.h>
#include <xenstore.h>

#include "cons_ring.h"
#include "consoles.h"

#define LOG_DIR "/var/log/xen/console"
#define PAGE_SIZE 4096
#define MAX_DOMAINS 128

struct console {
	struct console *next;
	uint32_t domid;
	unsigned long mfn;
	struct xencons_interface *ring;
	int local_port, log;
	bool broken, seen;
};

static char *read_node(struct consoles *cs, uint32_t domid, const char *node)
{
	char path[64];
	unsigned int len;

	snprintf(path, sizeof(path), "/local/domain/%u/%s", domid, node);
	return xs_read(cs->xsh, XBT_NULL, path, &len);
}

static bool read_number(struct consoles *cs, uint32_t domid, const char *node,
			unsigned long *value)
{
	char *s = read_node(cs, domid, node), *end;
	bool ok = s && *s;

	if (ok)
		*value = strtoul(s, &end, 10);
	ok = ok && !*end;
	free(s);
	return ok;
}

/* The log, emptied, named as Xen's xenconsoled names guest logs. */
static int open_log(struct consoles *cs, uint32_t domid, char *path, size_t size)
{
	char *name = read_node(cs, domid, "name");
	int fd;

	mkdir("/var", 0755);
	mkdir("/var/log", 0755);
	mkdir("/var/log/xen", 0755);
	mkdir(LOG_DIR, 0755);
	if (name)
		snprintf(path, size, LOG_DIR "/guest-%s.log", name);
	else
		snprintf(path, size, LOG_DIR "/guest-%u.log", domid);
	free(name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
	if (fd < 0)
		fprintf(stderr, "xenconsoled: %s: %s\n", path, strerror(errno));
	return fd;
}

static int bind_port(struct consoles *cs, uint32_t domid, unsigned long port)
{
	struct ioctl_evtchn_bind_interdomain bind = { domid, (unsigned int)port };

	return ioctl(cs->evtchn_fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind);
}

static void release(struct consoles *cs, struct console *c)
{
	struct ioctl_evtchn_unbind unbind = { (unsigned int)c->local_port };

	if (c->local_port >= 0)
		ioctl(cs->evtchn_fd, IOCTL_EVTCHN_UNBIND, &unbind);
	if (c->ring)
		munmap(c->ring, PAGE_SIZE);
	if (c->log >= 0)
		close(c->log);
	free(c);
}

static void drain(struct consoles *cs, struct console *c)
{
	struct ioctl_evtchn_notify notify = { (unsigned int)c->local_port };
	char buf[sizeof(c->ring->out)];
	int n;

	if (c->broken || !c->ring)
		return;
	n = cons_ring_read_out(c->ring, buf, sizeof(buf));
	if (n < 0) {
		fprintf(stderr, "xenconsoled: domain %u: console ring indices out of range\n",
			c->domid);
		c->broken = true;
		return;
	}
	if (n > 0 && write(c->log, buf, (size_t)n) != n)
		fprintf(stderr, "xenconsoled: domain %u: log: %s\n", c->domid, strerror(errno));
	/* The guest waits for room by polling out_cons; this tells it sooner. */
	if (n > 0)
		ioctl(cs->evtchn_fd, IOCTL_EVTCHN_NOTIFY, &notify);
}

static struct console *find(struct consoles *cs, uint32_t domid)
{
	struct console *c;

	for (c = cs->list; c && c->domid != domid; c = c->next)
		;
	return c;
}

/* Each step that fails says so once: the console is then left alone. */
static bool connect(struct consoles *cs, struct console *c, unsigned long port)
{
	char path[128], node[64];

	c->ring = xc_map_foreign_range(cs->xch, c->domid, PAGE_SIZE, PROT_READ | PROT_WRITE,
				       c->mfn);
	if (!c->ring) {
		fprintf(stderr, "xenconsoled: domain %u: cannot map its console ring\n", c->domid);
		return false;
	}
	c->local_port = bind_port(cs, c->domid, port);
	if (c->local_port < 0) {
		fprintf(stderr, "xenconsoled: domain %u: cannot bind console port %lu: %s\n",
			c->domid, port, strerror(errno));
		return false;
	}
	c->log = open_log(cs, c->domid, path, sizeof(path));
	snprintf(node, sizeof(node), "/local/domain/%u/console/log", c->domid);
	return c->log >= 0 && xs_write(cs->xsh, XBT_NULL, node, path, strlen(path));
}

/* Nothing happens until xl has written the console's entries. */
static void serve(struct consoles *cs, uint32_t domid)
{
	struct console *c;
	unsigned long mfn, port;

	if (!read_number(cs, domid, "console/ring-ref", &mfn) ||
	    !read_number(cs, domid, "console/port", &port))
		return;
	c = calloc(1, sizeof(*c));
	if (!c)
		return;
	*c = (struct console){ .domid = domid, .mfn = mfn, .local_port = -1, .log = -1,
			       .seen = true };
	c->broken = !connect(cs, c, port);
	c->next = cs->list;
	cs->list = c;
	drain(cs, c);
}

/* The same id with another ring is a new domain: ids come back. */
static bool still_there(struct consoles *cs, const xc_domaininfo_t *info)
{
	struct console *c = find(cs, info->domain);
	unsigned long mfn;

	if (!c || (info->flags & XEN_DOMINF_dying))
		return false;
	c->seen = read_number(cs, c->domid, "console/ring-ref", &mfn) && mfn == c->mfn;
	return c->seen;
}

void consoles_scan(struct consoles *cs)
{
	static xc_domaininfo_t info[MAX_DOMAINS];
	int n = xc_domain_getinfolist(cs->xch, 1, MAX_DOMAINS, info);
	struct console **pp, *c;

	if (n < 0)
		return;
	for (c = cs->list; c; c = c->next)
		c->seen = false;
	for (int i = 0; i < n; i++)
		still_there(cs, &info[i]);
	/* What a domain wrote before it went is still in its ring. */
	for (pp = &cs->list; (c = *pp);) {
		if (c->seen) {
			pp = &c->next;
			continue;
		}
		drain(cs, c);
		*pp = c->next;
		release(cs, c);
	}
	for (int i = 0; i < n; i++)
		if (!(info[i].flags & XEN_DOMINF_dying) && !find(cs, info[i].domain))
			serve(cs, info[i].domain);
}

void consoles_service(struct consoles *cs, uint32_t local_port)
{
	struct console *c;

	for (c = cs->list; c && c->local_port != (int)local_port; c = c->next)
		;
	if (c)
		drain(cs, c);
}
