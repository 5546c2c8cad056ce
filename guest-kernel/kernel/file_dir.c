/*
 * Directories opened for reading: getdents64(2) records. The file offset
 * is a position: 0 is ".", 1 is "..", anything higher the cookie of the
 * next child to list (ramfs.h), so that entries removed meanwhile move no
 * other, and a removed directory lists nothing, as on Linux.
 */
#include "arch.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "ramfs.h"
#include "uapi/dirent.h"

#define POS_DOT 0
#define POS_DOTDOT 1

/* Linux's d_type values are the file-type bits of the mode, shifted down. */
#define DTYPE(mode) (((mode) & S_IFMT) >> 12)

struct record {
	struct linux_dirent64 d;
	char name[NAME_MAX + 1];
};

/* The record's length, 0 if it does not fit in room, or -EFAULT. */
static long put_record(void *user_buf, size_t room, const struct rnode *n,
		       const char *name, uint64_t next_pos)
{
	size_t len = strlen(name);
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + len + 1, 8);
	struct record r;

	if (reclen > room)
		return 0;
	memset(&r, 0, reclen);
	r.d = (struct linux_dirent64){ .d_ino = n->ino, .d_off = (int64_t)next_pos,
				       .d_reclen = (uint16_t)reclen, .d_type = DTYPE(n->mode) };
	memcpy(r.d.d_name, name, len);
	return copy_to_user(user_buf, &r, reclen) ? -EFAULT : (long)reclen;
}

/* The entry at pos, its name and the position after it; NULL at the end. */
static const struct rnode *entry_at(struct rnode *dir, uint64_t pos, const char **name,
				    uint64_t *next)
{
	struct rnode *c;

	*next = pos + 1;
	if (pos == POS_DOT || pos == POS_DOTDOT) {
		*name = pos == POS_DOT ? "." : "..";
		return pos == POS_DOT ? dir : dir->parent;
	}
	c = ramfs_child_from(dir, pos);
	if (c) {
		*name = c->name;
		*next = c->cookie + 1;
	}
	return c;
}

static ssize_t dir_getdents(struct file *f, void *user_buf, size_t n)
{
	const struct rnode *e;
	const char *name;
	uint64_t next;
	size_t done = 0;
	long len;

	if (!ramfs_linked(f->node))
		return 0;
	ramfs_refresh(f->node);
	while ((e = entry_at(f->node, f->pos, &name, &next))) {
		len = put_record((char *)user_buf + done, n - done, e, name, next);
		if (len < 0)
			return done ? (ssize_t)done : len;
		if (!len)
			return done ? (ssize_t)done : -EINVAL;
		done += (size_t)len;
		f->pos = next;
	}
	return (ssize_t)done;
}

static ssize_t dir_read(struct file *f, void *user_buf, size_t n)
{
	(void)f, (void)user_buf, (void)n;
	return -EISDIR;
}

const struct file_ops dir_file_ops = {
	.read = dir_read,
	.getdents = dir_getdents,
	.seekable = true,
};
