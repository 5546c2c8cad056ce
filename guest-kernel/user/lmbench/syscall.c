/*
 * The rows of one system call: the cheapest there is, and open+close,
 * which adds a path lookup and a descriptor. The file is /bin/true,
 * two components deep, which the root holds for fork.c anyway.
 */
#include <fcntl.h>
#include <unistd.h>

#include "lmbench.h"

#define OPEN_PATH "/bin/true"

static void null_syscall(void)
{
	getpid();
}

static void open_close(void)
{
	close(open(OPEN_PATH, O_RDONLY));
}

static const char *prepare_open_close(void)
{
	int fd = open(OPEN_PATH, O_RDONLY);

	if (fd < 0)
		return failed("open " OPEN_PATH);
	close(fd);
	return NULL;
}

const struct bench_op syscall_ops[] = {
	{ "null_syscall", null_syscall, 0, 0, 0, 0, 0 },
	{ "open_close", open_close, prepare_open_close, 0, 0, 0, 0 },
	{ 0 },
};
