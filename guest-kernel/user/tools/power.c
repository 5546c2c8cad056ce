/* poweroff and reboot (one program, told apart by its name): runs
 * /etc/rc.shutdown if there is one (domain 0's asks its guests to shut
 * down and waits for them), then turns the machine off or restarts it at
 * once; there are no disks to sync. */
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define RC_SHUTDOWN "/etc/rc.shutdown"

static void run_rc_shutdown(void)
{
	char *argv[] = { RC_SHUTDOWN, NULL };
	struct stat st;
	pid_t pid;

	if (stat(RC_SHUTDOWN, &st))
		return;
	pid = fork();
	if (!pid) {
		execve(RC_SHUTDOWN, argv, environ);
		perror(RC_SHUTDOWN);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	else
		perror("poweroff: fork");
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	(void)argc;
	run_rc_shutdown();
	reboot(strcmp(name, "reboot") ? RB_POWER_OFF : RB_AUTOBOOT);
	perror(name);
	return 1;
}
