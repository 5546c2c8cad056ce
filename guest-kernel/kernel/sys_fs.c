/* System calls on the file tree: mkdir, rmdir, unlink, chdir, getcwd. */
#include "arch.h"
#include "errno.h"
#include "lib.h"
#include "page_alloc.h"
#include "path.h"
#include "proc.h"
#include "syscall.h"

/* Each call gets the path from user memory and hands it to one of these. */
typedef long (*path_op)(const char *path, unsigned long arg);

static long with_user_path(const unsigned long *arg, path_op op)
{
	char *path;
	long rc = path_from_user((const char *)arg[0], &path);

	if (rc)
		return rc;
	rc = op(path, arg[1]);
	path_free(path);
	return rc;
}

static long do_mkdir(const char *path, unsigned long mode)
{
	struct path_last last;
	struct rnode *dir, *n;
	long rc = path_parent(path, &dir, &last);

	if (rc)
		return rc;
	if (!last.len || ramfs_step(dir, last.name, last.len))
		return -EEXIST;
	/* As open's O_CREAT finds (open.c). */
	if (dir->synth)
		return -ENOENT;
	return ramfs_add(dir, last.name, last.len, S_IFDIR | (mode & S_IALLUGO), &n);
}

/* The node path names, and how to refuse removing "/", "." or "..". */
static long removable(const char *path, struct rnode **n, long root_err,
		      long dot_err, long dotdot_err)
{
	struct path_last last;
	struct rnode *dir;
	long rc = path_parent(path, &dir, &last);

	if (rc)
		return rc;
	if (!last.len)
		return root_err;
	if (last.len == 1 && last.name[0] == '.')
		return dot_err;
	if (last.len == 2 && !strncmp(last.name, "..", 2))
		return dotdot_err;
	*n = ramfs_step(dir, last.name, last.len);
	return *n ? 0 : -ENOENT;
}

/* After the checks of type, in Linux's order: a synthetic directory
 * removes nothing (procfs has no unlink or rmdir: EPERM), and the top of
 * a synthetic tree is where it is mounted (EBUSY). */
static long synth_refusal(const struct rnode *n)
{
	if (n->parent->synth)
		return -EPERM;
	return n->synth ? -EBUSY : 0;
}

static long do_rmdir(const char *path, unsigned long unused)
{
	struct rnode *n;
	long rc = removable(path, &n, -EBUSY, -EINVAL, -ENOTEMPTY);

	(void)unused;
	if (rc)
		return rc;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	rc = synth_refusal(n);
	if (rc)
		return rc;
	if (n->children)
		return -ENOTEMPTY;
	ramfs_unlink(n);
	return 0;
}

static long do_unlink(const char *path, unsigned long unused)
{
	struct rnode *n;
	long rc = removable(path, &n, -EISDIR, -EISDIR, -EISDIR);

	(void)unused;
	if (rc)
		return rc;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	rc = synth_refusal(n);
	if (rc)
		return rc;
	ramfs_unlink(n);
	return 0;
}

static long do_chdir(const char *path, unsigned long unused)
{
	struct rnode *n;
	long rc = path_lookup(path, &n);

	(void)unused;
	if (rc)
		return rc;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	ramfs_put(current->cwd);
	current->cwd = ramfs_get(n);
	return 0;
}

long sys_mkdir(const unsigned long *arg)
{
	return with_user_path(arg, do_mkdir);
}

long sys_rmdir(const unsigned long *arg)
{
	return with_user_path(arg, do_rmdir);
}

long sys_unlink(const unsigned long *arg)
{
	return with_user_path(arg, do_unlink);
}

long sys_chdir(const unsigned long *arg)
{
	return with_user_path(arg, do_chdir);
}

/* The path is built from the end of buf back: names, each after a slash. */
static long cwd_path(char *buf, size_t *start)
{
	const struct rnode *n = current->cwd;
	size_t at = PATH_MAX - 1;

	if (!ramfs_linked(n))
		return -ENOENT;
	buf[at] = '\0';
	for (; n != ramfs_root(); n = n->parent) {
		size_t len = strlen(n->name);

		if (at < len + 1)
			return -ENAMETOOLONG;
		at -= len;
		memcpy(buf + at, n->name, len);
		buf[--at] = '/';
	}
	if (at == PATH_MAX - 1)
		buf[--at] = '/';
	*start = at;
	return 0;
}

/* Linux's getcwd returns the length stored, the NUL included. */
long sys_getcwd(const unsigned long *arg)
{
	char *buf = pages_alloc(1);
	size_t start, len;
	long rc;

	if (!buf)
		return -ENOMEM;
	rc = cwd_path(buf, &start);
	len = PATH_MAX - start;
	if (!rc && arg[1] < len)
		rc = -ERANGE;
	if (!rc && copy_to_user((void *)arg[0], buf + start, len))
		rc = -EFAULT;
	page_free(buf);
	return rc ? rc : (long)len;
}
