/* ls [-l] [PATH...]: the names in each directory (or a file's own name),
 * sorted, hiding dot files; -l adds the type and the size. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ENTRIES 256

static bool long_format;

/* path is where the entry is, name what to call it. */
static void show(const char *path, const char *name)
{
	struct stat st;

	if (!long_format) {
		puts(name);
		return;
	}
	if (stat(path, &st)) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return;
	}
	printf("%c %8ld %s\n", S_ISDIR(st.st_mode) ? 'd' : '-', (long)st.st_size, name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *path)
{
	char *names[MAX_ENTRIES];
	struct dirent *d;
	DIR *dir = opendir(path);
	int n = 0;

	if (!dir) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((d = readdir(dir)) && n < MAX_ENTRIES)
		if (d->d_name[0] != '.')
			names[n++] = strdup(d->d_name);
	closedir(dir);
	qsort(names, n, sizeof(names[0]), by_name);
	for (int i = 0; i < n; i++) {
		char entry[512];

		snprintf(entry, sizeof(entry), "%s/%s", path, names[i]);
		show(entry, names[i]);
		free(names[i]);
	}
	return 0;
}

static int list(const char *path)
{
	struct stat st;

	if (stat(path, &st)) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return list_dir(path);
	show(path, path);
	return 0;
}

int main(int argc, char **argv)
{
	int first = 1, status = 0;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		long_format = true;
		first = 2;
	}
	if (first == argc)
		return list(".");
	for (int i = first; i < argc; i++)
		status |= list(argv[i]);
	return status;
}
