/* Barriers as in Xen's ring users: the producer publishes data before the
 * index (release), the consumer reads the index before the data (acquire)
 * and is done with the data before it hands the space back (release). */
#include <stdint.h>
#include <string.h>
#include "ring.h"

static XENSTORE_RING_IDX load_index(const XENSTORE_RING_IDX *idx)
{
	return __atomic_load_n(idx, __ATOMIC_ACQUIRE);
}

static void store_index(XENSTORE_RING_IDX *idx, XENSTORE_RING_IDX value)
{
	__atomic_store_n(idx, value, __ATOMIC_RELEASE);
}

static size_t min(size_t a, size_t b)
{
	return a < b ? a : b;
}

int xs_ring_read(const char *ring, XENSTORE_RING_IDX *cons,
		 const XENSTORE_RING_IDX *prod, void *dst, size_t len)
{
	XENSTORE_RING_IDX c = load_index(cons), p = load_index(prod);
	size_t n, off, first;

	if (p - c > XENSTORE_RING_SIZE)
		return -1;
	n = min(len, p - c);
	off = MASK_XENSTORE_IDX(c);
	first = min(n, XENSTORE_RING_SIZE - off);
	memcpy(dst, ring + off, first);
	memcpy((char *)dst + first, ring, n - first);
	store_index(cons, c + (XENSTORE_RING_IDX)n);
	return (int)n;
}

int xs_ring_write(char *ring, const XENSTORE_RING_IDX *cons,
		  XENSTORE_RING_IDX *prod, const void *src, size_t len)
{
	XENSTORE_RING_IDX c = load_index(cons), p = load_index(prod);
	size_t n, off, first;

	if (p - c > XENSTORE_RING_SIZE)
		return -1;
	n = min(len, XENSTORE_RING_SIZE - (p - c));
	off = MASK_XENSTORE_IDX(p);
	first = min(n, XENSTORE_RING_SIZE - off);
	memcpy(ring + off, src, first);
	memcpy(ring, (const char *)src + first, n - first);
	store_index(prod, p + (XENSTORE_RING_IDX)n);
	return (int)n;
}
