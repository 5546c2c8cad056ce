/*
 * exec: a new program with the arguments and environment given, in the
 * same process, with close-on-exec descriptors closed and caught signals
 * back to their default (ignored ones and the mask kept); failures that
 * leave the caller as it was; and the old address space freed (a chain of
 * execs that each take 8 MiB adds up to more memory than the machine has).
 * The suite runs itself, by argv[0], as the program to exec: see helper().
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define HELLO "/bin/hello"
#define CHAIN_LINKS "64"
#define CHAIN_HEAP (8 << 20)
#define PAGE 4096

static const char *self;

/* The helper modes, as argv[1]. */
static int echo(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("arg: %s\n", argv[i]);
	for (char **e = environ; *e; e++)
		printf("env: %s\n", *e);
	printf("pid: %d\n", (int)getpid());
	return 0;
}

/* The exit status has bit i set if argv[2 + i] names an open descriptor. */
static int open_fds(int argc, char **argv)
{
	struct stat st;
	int bits = 0;

	for (int i = 2; i < argc; i++)
		if (fstat(atoi(argv[i]), &st) == 0)
			bits |= 1 << (i - 2);
	return bits;
}

/* The exit status has bit 0 set if SIGUSR1 has its default action, bit 1
 * if SIGUSR2 is ignored, bit 2 if SIGTERM is blocked. */
static int signal_state(void)
{
	struct sigaction usr1, usr2;
	sigset_t mask;

	sigaction(SIGUSR1, NULL, &usr1);
	sigaction(SIGUSR2, NULL, &usr2);
	sigprocmask(SIG_BLOCK, NULL, &mask);
	return (usr1.sa_handler == SIG_DFL) | (usr2.sa_handler == SIG_IGN) << 1 |
	       sigismember(&mask, SIGTERM) << 2;
}

static int chain(char **argv)
{
	int left = atoi(argv[2]);
	char *heap = malloc(CHAIN_HEAP), next[16];

	if (!heap)
		return 1;
	for (int i = 0; i < CHAIN_HEAP; i += PAGE)
		heap[i] = 1;
	if (!left)
		return 0;
	snprintf(next, sizeof(next), "%d", left - 1);
	execve(argv[0], (char *[]){ argv[0], "chain", next, NULL }, environ);
	return 2;
}

int helper(int argc, char **argv)
{
	if (!strcmp(argv[1], "echo"))
		return echo(argc, argv);
	if (!strcmp(argv[1], "fds"))
		return open_fds(argc, argv);
	if (!strcmp(argv[1], "signals"))
		return signal_state();
	if (!strcmp(argv[1], "chain") && argc == 3)
		return chain(argv);
	fprintf(stderr, "systest: unknown helper %s\n", argv[1]);
	return 127;
}

/* Runs argv in a child with its output in the file out; returns the wait
 * status and the child's pid in *pid. */
static int run(char *const argv[], char *const envp[], const char *out, pid_t *pid)
{
	int status = -1;

	*pid = fork();
	if (*pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		dup2(fd, 1);
		close(fd);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	waitpid(*pid, &status, 0);
	return status;
}

static int file_is(const char *path, const char *want)
{
	char buf[512];
	int n = read_file(path, buf, sizeof(buf));

	return n == (int)strlen(want) && memcmp(buf, want, n) == 0;
}

static void test_hello(void)
{
	pid_t pid;

	CHECK(run((char *[]){ HELLO, "a", "b", NULL }, environ, "out", &pid) == 0);
	CHECK(file_is("out", "hello from /bin/hello, 2 arguments\n"));
	unlink("out");
}

static void test_args(void)
{
	char want[512];
	pid_t pid;
	int status = run((char *[]){ (char *)self, "echo", "one", "two words", "", NULL },
			 (char *[]){ "X=1", "Y=two", NULL }, "out", &pid);

	snprintf(want, sizeof(want),
		 "arg: %s\narg: echo\narg: one\narg: two words\narg: \n"
		 "env: X=1\nenv: Y=two\npid: %d\n", self, (int)pid);
	CHECK(status == 0 && file_is("out", want));
	CHECK(run((char *[]){ (char *)self, "echo", NULL }, NULL, "out", &pid) == 0);
	snprintf(want, sizeof(want), "arg: %s\narg: echo\npid: %d\n", self, (int)pid);
	CHECK(file_is("out", want));
	unlink("out");
}

static void test_cloexec(void)
{
	int keep = open("/dev/null", O_RDONLY), shut = open("/dev/null", O_RDONLY | O_CLOEXEC);
	char keep_s[8], shut_s[8], dup_s[8];
	pid_t pid;
	int status;

	snprintf(keep_s, sizeof(keep_s), "%d", keep);
	snprintf(shut_s, sizeof(shut_s), "%d", shut);
	snprintf(dup_s, sizeof(dup_s), "%d", dup2(shut, 20));
	status = run((char *[]){ (char *)self, "fds", keep_s, shut_s, dup_s, NULL }, environ,
		     "/dev/null", &pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == (1 | 4));
	close(keep);
	close(shut);
	close(20);
}

static void ignore(int sig)
{
	(void)sig;
}

static void test_signals_reset(void)
{
	sigset_t set;
	pid_t pid;

	signal(SIGUSR1, ignore);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK(run((char *[]){ (char *)self, "signals", NULL }, environ, "/dev/null", &pid) ==
	      (1 | 2 | 4) << 8);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void make_file(const char *path, int mode, const void *data, int len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	write(fd, data, len);
	close(fd);
}

/* A failed exec returns, with the caller as it was. */
static void test_errors(void)
{
	char *const argv[] = { "x", NULL }, *huge = malloc(40000), head[64];
	int fd = open(HELLO, O_RDONLY);

	CHECK(execve("/nonexistent", argv, environ) == -1 && errno == ENOENT);
	CHECK(execve("/tmp", argv, environ) == -1 && errno == EACCES);
	make_file("plain", 0644, "\177ELF", 4);
	CHECK(execve("plain", argv, environ) == -1 && errno == EACCES);
	/* A script whose interpreter is not there (this root has no shell). */
	make_file("script", 0755, "#!/bin/sh\n", 10);
	CHECK(execve("script", argv, environ) == -1 && errno == ENOENT);
	CHECK(read(fd, head, sizeof(head)) == sizeof(head));
	make_file("truncated", 0755, head, sizeof(head));
	CHECK(execve("truncated", argv, environ) == -1 && errno == ENOEXEC);
	CHECK(execve(bad_address, argv, environ) == -1 && errno == EFAULT);
	CHECK(execve(HELLO, bad_address, environ) == -1 && errno == EFAULT);
	CHECK(execve(HELLO, (char *[]){ "x", bad_address, NULL }, environ) == -1 &&
	      errno == EFAULT);
	memset(huge, 'a', 39999);
	huge[39999] = '\0';
	CHECK(execve(HELLO, (char *[]){ huge, NULL }, environ) == -1 && errno == E2BIG);
	CHECK(file_is("script", "#!/bin/sh\n"));
	close(fd);
	free(huge);
	unlink("plain");
	unlink("script");
	unlink("truncated");
}

static void test_memory_freed(void)
{
	pid_t pid;

	CHECK(run((char *[]){ (char *)self, "chain", CHAIN_LINKS, NULL }, environ, "/dev/null",
		  &pid) == 0);
}

static void make_text(const char *path, int mode, const char *text)
{
	make_file(path, mode, text, (int)strlen(text));
}

static int exec_error(const char *path)
{
	char *const argv[] = { (char *)path, NULL };

	return execve(path, argv, environ) == -1 ? errno : 0;
}

/* "#!" scripts: the interpreter gets its argument, the script's path and
 * the rest of argv; bad first lines and interpreters get Linux's errors. */
static void test_scripts(void)
{
	char text[300], want[512];
	pid_t pid;
	int status;

	snprintf(text, sizeof(text), "#! %s echo \nignored\n", self);
	make_text("script", 0755, text);
	status = run((char *[]){ "script", "x", NULL }, NULL, "out", &pid);
	snprintf(want, sizeof(want), "arg: %s\narg: echo\narg: script\narg: x\npid: %d\n", self,
		 (int)pid);
	CHECK(status == 0 && file_is("out", want));
	make_text("nested", 0755, "#!script\n");
	CHECK(exec_error("nested") == ENOEXEC);
	make_text("noexec", 0644, text);
	CHECK(exec_error("noexec") == EACCES);
	make_text("missing", 0755, "#!/no/such/interpreter\n");
	CHECK(exec_error("missing") == ENOENT);
	make_text("empty", 0755, "#!   \n");
	CHECK(exec_error("empty") == ENOEXEC);
	memset(text, 'x', sizeof(text) - 1);
	text[0] = '#', text[1] = '!', text[sizeof(text) - 1] = '\0';
	make_text("long", 0755, text);
	CHECK(exec_error("long") == ENOEXEC);
	unlink("script"), unlink("nested"), unlink("noexec"), unlink("missing");
	unlink("empty"), unlink("long"), unlink("out");
}

void test_exec(void)
{
	test_hello();
	test_args();
	test_cloexec();
	test_signals_reset();
	test_errors();
	test_scripts();
	test_memory_freed();
}

void exec_init(const char *argv0)
{
	self = argv0;
}
