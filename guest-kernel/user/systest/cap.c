/*
 * The process cap: a fork bomb fills the process table and then gets
 * EAGAIN; the kernel and everyone else carry on, and once the bomb is
 * gone, fork works again. Each bomb process, once fork fails, says so on
 * a pipe and waits for end of file on another, which the suite gives by
 * closing it; so the bomb ends without kill(-1), which would take
 * everything else with it.
 */
#include <errno.h>
#include <unistd.h>

#include "check.h"

/* Reaping the bomb is init's work, as its orphans'; it may take a while. */
#define RETRIES 200

static void __attribute__((noreturn)) bomb(int report, int wait_for)
{
	char c;

	for (;;) {
		if (fork() >= 0)
			continue;
		write(report, errno == EAGAIN ? "!" : "?", 1);
		read(wait_for, &c, 1);
		_exit(0);
	}
}

static int count_reports(int fd)
{
	char buf[64];
	int n, bangs = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (int i = 0; i < n; i++)
			bangs += buf[i] == '!';
	return bangs;
}

static pid_t fork_when_possible(void)
{
	pid_t pid = -1;

	for (int i = 0; i < RETRIES && (pid = fork()) < 0; i++)
		nap_ms(10);
	if (pid == 0)
		_exit(0);
	return pid;
}

void test_cap(void)
{
	int report[2], release[2];
	pid_t pid;
	char c;

	pipe(report);
	pipe(release);
	pid = fork();
	if (pid == 0) {
		close(report[0]);
		close(release[1]);
		bomb(report[1], release[0]);
	}
	close(report[1]);
	close(release[0]);
	CHECK(read(report[0], &c, 1) == 1 && c == '!');
	CHECK(fork() == -1 && errno == EAGAIN);
	close(release[1]);
	/* End of file: every bomb process, each holding the write end, is gone. */
	CHECK(count_reports(report[0]) > 10);
	close(report[0]);
	CHECK(wait_status(pid) == 0);
	pid = fork_when_possible();
	CHECK(pid > 0 && wait_status(pid) == 0);
}
