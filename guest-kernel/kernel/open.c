/* open(2)'s work: find or create the node, then open it as its type wants. */
#include "dev.h"
#include "errno.h"
#include "file.h"
#include "lib.h"
#include "path.h"
#include "uapi/fcntl.h"

static int open_node(struct rnode *n, int flags, struct file **out)
{
	const struct file_ops *ops;

	if ((flags & O_DIRECTORY) && !S_ISDIR(n->mode))
		return -ENOTDIR;
	switch (n->mode & S_IFMT) {
	case S_IFDIR:
		if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT))
			return -EISDIR;
		ops = &dir_file_ops;
		break;
	case S_IFREG:
		if (n->synth)
			return snapshot_open(n, flags, out);
		ops = &regular_file_ops;
		break;
	case S_IFCHR:
		return dev_open(n, flags, out);
	default:
		/* Symbolic links are not followed; there are no named pipes. */
		return -ENXIO;
	}
	*out = file_alloc(ops, n, flags);
	return *out ? 0 : -ENOMEM;
}

/* O_TRUNC empties a regular file opened for writing, as POSIX says. */
static int truncate_on_open(struct file *f, int flags)
{
	if (!(flags & O_TRUNC) || !S_ISREG(f->node->mode) || !file_writable(f))
		return 0;
	return ramfs_truncate(f->node, 0);
}

static int create(struct rnode *dir, const struct path_last *last, int flags,
		  uint32_t mode, bool dir_wanted, struct rnode **n)
{
	/* A synthetic directory has no room for new names: Linux's procfs
	 * says a name it lacks does not exist before creating is considered. */
	if (!(flags & O_CREAT) || dir->synth)
		return -ENOENT;
	if (dir_wanted)
		return -EISDIR;
	return ramfs_add(dir, last->name, last->len, S_IFREG | (mode & S_IALLUGO), n);
}

int file_open(const char *path, int flags, uint32_t mode, struct file **out)
{
	bool dir_wanted = path[0] && path[strlen(path) - 1] == '/';
	struct path_last last;
	struct rnode *dir, *n;
	int rc = path_parent(path, &dir, &last);

	if (rc)
		return rc;
	n = last.len ? ramfs_step(dir, last.name, last.len) : dir;
	if (!n)
		rc = create(dir, &last, flags, mode, dir_wanted, &n);
	else if ((flags & O_CREAT) && (flags & O_EXCL))
		rc = -EEXIST;
	else if (dir_wanted && !S_ISDIR(n->mode))
		rc = -ENOTDIR;
	if (!rc)
		rc = open_node(n, flags, out);
	if (!rc && (rc = truncate_on_open(*out, flags)))
		file_put(*out);
	return rc;
}
