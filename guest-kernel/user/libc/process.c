/* Process calls. A wait status's signal is translated (signal.c); wait
 * options go through the same kind of table rather than being assumed
 * equal. The layout of a wait status (exit code in bits 8-15, terminating
 * signal in bits 0-6, 0x7f there for a stopped child) is the same on both
 * sides. */
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"
#include "syscall.h"

static const int newlib_wait_option[N_WAIT_OPTIONS] = {
	WAIT_OPTION_NAMES(ABI_VALUE)
};

static int status_from_linux(int status)
{
	if (WIFSIGNALED(status))
		return (status & ~0x7f) | signal_from_linux(WTERMSIG(status));
	if (WIFSTOPPED(status))
		return (status & ~0xff00) | signal_from_linux(WSTOPSIG(status)) << 8;
	return status;
}

/* The loop is for the compiler: _exit() is declared never to return. */
void _exit(int code)
{
	for (;;)
		syscall1(__NR_exit, code);
}

pid_t getpid(void)
{
	return syscall0(__NR_getpid);
}

pid_t fork(void)
{
	return sys_result(syscall0(__NR_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return sys_result(syscall3(__NR_execve, path, argv, envp));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	int linux_options = abi_map_bits(options, newlib_wait_option,
					 linux_wait_option, N_WAIT_OPTIONS);
	int linux_status;
	long ret;

	if (linux_options < 0) {
		errno = EINVAL;
		return -1;
	}
	ret = sys_result(syscall4(__NR_wait4, pid, &linux_status, linux_options, 0));
	if (ret > 0 && status)
		*status = status_from_linux(linux_status);
	return ret;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}
