/*
 * The kernel's connection to xenstored over its xenstore ring
 * (io/xs_wire.h), shared by the kernel's own requests (a domU's
 * control/shutdown watch) and by the processes behind /dev/xen/xenbus.
 * A domU's ring and channel are start_info's; domain 0 offers a page and
 * a channel of its own to the xenstored it runs (/dev/xen/xenbus_backend),
 * as Linux's dom0 does.
 *
 * Requests never block: they are queued in the kernel and written to the
 * ring as xenstored makes room. Replies and watch events are handled in
 * the event upcall, which may not sleep: callbacks only queue and wake.
 */
#ifndef XENBUS_H
#define XENBUS_H

#include "types.h"
#include "xen_public.h"
#include <xen/io/xs_wire.h>

/* A reply, with the req_id of the request as its sender gave it. */
typedef void xenbus_reply_fn(void *arg, const struct xsd_sockmsg *hdr, const char *body);

struct xenbus_watch {
	struct xenbus_watch *next;
	uint32_t id;                   /* its token on the wire */
	void (*fire)(struct xenbus_watch *w, const char *path);
};

extern const struct file_ops xenbus_dev_ops, xenbus_backend_ops;

void xenbus_start(void);
/* 0 if there is no ring. */
uint32_t xenbus_port(void);
/* Domain 0's own ring, which its xenstored maps. */
xen_pfn_t xenbus_ring_mfn(void);
/* Queues hdr (its type, tx_id, req_id and len) and body. fn, if not NULL,
 * gets the reply. -ENOMEM if it cannot be queued, -EIO without a ring. */
int xenbus_send(const struct xsd_sockmsg *hdr, const void *body, xenbus_reply_fn *fn,
		void *arg);
/* Replies still due to fn with arg are dropped: its owner is gone. */
void xenbus_forget(void *arg);

/* Events for w's token reach w->fire from now on; the caller sends the
 * XS_WATCH or XS_UNWATCH with xenbus_send_watch(). */
void xenbus_watch_register(struct xenbus_watch *w);
void xenbus_watch_unregister(struct xenbus_watch *w);
/* XS_WATCH or XS_UNWATCH (type) of path under w's token, as xenbus_send()
 * sends with req_id; -EINVAL if path and token pass the payload limit. */
int xenbus_send_watch(uint32_t type, const struct xenbus_watch *w, const char *path,
		      uint32_t req_id, xenbus_reply_fn *fn, void *arg);
/* Registers w and sends its XS_WATCH on path; a refusal is logged. */
int xenbus_watch(struct xenbus_watch *w, const char *path);

#endif
