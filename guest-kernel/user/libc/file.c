/* File and directory calls. Their arguments pass to the kernel unchanged
 * except open()'s and pipe2()'s flags, whose bits newlib numbers its own
 * way; mode bits and lseek()'s whence are the same on both sides. */
#define _GNU_SOURCE /* for pipe2() */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi.h"
#include "syscall.h"

static const int newlib_open_flag[N_OPEN_FLAGS] = { OPEN_FLAG_NAMES(ABI_VALUE) };

/* -1 with errno EINVAL for a flag Linux has no bit for. */
static int flags_to_linux(int flags)
{
	int linux_flags = abi_map_bits(flags, newlib_open_flag, linux_open_flag,
				       N_OPEN_FLAGS);

	if (linux_flags < 0)
		errno = EINVAL;
	return linux_flags;
}

int open(const char *path, int flags, ...)
{
	int linux_flags = flags_to_linux(flags);
	mode_t mode = 0;
	va_list ap;

	if (linux_flags < 0)
		return -1;
	/* The mode argument exists only when a file may be created. */
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return sys_result(syscall3(__NR_open, path, linux_flags, mode));
}

int close(int fd)
{
	return sys_result(syscall1(__NR_close, fd));
}

int read(int fd, void *buf, size_t len)
{
	return sys_result(syscall3(__NR_read, fd, buf, len));
}

int write(int fd, const void *buf, size_t len)
{
	return sys_result(syscall3(__NR_write, fd, buf, len));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return sys_result(syscall3(__NR_lseek, fd, offset, whence));
}

int isatty(int fd)
{
	return sys_result(linux_isatty(fd)) == 0;
}

int unlink(const char *path)
{
	return sys_result(syscall1(__NR_unlink, path));
}

int link(const char *old, const char *new)
{
	return sys_result(syscall2(__NR_link, old, new));
}

int mkdir(const char *path, mode_t mode)
{
	return sys_result(syscall2(__NR_mkdir, path, mode));
}

int rmdir(const char *path)
{
	return sys_result(syscall1(__NR_rmdir, path));
}

int chdir(const char *path)
{
	return sys_result(syscall1(__NR_chdir, path));
}

/* Linux returns the length it stored; POSIX returns the buffer. */
char *getcwd(char *buf, size_t size)
{
	return sys_result(syscall2(__NR_getcwd, buf, size)) < 0 ? NULL : buf;
}

int pipe(int fds[2])
{
	return sys_result(syscall1(__NR_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	int linux_flags = flags_to_linux(flags);

	if (linux_flags < 0)
		return -1;
	return sys_result(syscall2(__NR_pipe2, fds, linux_flags));
}

int dup(int fd)
{
	return sys_result(syscall1(__NR_dup, fd));
}

int dup2(int old, int new)
{
	return sys_result(syscall2(__NR_dup2, old, new));
}
