/*
 * A domain's console as xl create -c follows it: the ring (io/console.h)
 * mapped through privcmd and drained to stdout, every 10 ms, until the
 * domain has shut down and the ring is empty. The domU waits for room by
 * yielding, so draining needs no event back. Not done yet: input to the
 * guest, and xl console ID, which needs the ring's frame from xenstore.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>
#include <xen/io/console.h>

#include "xl_cmd.h"

#define POLL_NS (10 * 1000 * 1000)

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

static bool shut_down(xc_interface *xch, uint32_t domid)
{
	xc_domaininfo_t info;

	return xc_domain_getinfolist(xch, domid, 1, &info) != 1 || info.domain != domid ||
	       (info.flags & XEN_DOMINF_shutdown);
}

int xl_console_follow(xc_interface *xch, uint32_t domid, xen_pfn_t mfn)
{
	struct timespec poll = { 0, POLL_NS };
	int err = 0, rc;
	struct xencons_interface *r =
		xc_map_foreign_bulk(xch, domid, PROT_READ | PROT_WRITE, &mfn, &err, 1);
	bool down;

	if (!r || err) {
		fprintf(stderr, "xl: console of domain %u: cannot map its ring (%d)\n", domid,
			r ? err : -errno);
		return 1;
	}
	/* Looked at before the drain: what it wrote before going down is in the ring. */
	do {
		down = shut_down(xch, domid);
		rc = drain(r);
	} while (!rc && !down && !nanosleep(&poll, NULL));
	if (rc)
		fprintf(stderr, "xl: console of domain %u: ring indices out of range\n", domid);
	munmap(r, 4096);
	return rc ? 1 : 0;
}
