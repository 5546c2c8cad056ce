/*
 * Scripts: a file that starts with "#!" names the program that runs it,
 * as on Linux: "#!INTERPRETER [ARGUMENT]" on a first line of at most 127
 * characters. The interpreter must itself be a program, not a script.
 */
#include "errno.h"
#include "exec.h"
#include "lib.h"
#include "path.h"
#include "ramfs.h"

#define LINE_MAX_LEN 128

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The first line, blanks at its ends gone; -ENOEXEC if it is too long. */
static int first_line(const struct rnode *f, char line[LINE_MAX_LEN])
{
	size_t n = 0, start = 2;

	while (start + n < f->size && f->data[start + n] != '\n') {
		if (n == LINE_MAX_LEN - 1)
			return -ENOEXEC;
		line[n] = f->data[start + n];
		n++;
	}
	while (n && is_blank(line[n - 1]))
		n--;
	line[n] = '\0';
	return 0;
}

int exec_script(struct rnode **f, const char *path, struct exec_args *args)
{
	char line[LINE_MAX_LEN], *interp = line, *opt;
	struct rnode *prog;
	int rc;

	if (!S_ISREG((*f)->mode) || (*f)->size < 2 || memcmp((*f)->data, "#!", 2))
		return 0;
	if (!((*f)->mode & 0111))
		return -EACCES;
	rc = first_line(*f, line);
	while (!rc && is_blank(*interp))
		interp++;
	if (rc || !*interp)
		return -ENOEXEC;
	for (opt = interp; *opt && !is_blank(*opt); opt++)
		;
	if (*opt)
		*opt++ = '\0';
	while (is_blank(*opt))
		opt++;
	rc = path_lookup(interp, &prog);
	if (!rc)
		rc = exec_args_script(args, interp, *opt ? opt : NULL, path);
	if (!rc)
		*f = prog;
	return rc;
}
