/* Helpers every section may use (see check.h). */
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

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
