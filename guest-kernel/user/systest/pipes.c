/*
 * Pipes: data in order across processes, blocking both ways, end of file,
 * SIGPIPE, small writes never interleaved, pipe2's
 * flags, and a pipeline of a real program into its parent.
 */
#define _GNU_SOURCE /* for pipe2() */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define STREAM (100 * 1024)
#define RECORD 100
#define RECORDS 200
/* POSIX's least PIPE_BUF (newlib names none): writes this small are atomic. */
#define PIPE_ATOMIC 512

/* Reads until end of file or n bytes; returns how many came. */
static int read_all(int fd, char *buf, int n)
{
	int got = 0, r;

	while (got < n && (r = read(fd, buf + got, n - got)) > 0)
		got += r;
	return got;
}

static void test_basics(void)
{
	struct stat st;
	char buf[8];
	int fds[2];

	CHECK(pipe(fds) == 0 && fds[0] >= 3 && fds[1] == fds[0] + 1);
	CHECK(write(fds[1], "abc", 3) == 3 && read(fds[0], buf, sizeof(buf)) == 3);
	CHECK(memcmp(buf, "abc", 3) == 0);
	CHECK(fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK(lseek(fds[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
	CHECK(isatty(fds[0]) == 0 && errno == ENOTTY);
	CHECK(read(fds[1], buf, 1) == -1 && errno == EBADF);
	CHECK(write(fds[0], buf, 1) == -1 && errno == EBADF);
	CHECK(close(fds[1]) == 0 && read(fds[0], buf, 1) == 0);
	close(fds[0]);
	CHECK(pipe(bad_address) == -1 && errno == EFAULT);
}

/* A writer far ahead of a slow reader blocks and is woken, and a reader
 * of an empty pipe waits for a late writer. */
static void test_blocking(void)
{
	char *out = malloc(STREAM), *in = malloc(STREAM);
	int fds[2];
	pid_t pid;

	for (int i = 0; i < STREAM; i++)
		out[i] = (char)(i % 251);
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], out, STREAM) == STREAM ? 0 : 1);
	}
	close(fds[1]);
	nap_ms(20);
	CHECK(read_all(fds[0], in, STREAM) == STREAM && memcmp(in, out, STREAM) == 0);
	CHECK(read(fds[0], in, 1) == 0);
	CHECK(wait_status(pid) == 0);
	close(fds[0]);

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		nap_ms(20);
		_exit(write(fds[1], "late", 4) == 4 ? 0 : 1);
	}
	CHECK(read(fds[0], in, 8) == 4 && memcmp(in, "late", 4) == 0);
	CHECK(wait_status(pid) == 0);
	close(fds[0]);
	close(fds[1]);
	free(out);
	free(in);
}

static void test_broken(void)
{
	int fds[2], status;
	pid_t pid;

	pipe(fds);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	status = wait_status(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	close(fds[1]);

	/* A reader that goes while a writer waits for room wakes it. */
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (;;)
			write(fds[1], "0123456789", 10);
	}
	close(fds[1]);
	nap_ms(20);
	close(fds[0]);
	status = wait_status(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
}

static pid_t record_writer(int fd, char c)
{
	char record[RECORD];
	pid_t pid = fork();

	if (pid)
		return pid;
	memset(record, c, sizeof(record));
	for (int i = 0; i < RECORDS; i++)
		if (write(fd, record, sizeof(record)) != sizeof(record))
			_exit(1);
	_exit(0);
}

/* Two writers of 100-byte records: every record arrives whole. */
static void test_atomic(void)
{
	static char in[2 * RECORDS * RECORD];
	int fds[2], whole = 1, got;
	pid_t a, b;

	pipe(fds);
	a = record_writer(fds[1], 'a');
	b = record_writer(fds[1], 'b');
	close(fds[1]);
	got = read_all(fds[0], in, sizeof(in));
	for (int r = 0; r < got / RECORD; r++)
		whole &= memchr(in + r * RECORD, in[r * RECORD] == 'a' ? 'b' : 'a', RECORD) == NULL;
	CHECK(got == sizeof(in) && whole);
	CHECK(wait_status(a) == 0 && wait_status(b) == 0);
	close(fds[0]);
}

static void test_pipe2(void)
{
	char buf[512];
	int fds[2], filled = 0, n;

	CHECK(pipe2(fds, O_NONBLOCK) == 0);
	CHECK(read(fds[0], buf, 1) == -1 && errno == EAGAIN);
	while ((n = write(fds[1], buf, sizeof(buf))) > 0)
		filled += n;
	CHECK(n == -1 && errno == EAGAIN && filled >= PIPE_ATOMIC);
	CHECK(read_all(fds[0], buf, sizeof(buf)) == sizeof(buf));
	CHECK(write(fds[1], buf, 1) == 1);
	close(fds[0]);
	close(fds[1]);
	CHECK(pipe2(fds, O_APPEND) == -1 && errno == EINVAL);
}

/* As a shell runs "hello | parent": the program's stdout is the pipe. */
static void test_pipeline(void)
{
	const char *want = "hello from hello, 0 arguments\n";
	char buf[128] = "";
	int fds[2];
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execve("/bin/hello", (char *[]){ "hello", NULL }, environ);
		_exit(127);
	}
	close(fds[1]);
	CHECK(read_all(fds[0], buf, sizeof(buf) - 1) == (int)strlen(want));
	CHECK(strcmp(buf, want) == 0);
	CHECK(wait_status(pid) == 0);
	close(fds[0]);
}

void test_pipes(void)
{
	test_basics();
	test_blocking();
	test_broken();
	test_atomic();
	test_pipe2();
	test_pipeline();
}
