/*
 * The two byte rings of a console page (xen/io/console.h), over
 * byte_ring.h: the guest writes out and reads in; its backend (dom0's
 * console daemon, xl console, the test framework) reads out and writes in.
 */
#ifndef RING_BUFFERS_CONS_RING_H
#define RING_BUFFERS_CONS_RING_H

#include "byte_ring.h"
#include <xen/io/console.h>

/* What the guest wrote, up to len bytes; -1 if the indices are corrupt. */
static inline int cons_ring_read_out(struct xencons_interface *r, void *dst, size_t len)
{
	return byte_ring_read(r->out, sizeof(r->out), &r->out_cons, &r->out_prod, dst, len);
}

/* Input for the guest, as much of len as fits; -1 if the indices are corrupt. */
static inline int cons_ring_write_in(struct xencons_interface *r, const void *src, size_t len)
{
	return byte_ring_write(r->in, sizeof(r->in), &r->in_cons, &r->in_prod, src, len);
}

/* The guest's side: output into out, input from in. */
static inline int cons_ring_write_out(struct xencons_interface *r, const void *src, size_t len)
{
	return byte_ring_write(r->out, sizeof(r->out), &r->out_cons, &r->out_prod, src, len);
}

static inline int cons_ring_read_in(struct xencons_interface *r, void *dst, size_t len)
{
	return byte_ring_read(r->in, sizeof(r->in), &r->in_cons, &r->in_prod, dst, len);
}

#endif
