/*
 * The byte rings of a xenstore page (xen/io/xs_wire.h): free-running
 * 32-bit indices, masked with MASK_XENSTORE_IDX. The same two functions
 * serve both ends: xenstored reads req and writes rsp, a domain's kernel
 * writes req and reads rsp. The peer's index is untrusted: each index is
 * read once, and a producer more than a ring ahead of its consumer is
 * refused rather than believed.
 *
 * Header-only so that every build that speaks the protocol (xenstored and
 * its unit tests on the host, dom0's userland, the guest kernel, which has
 * no libc) uses the same code. Include <errno.h> before it to get the
 * header's xsd_errors table.
 *
 * Barriers as in Xen's ring users: the producer publishes data before the
 * index (release); the consumer reads the index before the data (acquire)
 * and is done with the data before it hands the space back (release).
 */
#ifndef RING_BUFFERS_XS_RING_H
#define RING_BUFFERS_XS_RING_H

#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

static inline size_t xs_ring_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Copies up to len bytes from ring into dst and advances *cons. Returns the
 * bytes copied, or -1 if the indices are corrupt. */
static inline int xs_ring_read(const char *ring, XENSTORE_RING_IDX *cons,
			       const XENSTORE_RING_IDX *prod, void *dst, size_t len)
{
	XENSTORE_RING_IDX c = __atomic_load_n(cons, __ATOMIC_ACQUIRE);
	XENSTORE_RING_IDX p = __atomic_load_n(prod, __ATOMIC_ACQUIRE);
	size_t n, off, first;

	if (p - c > XENSTORE_RING_SIZE)
		return -1;
	n = xs_ring_min(len, p - c);
	off = MASK_XENSTORE_IDX(c);
	first = xs_ring_min(n, XENSTORE_RING_SIZE - off);
	__builtin_memcpy(dst, ring + off, first);
	__builtin_memcpy((char *)dst + first, ring, n - first);
	__atomic_store_n(cons, c + (XENSTORE_RING_IDX)n, __ATOMIC_RELEASE);
	return (int)n;
}

/* Copies up to len bytes from src into ring and advances *prod. Returns the
 * bytes copied, or -1 if the indices are corrupt. */
static inline int xs_ring_write(char *ring, const XENSTORE_RING_IDX *cons,
				XENSTORE_RING_IDX *prod, const void *src, size_t len)
{
	XENSTORE_RING_IDX c = __atomic_load_n(cons, __ATOMIC_ACQUIRE);
	XENSTORE_RING_IDX p = __atomic_load_n(prod, __ATOMIC_ACQUIRE);
	size_t n, off, first;

	if (p - c > XENSTORE_RING_SIZE)
		return -1;
	n = xs_ring_min(len, XENSTORE_RING_SIZE - (p - c));
	off = MASK_XENSTORE_IDX(p);
	first = xs_ring_min(n, XENSTORE_RING_SIZE - off);
	__builtin_memcpy(ring + off, src, first);
	__builtin_memcpy(ring, (const char *)src + first, n - first);
	__atomic_store_n(prod, p + (XENSTORE_RING_IDX)n, __ATOMIC_RELEASE);
	return (int)n;
}

#endif
