#include <stdbool.h>

#include "cons_ring.h"
#include "domu_map.h"
#include "evtchn.h"
#include "frames.h"
#include "hypercall.h"
#include "pagetable.h"
#include "test.h"
#include "xencons.h"

/* The builder maps the ring in the initial mapping: virt_base 0, VA = PFN. */
static struct xencons_interface *own_ring(void)
{
	return (struct xencons_interface *)(mfn_to_pfn(xen_start_info->console.domU.mfn)
					    << PAGE_SHIFT);
}

void xencons_write(const char *s, size_t len)
{
	struct xencons_interface *r = own_ring();
	evtchn_port_t port = xen_start_info->console.domU.evtchn;
	int done;

	while (len && (done = cons_ring_write_out(r, s, len)) >= 0) {
		s += done;
		len -= (size_t)done;
		/* Full: let the backend run. */
		if (len) {
			evtchn_send(port);
			HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
		}
	}
	evtchn_send(port);
}

long xencons_attach(struct xencons_backend *b, domid_t domid, xen_pfn_t mfn,
		    evtchn_port_t remote_port)
{
	long rc = domu_map(b->window, domid, mfn);

	if (rc)
		return rc;
	rc = evtchn_bind_interdomain(domid, remote_port, &b->port);
	if (rc) {
		domu_unmap(b->window);
		return rc;
	}
	b->domid = domid;
	b->ring = (struct xencons_interface *)b->window;
	b->len = 0;
	return 0;
}

/* A full line buffer is handed on as a line of its own. */
static void take(struct xencons_backend *b, char c)
{
	if (c == '\n' || b->len == sizeof(b->line) - 1) {
		b->line[b->len] = '\0';
		b->on_line(b, b->line);
		b->len = 0;
	}
	if (c != '\n')
		b->line[b->len++] = c;
}

long xencons_drain(struct xencons_backend *b)
{
	char buf[256];
	bool moved = false;
	int n;

	while ((n = cons_ring_read_out(b->ring, buf, sizeof(buf))) > 0) {
		for (int i = 0; i < n; i++)
			take(b, buf[i]);
		moved = true;
	}
	if (moved)
		evtchn_send(b->port);
	return n < 0 ? -XEN_EIO : 0;
}

long xencons_detach(struct xencons_backend *b)
{
	long rc = evtchn_close(b->port);
	long unmapped = domu_unmap(b->window);

	b->ring = NULL;
	return rc ? rc : unmapped;
}
