/*
 * Process creation: fork of the bench process and the child's _exit, then
 * fork and execve of /bin/true, each with the parent's wait for the child.
 * The child runs on the same vCPU, inside the parent's region, so the
 * count holds both. A fork shares every page of the bench process, an
 * entry to write for each, which is why the process is kept small (no
 * stdio); these rows run fewer calls for being slow under TCG.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "lmbench.h"

#define TRUE_PATH "/bin/true"
#define FORK_CALLS 300

static void just_exit(void)
{
	_exit(0);
}

static void exec_true(void)
{
	static char *const argv[] = { TRUE_PATH, NULL };

	execve(TRUE_PATH, argv, environ);
	_exit(127);
}

/* The child's wait status, or -1 with errno set. */
static int fork_and_wait(void (*child)(void))
{
	pid_t pid = fork();
	int status;

	if (pid == 0)
		child();
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void fork_exit(void)
{
	fork_and_wait(just_exit);
}

static void fork_exec(void)
{
	fork_and_wait(exec_true);
}

static const char *probe(void (*child)(void), const char *what)
{
	int status = fork_and_wait(child);

	if (status < 0)
		return failed(what);
	return status ? "the child did not exit with 0" : NULL;
}

static const char *prepare_fork_exit(void)
{
	return probe(just_exit, "fork");
}

static const char *prepare_fork_exec(void)
{
	return probe(exec_true, "fork");
}

const struct bench_op fork_ops[] = {
	{ "fork_exit", fork_exit, prepare_fork_exit, 0, 0, FORK_CALLS, 0 },
	{ "fork_exec", fork_exec, prepare_fork_exec, 0, 0, FORK_CALLS, 0 },
	{ 0 },
};
