/* The built-ins: those that change the shell's own state (cd, exit),
 * pwd, and wait, which reaps what & left running. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

static int argc_of(char *const argv[])
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

static int builtin_cd(char *const argv[])
{
	const char *dir = argv[1] ? argv[1] : "/";

	if (chdir(dir)) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int builtin_exit(char *const argv[])
{
	exit(argv[1] ? atoi(argv[1]) : last_status);
}

static int builtin_pwd(char *const argv[])
{
	char buf[256];

	(void)argv;
	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(buf);
	return 0;
}

/* Waits for every child; the status is the last one reaped's. */
static int builtin_wait(char *const argv[])
{
	int status, result = 0;

	(void)argv;
	while (wait(&status) > 0)
		result = status_of(status);
	return result;
}

static const struct {
	const char *name;
	int (*run)(char *const argv[]);
	int max_args;
} builtins[] = {
	{ "cd", builtin_cd, 2 },
	{ "exit", builtin_exit, 2 },
	{ "pwd", builtin_pwd, 1 },
	{ "wait", builtin_wait, 1 },
};

int run_builtin(char *const argv[])
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		if (strcmp(argv[0], builtins[i].name))
			continue;
		if (argc_of(argv) > builtins[i].max_args) {
			fprintf(stderr, "sh: %s: too many arguments\n", argv[0]);
			return 2;
		}
		return builtins[i].run(argv);
	}
	return -1;
}
