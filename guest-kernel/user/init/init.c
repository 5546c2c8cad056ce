/*
 * init, the first process: starts /etc/rc if there is one, else the
 * shell on the console if there is one (so that a boot ends at a prompt),
 * else the system test suite; reaps every orphan meanwhile (they all become its
 * children); and when what it started ends, says how and powers the
 * machine off.
 */
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

static const char *first_program(void)
{
	struct stat st;

	if (stat(RC, &st) == 0)
		return RC;
	return stat(SHELL, &st) == 0 ? SHELL : FALLBACK;
}

int main(void)
{
	const char *path = first_program();
	pid_t child = start(path), pid;
	int status;

	while (child > 0 && (pid = wait(&status)) != -1)
		if (pid == child) {
			report(path, status);
			break;
		}
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 1;
}
