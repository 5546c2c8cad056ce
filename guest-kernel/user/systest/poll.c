/*
 * poll(2): a pipe's ends as data comes and ends go, timeouts, a sleeper
 * woken by another process's write or by a signal, files that never
 * wait, and bad descriptors and pointers.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define TIMEOUT_MS 30
#define NSEC_PER_MSEC 1000000LL

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / NSEC_PER_MSEC;
}

/* poll() of fd alone; its revents, or -1 if poll did not say 1 (or 0
 * with nothing ready). */
static int poll_one(int fd, short events, int timeout)
{
	struct pollfd p = { .fd = fd, .events = events, .revents = -1 };
	int n = poll(&p, 1, timeout);

	return n == (p.revents != 0) ? p.revents : -1;
}

static void test_pipe_ready(void)
{
	struct pollfd p[2];
	int fds[2];
	char c;

	pipe(fds);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	CHECK(poll(p, 2, 0) == 1 && p[0].revents == 0 && p[1].revents == POLLOUT);
	CHECK(poll_one(fds[0], POLLOUT, 0) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	CHECK(poll(p, 2, 0) == 2 && p[0].revents == POLLIN && p[1].revents == POLLOUT);
	CHECK(read(fds[0], &c, 1) == 1 && poll_one(fds[0], POLLIN, 0) == 0);
	close(fds[0]);
	close(fds[1]);
}

/* POLLHUP and POLLERR come unasked. */
static void test_pipe_ends(void)
{
	int fds[2];

	pipe(fds);
	write(fds[1], "x", 1);
	close(fds[1]);
	CHECK(poll_one(fds[0], POLLIN, 0) == (POLLIN | POLLHUP));
	CHECK(poll_one(fds[0], 0, 0) == POLLHUP);
	close(fds[0]);

	pipe(fds);
	close(fds[0]);
	CHECK(poll_one(fds[1], POLLOUT, 0) == (POLLOUT | POLLERR));
	close(fds[1]);
}

static void test_timeouts(void)
{
	long long start = now_ms();
	int fds[2];

	pipe(fds);
	CHECK(poll_one(fds[0], POLLIN, TIMEOUT_MS) == 0 && now_ms() - start >= TIMEOUT_MS);
	start = now_ms();
	CHECK(poll(NULL, 0, TIMEOUT_MS) == 0 && now_ms() - start >= TIMEOUT_MS);
	close(fds[0]);
	close(fds[1]);
}

/* A poll with no timeout, woken by a child's late write. */
static void test_woken(void)
{
	int fds[2];
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		nap_ms(20);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	CHECK(poll_one(fds[0], POLLIN, -1) == POLLIN);
	CHECK(wait_status(pid) == 0);
	close(fds[0]);
	close(fds[1]);
}

static void caught(int sig)
{
	(void)sig;
}

/* The child signals until it is killed, so that one signal surely comes
 * while the parent waits, whenever it starts to. */
static void test_interrupted(void)
{
	struct pollfd p;
	pid_t parent = getpid(), pid;
	int fds[2], n;

	pipe(fds);
	signal(SIGUSR1, caught);
	pid = fork();
	if (pid == 0) {
		for (;;) {
			kill(parent, SIGUSR1);
			nap_ms(5);
		}
	}
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	n = poll(&p, 1, -1);
	CHECK(n == -1 && errno == EINTR);
	kill(pid, SIGKILL);
	CHECK(killed_by(pid, SIGKILL));
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
}

/* Files that never wait are always ready both ways, as on Linux. */
static void test_always_ready(void)
{
	int null = open("/dev/null", O_RDWR), file = open("f", O_RDWR | O_CREAT, 0644);

	CHECK(poll_one(null, POLLIN | POLLOUT, 0) == (POLLIN | POLLOUT));
	CHECK(poll_one(file, POLLIN | POLLOUT, 0) == (POLLIN | POLLOUT));
	CHECK(poll_one(1, POLLOUT, 0) == POLLOUT);
	close(null);
	close(file);
	unlink("f");
}

static void test_bad(void)
{
	int closed = open("/dev/null", O_RDONLY);
	struct pollfd p[2] = { { .fd = -1, .events = POLLIN }, { .fd = closed, .events = POLLIN } };

	close(closed);
	CHECK(poll(p, 2, 0) == 1 && p[0].revents == 0 && p[1].revents == POLLNVAL);
	CHECK(poll(bad_address, 1, 0) == -1 && errno == EFAULT);
	CHECK(poll(p, 100000, 0) == -1 && errno == EINVAL);
}

void test_poll(void)
{
	test_pipe_ready();
	test_pipe_ends();
	test_timeouts();
	test_woken();
	test_interrupted();
	test_always_ready();
	test_bad();
}
