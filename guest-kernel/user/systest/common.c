/* Helpers every section may use (see check.h). */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* How many signals signal_until_exit() sends (every 5 ms) before it
 * gives up and kills. */
#define SIGNAL_TRIES 2000

void *volatile bad_address = (void *)16;

void nap_ms(long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&t, NULL);
}

int wait_status(int pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid ? status : -1;
}

int killed_by(int pid, int sig)
{
	int status = wait_status(pid);

	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int signal_until_exit(int pid, int sig)
{
	int status;

	for (int i = 0; i < SIGNAL_TRIES; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		kill(pid, sig);
		nap_ms(5);
	}
	kill(pid, SIGKILL);
	return wait_status(pid);
}

int read_file(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size);
	close(fd);
	return n;
}

int count_entries(const char *path, const char *name, int type)
{
	DIR *dir = opendir(path);
	struct dirent *d;
	int found = 0;

	while (dir && (d = readdir(dir)))
		found += strcmp(d->d_name, name) == 0 && d->d_type == type;
	if (dir)
		closedir(dir);
	return found;
}
