/* System calls on open files: read, write, lseek, getdents64, ioctl. */
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "ramfs.h"
#include "syscall.h"
#include "uapi/fcntl.h"

/* Linux's cap on one transfer, which keeps counts within ssize_t. */
#define RW_MAX 0x7ffff000UL

static size_t capped(unsigned long n)
{
	return n < RW_MAX ? n : RW_MAX;
}

long sys_read(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f || !f->ops->read || !file_readable(f))
		return -EBADF;
	return f->ops->read(f, (void *)arg[1], capped(arg[2]));
}

long sys_write(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f || !f->ops->write || !file_writable(f))
		return -EBADF;
	return f->ops->write(f, (const void *)arg[1], capped(arg[2]));
}

long sys_getdents64(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f)
		return -EBADF;
	if (!f->ops->getdents)
		return -ENOTDIR;
	return f->ops->getdents(f, (void *)arg[1], capped(arg[2]));
}

long sys_lseek(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);
	long offset = (long)arg[1], base, pos;

	if (!f)
		return -EBADF;
	if (!f->ops->seekable)
		return -ESPIPE;
	switch ((int)arg[2]) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (long)f->pos;
		break;
	case SEEK_END:
		base = (long)f->node->size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &pos) || pos < 0)
		return -EINVAL;
	f->pos = (uint64_t)pos;
	return pos;
}

long sys_ioctl(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f)
		return -EBADF;
	if (!f->ops->ioctl)
		return -ENOTTY;
	return f->ops->ioctl(f, (unsigned)arg[1], arg[2]);
}
