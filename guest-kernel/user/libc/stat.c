/* stat() and fstat(): Linux's struct stat, as linux_abi.c reads it, into
 * newlib's, whose narrower fields (16-bit st_ino, st_uid, st_gid, st_dev)
 * keep the low bits. */
#include <sys/stat.h>

#include "abi.h"
#include "syscall.h"

static void from_abi_stat(const struct abi_stat *k, struct stat *st)
{
	*st = (struct stat){
		.st_dev = k->dev, .st_ino = k->ino, .st_mode = k->mode,
		.st_nlink = k->nlink, .st_uid = k->uid, .st_gid = k->gid,
		.st_rdev = k->rdev, .st_size = k->size,
		.st_atim = { k->atime, k->atime_nsec },
		.st_mtim = { k->mtime, k->mtime_nsec },
		.st_ctim = { k->ctime, k->ctime_nsec },
		.st_blksize = k->blksize, .st_blocks = k->blocks,
	};
}

int stat(const char *restrict path, struct stat *restrict st)
{
	struct abi_stat k;
	long ret = sys_result(linux_stat(path, &k));

	if (ret == 0)
		from_abi_stat(&k, st);
	return ret;
}

int fstat(int fd, struct stat *st)
{
	struct abi_stat k;
	long ret = sys_result(linux_fstat(fd, &k));

	if (ret == 0)
		from_abi_stat(&k, st);
	return ret;
}
