/* Open files and their references. */
#include "arch.h"
#include "errno.h"
#include "file.h"
#include "heap.h"
#include "lib.h"
#include "ramfs.h"
#include "uapi/fcntl.h"

/* What stays with the file: the rest of open's flags act once, at open. */
#define FILE_FLAGS (O_ACCMODE | O_APPEND | O_NONBLOCK)

struct file *file_alloc(const struct file_ops *ops, struct rnode *node, int flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (f)
		*f = (struct file){ .ops = ops, .node = ramfs_get(node), .refs = 1,
				    .flags = flags & FILE_FLAGS };
	return f;
}

struct file *file_get(struct file *f)
{
	f->refs++;
	return f;
}

void file_put(struct file *f)
{
	if (--f->refs)
		return;
	if (f->ops->release)
		f->ops->release(f);
	ramfs_put(f->node);
	kfree(f);
}

bool file_readable(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_WRONLY;
}

bool file_writable(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_RDONLY;
}

ssize_t file_read_bytes(struct file *f, const void *bytes, size_t size, void *user_buf,
			size_t n)
{
	size_t take;

	if (f->pos >= size)
		return 0;
	take = MIN(n, size - f->pos);
	if (copy_to_user(user_buf, (const uint8_t *)bytes + f->pos, take))
		return -EFAULT;
	f->pos += take;
	return (ssize_t)take;
}
