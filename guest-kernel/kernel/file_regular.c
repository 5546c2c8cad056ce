/*
 * Regular files of the RAM filesystem: reads and writes at the file's
 * offset, straight between the user's buffer and the file's bytes.
 */
#include "arch.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "ramfs.h"
#include "uapi/fcntl.h"

static ssize_t regular_read(struct file *f, void *user_buf, size_t n)
{
	return file_read_bytes(f, f->node->data, f->node->size, user_buf, n);
}

/* O_APPEND moves to the end for each write. A fault leaves the file's
 * size as it was, and what lay past it zero (ramfs_data.c's invariant). */
static ssize_t regular_write(struct file *f, const void *user_buf, size_t n)
{
	struct rnode *node = f->node;
	uint64_t at = f->flags & O_APPEND ? node->size : f->pos;
	int rc;

	if (!n)
		return 0;
	rc = ramfs_reserve(node, at + n);
	if (rc)
		return rc;
	if (copy_from_user(node->data + at, user_buf, n)) {
		if (at + n > node->size)
			memset(node->data + MAX(at, node->size), 0, at + n - MAX(at, node->size));
		return -EFAULT;
	}
	node->size = MAX(node->size, at + n);
	f->pos = at + n;
	return (ssize_t)n;
}

const struct file_ops regular_file_ops = {
	.read = regular_read,
	.write = regular_write,
	.seekable = true,
};
