/* read(2) and write(2) on file descriptors. */
#include "errno.h"
#include "file.h"
#include "syscall.h"

/* Linux's cap on one transfer, which keeps counts within ssize_t. */
#define RW_MAX 0x7ffff000UL

long sys_read(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f || !f->ops->read)
		return -EBADF;
	return f->ops->read(f, (void *)arg[1], arg[2] < RW_MAX ? arg[2] : RW_MAX);
}

long sys_write(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);

	if (!f || !f->ops->write)
		return -EBADF;
	return f->ops->write(f, (const void *)arg[1], arg[2] < RW_MAX ? arg[2] : RW_MAX);
}
