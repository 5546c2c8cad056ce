/*
 * xenstore: Xen's xenstore-utils as one program, for dom0 and guests
 * alike: "xenstore read PATH...", or invoked as xenstore-read (the name
 * after "xenstore-" is the command, as Xen's xenstore_client does).
 * Commands: read, write PATH VALUE..., rm, ls (the tree below a path,
 * "name = "value"" per node, indented as xenstore-ls does). Relative
 * paths are below the caller's /local/domain/ID. Errors are one line,
 * "xenstore-CMD: PATH: REASON", and exit status 1.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

static const char *cmd;

static int fail(const char *path)
{
	fprintf(stderr, "xenstore-%s: %s: %s\n", cmd, path, strerror(errno));
	return 1;
}

static int do_read(struct xs_handle *h, char **paths)
{
	for (; *paths; paths++) {
		unsigned int len;
		char *value = xs_read(h, XBT_NULL, *paths, &len);

		if (!value)
			return fail(*paths);
		printf("%.*s\n", (int)len, value);
		free(value);
	}
	return 0;
}

static int do_write(struct xs_handle *h, char **args)
{
	for (; args[0] && args[1]; args += 2)
		if (!xs_write(h, XBT_NULL, args[0], args[1], strlen(args[1])))
			return fail(args[0]);
	return 0;
}

static int do_rm(struct xs_handle *h, char **paths)
{
	for (; *paths; paths++)
		if (!xs_rm(h, XBT_NULL, *paths))
			return fail(*paths);
	return 0;
}

static int list(struct xs_handle *h, const char *path, int depth)
{
	unsigned int n, len;
	char **names = xs_directory(h, XBT_NULL, path, &n);

	if (!names)
		return fail(path);
	for (unsigned int i = 0; i < n; i++) {
		char child[4096];
		char *value;

		snprintf(child, sizeof(child), "%s%s%s", path,
			 path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		value = xs_read(h, XBT_NULL, child, &len);
		printf("%*s%s = \"%.*s\"\n", depth, "", names[i], value ? (int)len : 0,
		       value ? value : "");
		free(value);
		if (list(h, child, depth + 1)) {
			free(names);
			return 1;
		}
	}
	free(names);
	return 0;
}

static int do_ls(struct xs_handle *h, char **paths)
{
	return list(h, *paths ? *paths : "/", 0);
}

static const struct command {
	const char *name;
	int min_args;
	bool pairs;
	int (*run)(struct xs_handle *h, char **args);
} commands[] = {
	{ "read", 1, false, do_read },
	{ "write", 2, true, do_write },
	{ "rm", 1, false, do_rm },
	{ "ls", 0, false, do_ls },
};

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	const struct command *c;
	struct xs_handle *h;
	int args, rc;

	if (!strncmp(base, "xenstore-", 9))
		cmd = base + 9;
	else if (argc > 1)
		cmd = argv[1], argv++, argc--;
	c = cmd ? find(cmd) : NULL;
	args = argc - 1;
	if (!c || args < c->min_args || (c->pairs && args % 2)) {
		fprintf(stderr, "usage: xenstore read PATH... | write PATH VALUE... | rm PATH... | "
				"ls [PATH]\n");
		return 2;
	}
	h = xs_open(0);
	if (!h) {
		fprintf(stderr, "xenstore-%s: cannot reach xenstored: %s\n", cmd, strerror(errno));
		return 1;
	}
	rc = c->run(h, argv + 1);
	xs_close(h);
	return rc;
}
