/*
 * Byte-stream rings in shared memory, as Xen's xenstore (io/xs_wire.h)
 * and console (io/console.h) pages have them: a power-of-two array and
 * free-running 32-bit indices, the producer's and the consumer's, each
 * written by one side only. The peer's index is untrusted: each index is
 * read once, and a producer more than a ring ahead of its consumer is
 * refused rather than believed.
 *
 * Header-only so that every build that touches such a ring (the daemons
 * and tools in dom0, their host tests, the guest kernel, which has no
 * libc) uses the same code.
 *
 * Barriers as in Xen's ring users: the producer publishes data before the
 * index (release); the consumer reads the index before the data (acquire)
 * and is done with the data before it hands the space back (release).
 */
#ifndef RING_BUFFERS_BYTE_RING_H
#define RING_BUFFERS_BYTE_RING_H

#include <stddef.h>
#include <stdint.h>

static inline size_t byte_ring_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Bytes waiting in a ring of size, or -1 if the indices are corrupt. */
static inline long byte_ring_used(uint32_t size, const uint32_t *cons, const uint32_t *prod)
{
	uint32_t used = __atomic_load_n(prod, __ATOMIC_ACQUIRE) -
			__atomic_load_n(cons, __ATOMIC_ACQUIRE);

	return used > size ? -1 : (long)used;
}

/* Copies up to len bytes out of the ring into dst and advances *cons.
 * Returns the bytes copied, or -1 if the indices are corrupt. */
static inline int byte_ring_read(const char *ring, uint32_t size, uint32_t *cons,
				 const uint32_t *prod, void *dst, size_t len)
{
	uint32_t c = __atomic_load_n(cons, __ATOMIC_ACQUIRE);
	uint32_t p = __atomic_load_n(prod, __ATOMIC_ACQUIRE);
	size_t n, off, first;

	if (p - c > size)
		return -1;
	n = byte_ring_min(len, p - c);
	off = c & (size - 1);
	first = byte_ring_min(n, size - off);
	__builtin_memcpy(dst, ring + off, first);
	__builtin_memcpy((char *)dst + first, ring, n - first);
	__atomic_store_n(cons, c + (uint32_t)n, __ATOMIC_RELEASE);
	return (int)n;
}

/* Copies up to len bytes from src into the ring and advances *prod.
 * Returns the bytes copied, or -1 if the indices are corrupt. */
static inline int byte_ring_write(char *ring, uint32_t size, const uint32_t *cons,
				  uint32_t *prod, const void *src, size_t len)
{
	uint32_t c = __atomic_load_n(cons, __ATOMIC_ACQUIRE);
	uint32_t p = __atomic_load_n(prod, __ATOMIC_ACQUIRE);
	size_t n, off, first;

	if (p - c > size)
		return -1;
	n = byte_ring_min(len, size - (p - c));
	off = p & (size - 1);
	first = byte_ring_min(n, size - off);
	__builtin_memcpy(ring + off, src, first);
	__builtin_memcpy(ring, (const char *)src + first, n - first);
	__atomic_store_n(prod, p + (uint32_t)n, __ATOMIC_RELEASE);
	return (int)n;
}

#endif
