/* stat(2) and fstat(2): what the RAM filesystem knows of a node, in
 * Linux's struct stat. Everything belongs to root (uid and gid 0). */
#include "arch.h"
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "lib.h"
#include "path.h"
#include "syscall.h"

/* The one filesystem's device number: anything but 0 ("none"). */
#define RAMFS_DEV 1
#define STAT_BLOCK 512

static long stat_to_user(const struct rnode *n, void *user_st)
{
	unsigned long nlink = S_ISDIR(n->mode) ? 2 + ramfs_subdirs(n) : 1;
	struct kernel_stat st = {
		.st_dev = RAMFS_DEV,
		.st_ino = n->ino,
		.st_nlink = ramfs_linked(n) ? nlink : 0,
		.st_mode = n->mode,
		.st_rdev = n->rdev,
		.st_size = (long)n->size,
		.st_blksize = PAGE_SIZE,
		.st_blocks = (long)(ALIGN_UP(n->size, STAT_BLOCK) / STAT_BLOCK),
		.st_atime = n->mtime,
		.st_mtime = n->mtime,
		.st_ctime = n->mtime,
	};

	return copy_to_user(user_st, &st, sizeof(st));
}

long sys_stat(const unsigned long *arg)
{
	struct rnode *n;
	char *path;
	long rc = path_from_user((const char *)arg[0], &path);

	if (rc)
		return rc;
	rc = path_lookup(path, &n);
	path_free(path);
	return rc ? rc : stat_to_user(n, (void *)arg[1]);
}

long sys_fstat(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	return f ? stat_to_user(f->node, (void *)arg[1]) : -EBADF;
}
