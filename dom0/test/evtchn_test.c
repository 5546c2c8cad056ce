/*
 * /dev/xen/evtchn from dom0's userland, hostile calls included: each gets
 * Linux's answer or, passed through, Xen's. Two open files of dom0 make a
 * loopback channel (one binds an unbound port for dom0 itself, the other
 * binds to it) and send events both ways. Prints a line per failed check
 * (check.h), then "evtchn_test: N passed, N failed"; exits 1 on any
 * failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ioctl.h>
#include <xen/xen.h>
#include <xen/event_channel.h>
#include <xen/sys/evtchn.h>

#include "check.h"

#define DEVICE "/dev/xen/evtchn"
/* The device's ring: a page of ports. */
#define RING_PORTS (4096 / sizeof(uint32_t))
/* How long an event may take to arrive. */
#define EVENT_WAIT_MS 1000
#define LEAK_ROUNDS 8
#define LEAK_PAIRS 50
#define NO_SUCH_DOMAIN 1000

static int bind_unbound(int fd, unsigned remote)
{
	struct ioctl_evtchn_bind_unbound_port b = { .remote_domain = remote };

	return ioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &b);
}

static int bind_interdomain(int fd, unsigned remote, unsigned port)
{
	struct ioctl_evtchn_bind_interdomain b = { .remote_domain = remote, .remote_port = port };

	return ioctl(fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
}

static int bind_virq(int fd, unsigned virq)
{
	struct ioctl_evtchn_bind_virq b = { .virq = virq };

	return ioctl(fd, IOCTL_EVTCHN_BIND_VIRQ, &b);
}

static int unbind(int fd, unsigned port)
{
	struct ioctl_evtchn_unbind u = { .port = port };

	return ioctl(fd, IOCTL_EVTCHN_UNBIND, &u);
}

static int notify(int fd, unsigned port)
{
	struct ioctl_evtchn_notify n = { .port = port };

	return ioctl(fd, IOCTL_EVTCHN_NOTIFY, &n);
}

static int restrict_to(int fd, domid_t domid)
{
	struct ioctl_evtchn_restrict_domid r = { .domid = domid };

	return ioctl(fd, IOCTL_EVTCHN_RESTRICT_DOMID, &r);
}

/* Unmasks a port the file owns. */
static int write_port(int fd, uint32_t port)
{
	return (int)write(fd, &port, sizeof(port));
}

static int poll_in(int fd, int timeout)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, timeout) == 1 ? p.revents : 0;
}

/* The next port fd reads, once one comes (a second at most); -1 if none. */
static long next_port(int fd)
{
	uint32_t port;

	if (poll_in(fd, EVENT_WAIT_MS) != POLLIN || read(fd, &port, sizeof(port)) != sizeof(port))
		return -1;
	return port;
}

static int quiet(int fd)
{
	return poll_in(fd, 0) == 0;
}

static void nap_ms(long ms)
{
	struct timespec t = { 0, ms * 1000000 };

	nanosleep(&t, NULL);
}

/* Xen clears a port's pending bit as it closes it: the next binding of
 * that number starts quiet. The port closed is the lowest free one after
 * (the pair took the lowest two), so Xen hands it out again at once. */
static void check_closed_pending(int fa, int fb)
{
	int a = bind_unbound(fa, 0), b = bind_interdomain(fb, 0, a), again;

	EXPECT(a > 0 && b > 0 && next_port(fb) == b, "a loopback pair; the bind's event arrives");
	EXPECT(notify(fa, a) == 0 && quiet(fb), "an event on the masked end stays pending");
	EXPECT(unbind(fb, b) == 0, "that end unbound with its event pending");
	again = bind_unbound(fb, 0);
	EXPECT(again == b, "Xen hands out the pending port's number again");
	EXPECT(quiet(fb), "its new binding has no event from the old one");
	EXPECT(unbind(fb, again) == 0 && unbind(fa, a) == 0, "both unbound");
}

/* The bind leaves the new end pending (Xen's rule), so its first event
 * comes at once; then each event masks the port until it is written back. */
static bool check_loopback(int fa, int fb, int *pa, int *pb)
{
	int a = bind_unbound(fa, 0), b = bind_interdomain(fb, 0, a);
	uint32_t port;

	EXPECT(a > 0, "BIND_UNBOUND_PORT for dom0 itself gives a port");
	EXPECT(b > 0 && b != a, "BIND_INTERDOMAIN to it from another file gives another");
	EXPECT(next_port(fb) == b, "the bind's own event reaches the binding file");
	EXPECT(read(fb, &port, sizeof(port)) == -1 && errno == EAGAIN,
	       "an O_NONBLOCK read of an empty ring: EAGAIN");
	EXPECT(notify(fa, a) == 0 && quiet(fb), "NOTIFY a: nothing while b is masked");
	EXPECT(write_port(fb, b) == 4 && next_port(fb) == b,
	       "writing b back unmasks it and the event comes");
	EXPECT(write_port(fb, b) == 4 && notify(fa, a) == 0 && next_port(fb) == b,
	       "NOTIFY a again: b comes");
	EXPECT(quiet(fa), "nothing came the other way");
	*pa = a;
	*pb = b;
	return a > 0 && b > 0;
}

/* A child that sends on port through fd (a shared file) after a while. */
static pid_t notify_later(int fd, int port)
{
	pid_t pid = fork();

	if (pid == 0) {
		nap_ms(20);
		_exit(notify(fd, port) == 0 ? 0 : 1);
	}
	return pid;
}

static int exited_ok(pid_t pid)
{
	int status = -1;

	return waitpid(pid, &status, 0) == pid && status == 0;
}

/* A blocking read, and a poll with no timeout, sleep until the event. */
static void check_blocking(int fa, int fb, int a, int b)
{
	uint32_t port = 0;
	pid_t pid = notify_later(fb, b);

	EXPECT(read(fa, &port, sizeof(port)) == 4 && port == (uint32_t)a,
	       "a blocking read of a waits for a child's NOTIFY on b");
	EXPECT(exited_ok(pid), "the child's NOTIFY was 0");
	pid = notify_later(fb, b);
	EXPECT(write_port(fa, a) == 4 && poll_in(fa, -1) == POLLIN &&
		       read(fa, &port, sizeof(port)) == 4 && port == (uint32_t)a,
	       "so does a poll of a with no timeout");
	EXPECT(exited_ok(pid), "the child's NOTIFY was 0");
}

/* Whole ports only: fewer than 4 bytes read nothing (0, as on Linux). */
static void check_reads(int fa, int fb, int a, int b)
{
	uint32_t ports[2] = { 0, 0 };

	EXPECT(write_port(fa, a) == 4 && notify(fb, b) == 0 && poll_in(fa, EVENT_WAIT_MS) == POLLIN,
	       "unmask a and NOTIFY b: a is readable");
	EXPECT(read(fa, ports, 3) == 0, "a 3-byte read returns 0");
	EXPECT(read(fa, (void *)16, 4) == -1 && errno == EFAULT, "a read into a bad buffer: EFAULT");
	EXPECT(read(fa, ports, 6) == 4 && ports[0] == (uint32_t)a,
	       "a 6-byte read returns the one port left there");
	EXPECT(write_port(fa, a) == 4 && notify(fb, b) == 0 && poll_in(fa, EVENT_WAIT_MS) == POLLIN &&
		       ioctl(fa, IOCTL_EVTCHN_RESET) == 0 && quiet(fa),
	       "RESET empties the ring");
	EXPECT(write_port(fa, a) == 4 && quiet(fa), "the event RESET dropped does not come again");
}

/* 1024 unread ports fill the ring; one more overflows it: read EFBIG and
 * poll POLLERR until RESET. */
static void check_overflow(int fa, int fb, int a, int b)
{
	uint32_t port;
	unsigned i;

	for (i = 0; i < RING_PORTS; i++)
		if (write_port(fb, b) != 4 || notify(fa, a) != 0)
			break;
	EXPECT(i == RING_PORTS && poll_in(fb, 0) == POLLIN, "a full ring of b is readable");
	EXPECT(write_port(fb, b) == 4 && notify(fa, a) == 0 && poll_in(fb, 0) == POLLERR,
	       "one more event overflows it: POLLERR alone");
	EXPECT(read(fb, &port, sizeof(port)) == -1 && errno == EFBIG, "a read after the overflow: EFBIG");
	EXPECT(ioctl(fb, IOCTL_EVTCHN_RESET) == 0 && read(fb, &port, sizeof(port)) == -1 &&
		       errno == EAGAIN,
	       "RESET clears the overflow: an empty ring again");
	EXPECT(write_port(fb, b) == 4 && notify(fa, a) == 0 && next_port(fb) == b,
	       "events come after RESET");
}

/* Ports of the other file, or of no one: Linux's answers, nothing done. */
static void check_not_owned(int fa, int fb, int a, int b)
{
	uint32_t garbage[] = { (uint32_t)b, 0, 4096, 0xffffffff };

	EXPECT(unbind(fa, b) == -1 && errno == ENOTCONN, "UNBIND of the other file's port: ENOTCONN");
	EXPECT(unbind(fa, 4096) == -1 && errno == EINVAL, "UNBIND of port 4096: EINVAL");
	EXPECT(unbind(fa, 0xffffffff) == -1 && errno == EINVAL, "UNBIND of port 2^32-1: EINVAL");
	EXPECT(notify(fa, b) == -1 && errno == ENOTCONN, "NOTIFY of the other file's port: ENOTCONN");
	EXPECT(notify(fa, 0) == -1 && errno == ENOTCONN, "NOTIFY of port 0: ENOTCONN");
	EXPECT(notify(fa, 0xffffffff) == -1 && errno == ENOTCONN, "NOTIFY of port 2^32-1: ENOTCONN");
	EXPECT(write(fa, garbage, sizeof(garbage)) == sizeof(garbage),
	       "writing ports it does not own is accepted");
	EXPECT(notify(fa, a) == 0 && quiet(fb), "and unmasks none of them: b stays masked");
	EXPECT(write_port(fb, b) == 4 && next_port(fb) == b, "b's owner unmasks it");
	EXPECT(write(fa, garbage, 3) == 0, "a 3-byte write: 0");
	EXPECT(write(fa, (void *)16, 4) == -1 && errno == EFAULT, "a write from a bad buffer: EFAULT");
	EXPECT(ioctl(fa, IOCTL_EVTCHN_NOTIFY, (void *)16) == -1 && errno == EFAULT,
	       "an ioctl with a bad argument: EFAULT");
	EXPECT(ioctl(fa, _IOC(_IOC_NONE, 'E', 99, 0), 0) == -1 && errno == ENOSYS,
	       "an unknown ioctl: ENOSYS");
}

/* Binds that Xen refuses: its errors come through. */
static void check_xen_refusals(int fa, int fb, int a)
{
	int other = bind_unbound(fa, NO_SUCH_DOMAIN), virq;

	EXPECT(bind_interdomain(fb, NO_SUCH_DOMAIN, 1) == -1 && errno == ESRCH,
	       "BIND_INTERDOMAIN to domain 1000, which does not exist: ESRCH");
	EXPECT(other > 0, "BIND_UNBOUND_PORT for domain 1000: Xen does not look for it");
	EXPECT(bind_interdomain(fb, 0, other) == -1 && errno == EINVAL,
	       "BIND_INTERDOMAIN to a port waiting for domain 1000: EINVAL");
	EXPECT(bind_interdomain(fb, 0, a) == -1 && errno == EINVAL,
	       "BIND_INTERDOMAIN to a port already bound: EINVAL");
	EXPECT(bind_interdomain(fb, 0, 0) == -1 && errno == EINVAL,
	       "BIND_INTERDOMAIN to port 0: EINVAL");
	EXPECT(bind_interdomain(fb, 0, 4095) == -1 && errno == EINVAL,
	       "BIND_INTERDOMAIN to port 4095, never allocated: EINVAL");
	EXPECT(bind_virq(fa, VIRQ_TIMER) == -1 && errno == EEXIST,
	       "BIND_VIRQ of the timer the kernel has bound: EEXIST");
	EXPECT(bind_virq(fa, NR_VIRQS) == -1 && errno == EINVAL, "BIND_VIRQ of virq 24: EINVAL");
	virq = bind_virq(fa, VIRQ_DEBUG);
	EXPECT(virq > 0 && unbind(fa, virq) == 0 && (virq = bind_virq(fa, VIRQ_DEBUG)) > 0,
	       "BIND_VIRQ of VIRQ_DEBUG, UNBIND, and again");
	EXPECT(unbind(fa, other) == 0 && unbind(fa, virq) == 0, "UNBIND of both");
}

static void check_unbind(int fa, int fb, int a, int b)
{
	int again;

	EXPECT(unbind(fb, b) == 0, "UNBIND b");
	EXPECT(unbind(fb, b) == -1 && errno == ENOTCONN, "UNBIND b again: ENOTCONN");
	EXPECT(notify(fb, b) == -1 && errno == ENOTCONN, "NOTIFY b after its UNBIND: ENOTCONN");
	EXPECT(notify(fa, a) == 0, "NOTIFY a, which waits for dom0 again: Xen drops it, 0");
	again = bind_interdomain(fb, 0, a);
	EXPECT(again > 0 && next_port(fb) == again, "BIND_INTERDOMAIN to a again");
}

/* As Linux: binds only to that domain, once restricted; for good. */
static void check_restrict(void)
{
	int fd = open(DEVICE, O_RDWR);

	EXPECT(restrict_to(fd, 0) == -1 && errno == EINVAL, "RESTRICT_DOMID to domain 0: EINVAL");
	EXPECT(restrict_to(fd, DOMID_FIRST_RESERVED) == -1 && errno == EINVAL,
	       "RESTRICT_DOMID to DOMID_FIRST_RESERVED: EINVAL");
	EXPECT(restrict_to(fd, NO_SUCH_DOMAIN) == 0, "RESTRICT_DOMID to domain 1000");
	EXPECT(restrict_to(fd, 1) == -1 && errno == EACCES, "RESTRICT_DOMID twice: EACCES");
	EXPECT(bind_unbound(fd, 0) == -1 && errno == EACCES, "then BIND_UNBOUND_PORT: EACCES");
	EXPECT(bind_virq(fd, VIRQ_DEBUG) == -1 && errno == EACCES, "then BIND_VIRQ: EACCES");
	EXPECT(bind_interdomain(fd, 0, 1) == -1 && errno == EACCES,
	       "then BIND_INTERDOMAIN to dom0: EACCES");
	EXPECT(bind_interdomain(fd, NO_SUCH_DOMAIN, 1) == -1 && errno == ESRCH,
	       "then BIND_INTERDOMAIN to domain 1000 reaches Xen: ESRCH");
	close(fd);
}

/* Kernel memory free, in KiB (/proc/meminfo's MemFree). */
static long mem_free_kb(void)
{
	char buf[512], *at;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	at = strstr(buf, "MemFree:");
	return at ? strtol(at + strlen("MemFree:"), NULL, 10) : -1;
}

/* One file binds loopback pairs and is closed with them bound. */
static int bind_pairs_and_close(int *ports)
{
	int fd = open(DEVICE, O_RDWR), ok = fd >= 0;

	for (int i = 0; ok && i < LEAK_PAIRS; i++) {
		ports[2 * i] = bind_unbound(fd, 0);
		ports[2 * i + 1] = bind_interdomain(fd, 0, ports[2 * i]);
		ok = ports[2 * i] > 0 && ports[2 * i + 1] > 0;
	}
	return close(fd) == 0 && ok;
}

/* Closing gives every port back to Xen and every page to the kernel:
 * each round gets the same ports, and memory stays as after the first. */
static void check_no_leak(void)
{
	int first[2 * LEAK_PAIRS], ports[2 * LEAK_PAIRS], ok = bind_pairs_and_close(first);
	long free_kb = mem_free_kb();

	for (int round = 1; round < LEAK_ROUNDS && ok; round++)
		ok = bind_pairs_and_close(ports) && !memcmp(ports, first, sizeof(ports));
	EXPECT(ok, "files closed with 100 ports bound, 8 times: the same ports each time");
	EXPECT(free_kb > 0 && mem_free_kb() == free_kb, "and the same memory free");
}

int main(void)
{
	int fa = open(DEVICE, O_RDWR), fb = open(DEVICE, O_RDWR | O_NONBLOCK), a, b;
	check_name = "evtchn_test";

	EXPECT(fa >= 0 && fb >= 0, "open " DEVICE " twice");
	check_closed_pending(fa, fb);
	/* Without a channel, the checks after would wait in vain. */
	if (check_loopback(fa, fb, &a, &b)) {
		check_blocking(fa, fb, a, b);
		check_reads(fa, fb, a, b);
		check_overflow(fa, fb, a, b);
		check_not_owned(fa, fb, a, b);
		check_xen_refusals(fa, fb, a);
		check_unbind(fa, fb, a, b);
	}
	check_restrict();
	EXPECT(close(fa) == 0 && close(fb) == 0, "close both with ports bound");
	check_no_leak();
	return check_summary();
}
