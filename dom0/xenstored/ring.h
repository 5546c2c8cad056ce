/* The byte rings of a xenstore page (struct xenstore_domain_interface):
 * free-running 32-bit indices, masked with MASK_XENSTORE_IDX. The same two
 * functions serve both ends: the daemon reads req and writes rsp, a guest
 * writes req and reads rsp. The peer's index is untrusted: each index is
 * read once, and a producer more than a ring ahead of its consumer is
 * refused rather than believed. */
#ifndef XENSTORED_RING_H
#define XENSTORED_RING_H

#include <stddef.h>
#include "wire.h"

/* Copies up to len bytes from ring into dst and advances *cons. Returns the
 * bytes copied, or -1 if the indices are corrupt. */
int xs_ring_read(const char *ring, XENSTORE_RING_IDX *cons,
		 const XENSTORE_RING_IDX *prod, void *dst, size_t len);
/* Copies up to len bytes from src into ring and advances *prod. Returns the
 * bytes copied, or -1 if the indices are corrupt. */
int xs_ring_write(char *ring, const XENSTORE_RING_IDX *cons,
		  XENSTORE_RING_IDX *prod, const void *src, size_t len);

#endif
