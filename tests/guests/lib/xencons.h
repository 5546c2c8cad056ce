/*
 * The PV console ring (io/console.h) from both ends: a domU writes its
 * output into `out` and notifies its event channel; the backend in dom0
 * maps the ring, consumes `out` and notifies back, as xenconsoled does.
 */
#ifndef GUEST_XENCONS_H
#define GUEST_XENCONS_H

#include <stddef.h>

#include "pagetable.h"
#include "xen.h"

/* The domU end: the ring and port of start_info.console.domU. */
void xencons_write(const char *s, size_t len);

struct xencons_backend {
	/*
	 * The ring is mapped over this page of ours: one per backend, so that
	 * dom0 can serve several domUs at once.
	 */
	char window[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
	domid_t domid;
	struct xencons_interface *ring;	/* NULL when detached */
	evtchn_port_t port;	/* ours, bound to the domU's */
	char line[256];
	size_t len;
	/* Called with each whole line the domU wrote, without its newline. */
	void (*on_line)(const struct xencons_backend *b, const char *line);
	void *owner;	/* for on_line: what the backend serves */
};

/* Maps the domU's ring frame and binds our end of its unbound port. */
long xencons_attach(struct xencons_backend *b, domid_t domid, xen_pfn_t mfn,
		    evtchn_port_t remote_port);
/* Consumes `out`; -XEN_EIO if the domU's indices claim more than fits. */
long xencons_drain(struct xencons_backend *b);
/* Unmaps the ring and closes our port: the domU can then be freed. */
long xencons_detach(struct xencons_backend *b);

#endif
