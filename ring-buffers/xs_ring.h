/*
 * The byte rings of a xenstore page (xen/io/xs_wire.h), over byte_ring.h.
 * The same two functions serve both ends: xenstored reads req and writes
 * rsp, a domain's kernel writes req and reads rsp. Include <errno.h>
 * before this to get xs_wire.h's xsd_errors table.
 */
#ifndef RING_BUFFERS_XS_RING_H
#define RING_BUFFERS_XS_RING_H

#include "byte_ring.h"
#include <xen/io/xs_wire.h>

/* Up to len bytes out of ring; the bytes copied, or -1 if the indices are
 * corrupt. */
static inline int xs_ring_read(const char *ring, XENSTORE_RING_IDX *cons,
			       const XENSTORE_RING_IDX *prod, void *dst, size_t len)
{
	return byte_ring_read(ring, XENSTORE_RING_SIZE, cons, prod, dst, len);
}

/* Up to len bytes into ring; the bytes copied, or -1 if the indices are
 * corrupt. */
static inline int xs_ring_write(char *ring, const XENSTORE_RING_IDX *cons,
				XENSTORE_RING_IDX *prod, const void *src, size_t len)
{
	return byte_ring_write(ring, XENSTORE_RING_SIZE, cons, prod, src, len);
}

#endif
