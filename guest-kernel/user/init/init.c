/*
 * init, the first process: runs /etc/rc if there is one (a program or a
 * "#!" script), then the shell on the console if there is one (so that a
 * boot ends at a prompt); with neither, the system test suite. It reaps
 * every orphan meanwhile (they all become its children), says how each
 * of its own ended, and powers the machine off after the last.
 */
#include <stdbool.h>
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define RC "/etc/rc"
#define SHELL "/bin/sh"
#define FALLBACK "/bin/systest"

static pid_t start(const char *path)
{
	char *const argv[] = { (char *)path, NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, environ);
		perror(path);
		_exit(127);
	}
	if (pid < 0)
		perror("init: fork");
	return pid;
}

static void report(const char *path, int status)
{
	if (WIFEXITED(status))
		printf("init: %s exited with status %d\n", path, WEXITSTATUS(status));
	else
		printf("init: %s killed by signal %d\n", path, WTERMSIG(status));
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Runs path to its end, reaping orphans as they come. */
static void run(const char *path)
{
	pid_t child = start(path), pid;
	int status;

	while (child > 0 && (pid = wait(&status)) != -1)
		if (pid == child) {
			report(path, status);
			break;
		}
}

int main(void)
{
	bool rc = exists(RC);

	if (rc)
		run(RC);
	if (exists(SHELL))
		run(SHELL);
	else if (!rc)
		run(FALLBACK);
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 1;
}
