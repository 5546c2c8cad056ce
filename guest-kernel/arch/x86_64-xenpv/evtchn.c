/*
 * /dev/xen/evtchn, event channels for user space (xenstored, console
 * daemons), as Linux's drivers/xen/evtchn.c has them. Each open file owns
 * the ports its ioctls bind and closes them when it goes. An event on one
 * masks the port and queues its number in the file's ring, where read()
 * finds it; write() of port numbers unmasks those the file owns. The ring
 * is one page, as Linux's was until it learned to grow it with the ports
 * bound: more than 1024 events unread overflow it (a port is queued once
 * until written back, so only a file that owns more ports than that, or
 * unmasks ports it has not read, gets there), and reads fail with EFBIG
 * until IOCTL_EVTCHN_RESET.
 *
 * The answers are Linux's: a port the file does not own is ENOTCONN to
 * NOTIFY and UNBIND (a port past the 2-level ABI's last is EINVAL to
 * UNBIND), write() skips it; after RESTRICT_DOMID, binds other than
 * interdomain to that domain are EACCES; an unknown ioctl is ENOSYS.
 * Xen's errors pass through.
 */
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "heap.h"
#include "hypercall.h"
#include "lib.h"
#include "page_alloc.h"
#include "sched.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"
#include "xenpv.h"
#include <linux/types.h>
#include <xen/sys/evtchn.h>

#define RING_PORTS (PAGE_SIZE / sizeof(evtchn_port_t))
#define WORD_BITS (8 * sizeof(unsigned long))
#define UNRESTRICTED DOMID_INVALID

struct evtchn_file {
	evtchn_port_t *ring;           /* one page */
	unsigned cons, prod;           /* free-running; RESET zeroes both */
	bool overflow;
	domid_t restrict_domid;
	unsigned long owned[EVENT_PORTS / WORD_BITS];
};

static bool owns(const struct evtchn_file *u, evtchn_port_t port)
{
	return port < EVENT_PORTS && (u->owned[port / WORD_BITS] >> (port % WORD_BITS) & 1);
}

/* The upcall's handler for every port a file owns. The port stays masked
 * until the file's owner writes it back. */
static void port_event(unsigned port, void *arg)
{
	struct evtchn_file *u = arg;

	event_mask(port);
	if (u->prod - u->cons < RING_PORTS) {
		u->ring[u->prod++ % RING_PORTS] = port;
		wakeup(u);
	} else {
		u->overflow = true;
	}
}

/* rc: the answer of the hypercall that bound port, which must come first. */
static long own(struct evtchn_file *u, long rc, evtchn_port_t port)
{
	if (rc)
		return rc;
	u->owned[port / WORD_BITS] |= 1UL << (port % WORD_BITS);
	event_handle(port, port_event, u);
	return port;
}

static void disown(struct evtchn_file *u, evtchn_port_t port)
{
	u->owned[port / WORD_BITS] &= ~(1UL << (port % WORD_BITS));
	event_close(port);
}

static bool restricted(const struct evtchn_file *u)
{
	return u->restrict_domid != UNRESTRICTED;
}

static long bind_virq(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_bind_virq bind;
	struct evtchn_bind_virq op = { .vcpu = 0 };
	long rc;

	if (restricted(u))
		return -EACCES;
	if (copy_from_user(&bind, user_arg, sizeof(bind)))
		return -EFAULT;
	op.virq = bind.virq;
	rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &op);
	return own(u, rc, op.port);
}

static long bind_interdomain(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_bind_interdomain bind;
	struct evtchn_bind_interdomain op;
	long rc;

	if (copy_from_user(&bind, user_arg, sizeof(bind)))
		return -EFAULT;
	if (restricted(u) && u->restrict_domid != bind.remote_domain)
		return -EACCES;
	op.remote_dom = (domid_t)bind.remote_domain;
	op.remote_port = bind.remote_port;
	rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain, &op);
	return own(u, rc, op.local_port);
}

static long bind_unbound(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_bind_unbound_port bind;
	struct evtchn_alloc_unbound op = { .dom = DOMID_SELF };
	long rc;

	if (restricted(u))
		return -EACCES;
	if (copy_from_user(&bind, user_arg, sizeof(bind)))
		return -EFAULT;
	op.remote_dom = (domid_t)bind.remote_domain;
	rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &op);
	return own(u, rc, op.port);
}

static long unbind(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_unbind op;

	if (copy_from_user(&op, user_arg, sizeof(op)))
		return -EFAULT;
	if (op.port >= EVENT_PORTS)
		return -EINVAL;
	if (!owns(u, op.port))
		return -ENOTCONN;
	disown(u, op.port);
	return 0;
}

/* As Linux, whatever Xen says of the send. */
static long notify(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_notify op;

	if (copy_from_user(&op, user_arg, sizeof(op)))
		return -EFAULT;
	if (!owns(u, op.port))
		return -ENOTCONN;
	event_send(op.port);
	return 0;
}

static long restrict_domid(struct evtchn_file *u, const void *user_arg)
{
	struct ioctl_evtchn_restrict_domid op;

	if (restricted(u))
		return -EACCES;
	if (copy_from_user(&op, user_arg, sizeof(op)))
		return -EFAULT;
	if (op.domid == 0 || op.domid >= DOMID_FIRST_RESERVED)
		return -EINVAL;
	u->restrict_domid = op.domid;
	return 0;
}

static long evtchn_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	struct evtchn_file *u = f->priv;
	const void *user_arg = (const void *)arg;

	switch (cmd) {
	case IOCTL_EVTCHN_BIND_VIRQ:
		return bind_virq(u, user_arg);
	case IOCTL_EVTCHN_BIND_INTERDOMAIN:
		return bind_interdomain(u, user_arg);
	case IOCTL_EVTCHN_BIND_UNBOUND_PORT:
		return bind_unbound(u, user_arg);
	case IOCTL_EVTCHN_UNBIND:
		return unbind(u, user_arg);
	case IOCTL_EVTCHN_NOTIFY:
		return notify(u, user_arg);
	case IOCTL_EVTCHN_RESET:
		u->cons = u->prod = 0;
		u->overflow = false;
		return 0;
	case IOCTL_EVTCHN_RESTRICT_DOMID:
		return restrict_domid(u, user_arg);
	default:
		return -ENOSYS;
	}
}

/* Waits for a port, or the overflow. */
static int wait_for_port(struct file *f, struct evtchn_file *u)
{
	int rc;

	while (!u->overflow && u->cons == u->prod) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		rc = sleep_on(u);
		if (rc)
			return rc;
	}
	return u->overflow ? -EFBIG : 0;
}

/* Whole port numbers only, a page's worth at most: a buffer of fewer
 * than 4 bytes reads nothing (0), as on Linux. */
static ssize_t evtchn_read(struct file *f, void *user_buf, size_t n)
{
	struct evtchn_file *u = f->priv;
	unsigned want = (unsigned)MIN(n, PAGE_SIZE) / sizeof(evtchn_port_t), count, first;
	int rc;

	if (!want)
		return 0;
	rc = wait_for_port(f, u);
	if (rc)
		return rc;
	count = MIN(want, u->prod - u->cons);
	first = MIN(count, RING_PORTS - u->cons % RING_PORTS);
	if (copy_to_user(user_buf, &u->ring[u->cons % RING_PORTS], first * sizeof(evtchn_port_t)) ||
	    copy_to_user((evtchn_port_t *)user_buf + first, u->ring,
			 (count - first) * sizeof(evtchn_port_t)))
		return -EFAULT;
	u->cons += count;
	return (ssize_t)(count * sizeof(evtchn_port_t));
}

/* Copied in whole before any port is unmasked, so that a fault unmasks none. */
static ssize_t evtchn_write(struct file *f, const void *user_buf, size_t n)
{
	struct evtchn_file *u = f->priv;
	unsigned count = (unsigned)MIN(n, PAGE_SIZE) / sizeof(evtchn_port_t);
	evtchn_port_t *ports;

	if (!count)
		return 0;
	ports = pages_alloc(1);
	if (!ports)
		return -ENOMEM;
	if (copy_from_user(ports, user_buf, count * sizeof(evtchn_port_t))) {
		page_free(ports);
		return -EFAULT;
	}
	for (unsigned i = 0; i < count; i++)
		if (owns(u, ports[i]))
			event_unmask(ports[i]);
	page_free(ports);
	return (ssize_t)(count * sizeof(evtchn_port_t));
}

/* An overflow hides everything else, as on Linux. */
static unsigned evtchn_poll(struct file *f)
{
	struct evtchn_file *u = f->priv;

	if (u->overflow)
		return POLLERR;
	return POLL_WRITABLE | (u->cons != u->prod ? POLL_READABLE : 0);
}

static int evtchn_open(struct file *f)
{
	struct evtchn_file *u = kzalloc(sizeof(*u));

	if (!u)
		return -ENOMEM;
	u->ring = pages_alloc(1);
	if (!u->ring) {
		kfree(u);
		return -ENOMEM;
	}
	u->restrict_domid = UNRESTRICTED;
	f->priv = u;
	return 0;
}

static void evtchn_release(struct file *f)
{
	struct evtchn_file *u = f->priv;

	if (!u)
		return;
	for (evtchn_port_t port = 0; port < EVENT_PORTS; port++)
		if (owns(u, port))
			disown(u, port);
	page_free(u->ring);
	kfree(u);
}

const struct file_ops evtchn_ops = {
	.open = evtchn_open,
	.read = evtchn_read,
	.write = evtchn_write,
	.ioctl = evtchn_ioctl,
	.poll = evtchn_poll,
	.release = evtchn_release,
};
