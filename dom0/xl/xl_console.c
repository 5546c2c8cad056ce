/*
 * A domain's console, as xl console ID and xl create -c attach to it: the
 * ring (io/console.h) mapped through privcmd; what the guest wrote goes to
 * stdout, what the user types to the ring, every 10 ms, with dom0's
 * console in raw mode meanwhile. Ctrl-] detaches; so does the guest's
 * shutting down, once the ring is empty. The guest polls its input and
 * waits for output room by yielding, so the ring needs no event either
 * way. Without xenstore, the ring's frame is where xl create left it
 * (xl_state.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <xen/io/console.h>

#include "xl_cmd.h"

#define POLL_NS (10 * 1000 * 1000)
#define CTRL_RIGHT_BRACKET 0x1d

/* What the domU wrote since last time; -1 if its indices claim more than fits. */
static int drain(struct xencons_interface *r)
{
	XENCONS_RING_IDX prod = __atomic_load_n(&r->out_prod, __ATOMIC_ACQUIRE);
	XENCONS_RING_IDX cons = r->out_cons;

	if (prod - cons > sizeof(r->out))
		return -1;
	while (cons != prod)
		putchar(r->out[MASK_XENCONS_IDX(cons++, r->out)]);
	__atomic_store_n(&r->out_cons, cons, __ATOMIC_RELEASE);
	fflush(stdout);
	return 0;
}

/*
 * What the user typed, into the guest's input while it has room; true
 * once Ctrl-] comes. A byte at a time, so that what follows Ctrl-] stays
 * for dom0's shell.
 */
static bool feed(int keys, struct xencons_interface *r)
{
	XENCONS_RING_IDX prod = r->in_prod;
	bool detach = false;
	char c;

	while (!detach && prod - __atomic_load_n(&r->in_cons, __ATOMIC_ACQUIRE) < sizeof(r->in) &&
	       read(keys, &c, 1) == 1) {
		detach = c == CTRL_RIGHT_BRACKET;
		if (!detach)
			r->in[MASK_XENCONS_IDX(prod++, r->in)] = c;
	}
	__atomic_store_n(&r->in_prod, prod, __ATOMIC_RELEASE);
	return detach;
}

static bool shut_down(xc_interface *xch, uint32_t domid)
{
	xc_domaininfo_t info;

	return xc_domain_getinfolist(xch, domid, 1, &info) != 1 || info.domain != domid ||
	       (info.flags & XEN_DOMINF_shutdown);
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

static int attach(xc_interface *xch, uint32_t domid, struct xencons_interface *r)
{
	struct timespec poll = { 0, POLL_NS };
	struct termios saved;
	int keys = raw_keys(&saved), rc;
	bool down, detach = false;

	/* Looked at before the drain: what it wrote before going down is in the ring. */
	do {
		down = shut_down(xch, domid);
		rc = drain(r);
		if (keys >= 0)
			detach = feed(keys, r);
	} while (!rc && !down && !detach && !nanosleep(&poll, NULL));
	if (keys >= 0) {
		ioctl(keys, TCSETS, &saved);
		close(keys);
	}
	/* The guest's last line may be unfinished: dom0's prompt starts a new one. */
	if (detach)
		putchar('\n');
	if (rc)
		fprintf(stderr, "xl: console of domain %u: ring indices out of range\n", domid);
	return rc ? 1 : 0;
}

int xl_console_attach(xc_interface *xch, uint32_t domid, xen_pfn_t mfn)
{
	int err = 0, rc;
	struct xencons_interface *r =
		xc_map_foreign_bulk(xch, domid, PROT_READ | PROT_WRITE, &mfn, &err, 1);

	if (!r || err) {
		fprintf(stderr, "xl: console of domain %u: cannot map its ring (%d)\n", domid,
			r ? err : -errno);
		if (r)
			munmap(r, 4096);
		return 1;
	}
	rc = attach(xch, domid, r);
	munmap(r, 4096);
	return rc;
}

/* xl console ID: the ring its console/ring-ref in xenstore names. */
int xl_console(xc_interface *xch, char **argv)
{
	char *ref, *end;
	unsigned long mfn = 0;
	uint32_t domid;

	if (xl_domid(argv[0], &domid))
		return 1;
	ref = xl_store_read(domid, "console/ring-ref");
	if (ref)
		mfn = strtoul(ref, &end, 10);
	if (!ref || !*ref || *end) {
		fprintf(stderr, "xl: console %u: no console/ring-ref in xenstore\n", domid);
		free(ref);
		return 1;
	}
	free(ref);
	return xl_console_attach(xch, domid, mfn);
}
