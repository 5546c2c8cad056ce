/*
 * The bytes of a RAM-filesystem file: one kernel allocation of `capacity`
 * bytes, of which [size, capacity) are always zero, so that growing a file
 * (a write past its end, a truncate up) needs no clearing.
 */
#include "arch.h"
#include "clock.h"
#include "errno.h"
#include "heap.h"
#include "lib.h"
#include "ramfs.h"

#define MIN_CAPACITY 256

static void touch(struct rnode *n)
{
	n->mtime = arch_realtime_ns() / NSEC_PER_SEC;
}

/* Doubles, so that a file written a piece at a time is copied O(log n)
 * times; falls back to the exact size when memory is short. */
static int grow(struct rnode *n, size_t want)
{
	size_t cap = MAX(MAX(n->capacity * 2, want), MIN_CAPACITY);
	uint8_t *data = kzalloc(cap);

	if (!data && (data = kzalloc(want)))
		cap = want;
	if (!data)
		return -ENOSPC;
	memcpy(data, n->data, n->size);
	kfree(n->data);
	n->data = data;
	n->capacity = cap;
	return 0;
}

int ramfs_reserve(struct rnode *n, size_t end)
{
	int rc = end > n->capacity ? grow(n, end) : 0;

	if (!rc)
		touch(n);
	return rc;
}

int ramfs_truncate(struct rnode *n, size_t size)
{
	int rc = ramfs_reserve(n, size);

	if (rc)
		return rc;
	if (size < n->size)
		memset(n->data + size, 0, n->size - size);
	n->size = size;
	return 0;
}

/* The initrd's files are never written again, mostly: exactly their size. */
int ramfs_set_data(struct rnode *n, const void *data, size_t size)
{
	uint8_t *copy = kmalloc(size ? size : 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, data, size);
	kfree(n->data);
	n->data = copy;
	n->size = n->capacity = size;
	return 0;
}
