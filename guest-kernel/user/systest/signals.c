/*
 * kill and the default actions: a process ends by the signal sent,
 * whether it sleeps, waits on a pipe or runs; wait reports the signal;
 * ignored signals do nothing; init survives everything.
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		nap_ms(100000);
		_exit(0);
	}
	return pid;
}

static void test_sleeping(void)
{
	pid_t pid = sleeper();
	int status;

	nap_ms(10);
	CHECK(kill(pid, 0) == 0);
	CHECK(kill(pid, SIGTERM) == 0 && killed_by(pid, SIGTERM));
	CHECK(kill(pid, 0) == -1 && errno == ESRCH);
	pid = sleeper();
	CHECK(kill(pid, SIGCHLD) == 0 && kill(pid, SIGCONT) == 0);
	nap_ms(10);
	CHECK(waitpid(pid, &status, WNOHANG) == 0);
	CHECK(kill(pid, SIGKILL) == 0 && killed_by(pid, SIGKILL));
}

/* Killed while blocked reading a pipe, and while spinning in user mode. */
static void test_busy(void)
{
	int fds[2];
	pid_t reader, spinner;
	char c;

	pipe(fds);
	reader = fork();
	if (reader == 0)
		_exit(read(fds[0], &c, 1));
	spinner = fork();
	if (spinner == 0)
		for (;;)
			;
	nap_ms(20);
	CHECK(kill(reader, SIGUSR1) == 0 && killed_by(reader, SIGUSR1));
	CHECK(kill(spinner, SIGKILL) == 0 && killed_by(spinner, SIGKILL));
	/* The dead reader's end is closed; the parent's still reads. */
	CHECK(write(fds[1], "x", 1) == 1 && read(fds[0], &c, 1) == 1);
	close(fds[0]);
	close(fds[1]);
}

static void test_targets(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		kill(getpid(), SIGTERM);
		_exit(0);
	}
	CHECK(killed_by(pid, SIGTERM));
	CHECK(kill(getpid(), 0) == 0);
	CHECK(kill(30000, SIGTERM) == -1 && errno == ESRCH);
	CHECK(kill(1, SIGKILL) == 0 && kill(1, 0) == 0);
}

void test_signals(void)
{
	test_sleeping();
	test_busy();
	test_targets();
}
