/*
 * Synthetic regular files (ramfs.h) opened for reading. The contents are
 * made once, at open, so that reads in small pieces and lseek see one
 * text, as a reader of Linux's /proc who reads a file through gets one.
 */
#include "errno.h"
#include "file.h"
#include "heap.h"
#include "lib.h"
#include "ramfs.h"
#include "uapi/fcntl.h"

/* Room for any of them; longer text would be cut. */
#define SNAPSHOT_MAX 1024

struct snapshot {
	size_t len;
	char text[SNAPSHOT_MAX];
};

static ssize_t snapshot_read(struct file *f, void *user_buf, size_t n)
{
	const struct snapshot *s = f->priv;

	return file_read_bytes(f, s->text, s->len, user_buf, n);
}

static void snapshot_release(struct file *f)
{
	kfree(f->priv);
}

static const struct file_ops snapshot_ops = {
	.read = snapshot_read,
	.release = snapshot_release,
	.seekable = true,
};

/* The files are read-only (mode 0444). Linux lets root open one for
 * writing and fails each write instead; refusing the open says so once,
 * as Linux does to anyone else. */
int snapshot_open(struct rnode *n, int flags, struct file **out)
{
	struct snapshot *s;
	int len;

	if ((flags & O_ACCMODE) != O_RDONLY)
		return -EACCES;
	s = kmalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	len = n->synth->show(n, s->text, sizeof(s->text));
	*out = len < 0 ? NULL : file_alloc(&snapshot_ops, n, flags);
	if (!*out) {
		kfree(s);
		return len < 0 ? len : -ENOMEM;
	}
	s->len = MIN((size_t)len, sizeof(s->text) - 1);
	(*out)->priv = s;
	return 0;
}
