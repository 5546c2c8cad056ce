/* System calls on the descriptor table: open, close, dup, dup2. */
#include "errno.h"
#include "fd.h"
#include "file.h"
#include "path.h"
#include "syscall.h"
#include "uapi/fcntl.h"

long sys_open(const unsigned long *arg)
{
	int flags = (int)arg[1];
	struct file *f;
	char *path;
	long rc = path_from_user((const char *)arg[0], &path);

	if (rc)
		return rc;
	rc = file_open(path, flags, (uint32_t)arg[2], &f);
	path_free(path);
	if (rc)
		return rc;
	rc = fd_install(f, 0, flags & O_CLOEXEC);
	if (rc < 0)
		file_put(f);
	return rc;
}

long sys_close(const unsigned long *arg)
{
	return fd_close((int)arg[0]);
}

long sys_dup(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install(file_get(f), 0, false);
	if (fd < 0)
		file_put(f);
	return fd;
}

/* The same descriptor twice is left alone, open or not (EBADF if not). */
long sys_dup2(const unsigned long *arg)
{
	struct file *f = fd_file((int)arg[0]);
	int newfd = (int)arg[1];

	if (!f)
		return -EBADF;
	if (newfd == (int)arg[0])
		return newfd;
	file_get(f);
	newfd = fd_install_at(f, newfd);
	if (newfd < 0)
		file_put(f);
	return newfd;
}
