/*
 * Signal handlers: a handler runs and returns, and the program goes on;
 * it sees its signal's number and, with SA_SIGINFO, who sent it; a
 * blocked signal waits until it is unblocked; SA_RESETHAND, SA_NODEFER,
 * sa_mask and SIG_IGN; a signal during a handler; a handled signal ends a
 * blocking read with EINTR; fork keeps the handlers and the mask. (exec's
 * part is in exec.c, the frame's in sigframe.c.)
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static volatile int count, last, last_code, last_pid;
static char trail[16];
static int trail_len;

static void counter(int sig)
{
	count++;
	last = sig;
}

static void informed(int sig, siginfo_t *info, void *context)
{
	(void)context;
	count++;
	last = info->si_signo == sig ? sig : -1;
	last_code = info->si_code;
	last_pid = info->si_pid;
}

static void catch(int sig, void (*handler)(int), int flags, int also_blocked)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = flags };

	sigemptyset(&act.sa_mask);
	if (also_blocked)
		sigaddset(&act.sa_mask, also_blocked);
	sigaction(sig, &act, NULL);
}

static void mark(char c)
{
	trail[trail_len++] = c;
	trail[trail_len] = '\0';
}

/* The first time, sends itself its own signal; each time, SIGUSR2. */
static void outer(int sig)
{
	mark('(');
	if (trail_len == 1)
		raise(sig);
	raise(SIGUSR2);
	mark(')');
}

static void inner(int sig)
{
	(void)sig;
	mark('i');
}

static const char *nest(int flags, int also_blocked)
{
	catch(SIGUSR1, outer, flags, also_blocked);
	trail_len = 0;
	raise(SIGUSR1);
	return trail;
}

static void test_run_and_return(void)
{
	struct sigaction old;

	count = 0;
	CHECK(signal(SIGUSR1, counter) == SIG_DFL);
	CHECK(raise(SIGUSR1) == 0 && count == 1 && last == SIGUSR1);
	CHECK(kill(getpid(), SIGUSR1) == 0 && count == 2);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == counter);
	CHECK(signal(SIGUSR1, SIG_DFL) == counter);
}

/* From this process, then from a child (whose exit may end the wait early). */
static void test_siginfo(void)
{
	struct sigaction act = { .sa_sigaction = informed, .sa_flags = SA_SIGINFO };
	pid_t parent = getpid(), child;
	int status;

	sigaction(SIGUSR2, &act, NULL);
	CHECK(raise(SIGUSR2) == 0 && last == SIGUSR2);
	CHECK(last_code == SI_USER && last_pid == parent);
	child = fork();
	if (child == 0)
		_exit(kill(parent, SIGUSR2));
	while (waitpid(child, &status, 0) == -1 && errno == EINTR)
		;
	CHECK(last == SIGUSR2 && last_pid == child);
	signal(SIGUSR2, SIG_DFL);
}

static void test_blocked(void)
{
	sigset_t set, old, pending;

	catch(SIGUSR1, counter, 0, 0);
	count = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0 && !sigismember(&old, SIGUSR1));
	CHECK(raise(SIGUSR1) == 0 && raise(SIGUSR1) == 0 && count == 0);
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1));
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0 && count == 1);
	CHECK(sigpending(&pending) == 0 && !sigismember(&pending, SIGUSR1));
	signal(SIGUSR1, SIG_DFL);
}

static void test_resethand(void)
{
	struct sigaction old;
	pid_t pid;

	catch(SIGUSR1, counter, SA_RESETHAND, 0);
	count = 0;
	CHECK(raise(SIGUSR1) == 0 && count == 1);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL);
	catch(SIGUSR1, counter, SA_RESETHAND, 0);
	pid = fork();
	if (pid == 0) {
		raise(SIGUSR1);
		raise(SIGUSR1);
		_exit(0);
	}
	CHECK(killed_by(pid, SIGUSR1));
	signal(SIGUSR1, SIG_DFL);
}

/* Ignored, a signal is dropped, even one already pending. */
static void test_ignored(void)
{
	sigset_t set, pending;

	CHECK(signal(SIGUSR1, SIG_IGN) == SIG_DFL && raise(SIGUSR1) == 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR2);
	CHECK(signal(SIGUSR2, SIG_IGN) == SIG_DFL);
	CHECK(sigpending(&pending) == 0 && !sigismember(&pending, SIGUSR2));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* SIGUSR2 runs inside the handler, SIGUSR1 after it unless SA_NODEFER;
 * with SIGUSR2 in sa_mask, after every SIGUSR1. */
static void test_nested(void)
{
	catch(SIGUSR2, inner, 0, 0);
	CHECK(strcmp(nest(0, 0), "(i)(i)") == 0);
	CHECK(strcmp(nest(SA_NODEFER, 0), "((i)i)") == 0);
	CHECK(strcmp(nest(0, SIGUSR2), "()()i") == 0);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* The child may not be reading yet when the first signal comes: the
 * handler runs then, and a later signal ends the read. */
static void test_eintr(void)
{
	int fds[2], status;
	pid_t pid;

	pipe(fds);
	catch(SIGUSR1, counter, 0, 0);
	count = 0;
	pid = fork();
	if (pid == 0) {
		char c;
		long n = read(fds[0], &c, 1);

		_exit(n == -1 && errno == EINTR && count > 0 ? 0 : 1);
	}
	status = signal_until_exit(pid, SIGUSR1);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
}

static void test_fork(void)
{
	sigset_t set;
	pid_t pid;

	catch(SIGUSR1, counter, 0, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	count = 0;
	pid = fork();
	if (pid == 0) {
		sigset_t mask;

		raise(SIGUSR1);
		sigprocmask(SIG_BLOCK, NULL, &mask);
		_exit(count == 1 && sigismember(&mask, SIGUSR2) ? 0 : 1);
	}
	CHECK(wait_status(pid) == 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
}

void test_handlers(void)
{
	test_run_and_return();
	test_siginfo();
	test_blocked();
	test_resethand();
	test_ignored();
	test_nested();
	test_eintr();
	test_fork();
}
