/* System calls on the descriptor table: open, close, dup, dup2, pipe. */
#include "errno.h"
#include "arch.h"
#include "fd.h"
#include "file.h"
#include "path.h"
#include "pipe.h"
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
	rc = fd_install(f, flags & O_CLOEXEC);
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
	fd = fd_install(file_get(f), false);
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

/* Both descriptors, or neither: a failure after the first closes it. */
static long install_pipe(struct file *ends[2], bool cloexec, int *user_fds)
{
	int fds[2];

	fds[0] = fd_install(ends[0], cloexec);
	if (fds[0] < 0) {
		file_put(ends[0]);
		file_put(ends[1]);
		return fds[0];
	}
	fds[1] = fd_install(ends[1], cloexec);
	if (fds[1] < 0) {
		fd_close(fds[0]);
		file_put(ends[1]);
		return fds[1];
	}
	if (copy_to_user(user_fds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe2(const unsigned long *arg)
{
	int flags = (int)arg[1];
	struct file *ends[2];
	long rc;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	rc = pipe_create(flags & O_NONBLOCK, &ends[0], &ends[1]);
	if (rc)
		return rc;
	return install_pipe(ends, flags & O_CLOEXEC, (int *)arg[0]);
}

long sys_pipe(const unsigned long *arg)
{
	const unsigned long pipe2_arg[] = { arg[0], 0 };

	return sys_pipe2(pipe2_arg);
}
