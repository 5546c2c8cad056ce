/* cp SOURCE TARGET: copies a file; a TARGET that is a directory gets the
 * source's name inside it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *path)
{
	fprintf(stderr, "cp: %s: %s\n", path, strerror(errno));
	return 1;
}

static int copy(int in, int out, const char *target)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return fail(target);
	return n < 0 ? fail("read") : 0;
}

/* The last part of a path (newlib has no basename()). */
static const char *last_part(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	char target[256];
	struct stat st;
	int in, out, status;

	if (argc != 3) {
		fprintf(stderr, "usage: cp SOURCE TARGET\n");
		return 2;
	}
	if (stat(argv[2], &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(target, sizeof(target), "%s/%s", argv[2], last_part(argv[1]));
	else
		snprintf(target, sizeof(target), "%s", argv[2]);
	if ((in = open(argv[1], O_RDONLY)) < 0)
		return fail(argv[1]);
	if ((out = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		close(in);
		return fail(target);
	}
	status = copy(in, out, target);
	close(in);
	close(out);
	return status;
}
