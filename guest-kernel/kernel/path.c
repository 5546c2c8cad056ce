/* Path lookup over the RAM filesystem. */
#include "errno.h"
#include "lib.h"
#include "page_alloc.h"
#include "path.h"
#include "proc.h"
#include "uaccess.h"

size_t path_component(const char **path)
{
	size_t n = 0;

	while (**path == '/')
		(*path)++;
	while ((*path)[n] && (*path)[n] != '/')
		n++;
	return n;
}

static struct rnode *start_of(const char *path)
{
	return path[0] == '/' || !current->cwd ? ramfs_root() : current->cwd;
}

static int step(struct rnode **dir, const char *name, size_t len)
{
	struct rnode *next;

	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (!S_ISDIR((*dir)->mode))
		return -ENOTDIR;
	next = ramfs_step(*dir, name, len);
	if (!next)
		return -ENOENT;
	*dir = next;
	return 0;
}

int path_parent(const char *path, struct rnode **dir, struct path_last *last)
{
	const char *p = path;
	size_t len = path_component(&p);
	int rc;

	if (!*path)
		return -ENOENT;
	*dir = start_of(path);
	for (;;) {
		const char *name = p;
		size_t next;

		p += len;
		next = path_component(&p);
		if (!next) {
			*last = (struct path_last){ name, len };
			break;
		}
		rc = step(dir, name, len);
		if (rc)
			return rc;
		len = next;
	}
	if (last->len > NAME_MAX)
		return -ENAMETOOLONG;
	return S_ISDIR((*dir)->mode) ? 0 : -ENOTDIR;
}

/* A trailing slash says the path names a directory. */
int path_lookup(const char *path, struct rnode **out)
{
	struct path_last last;
	struct rnode *n;
	int rc = path_parent(path, &n, &last);

	if (!rc && last.len)
		rc = step(&n, last.name, last.len);
	if (!rc && path[strlen(path) - 1] == '/' && !S_ISDIR(n->mode))
		rc = -ENOTDIR;
	if (!rc)
		*out = n;
	return rc;
}

int path_make(const char *path, uint32_t mode, struct rnode **out)
{
	struct rnode *n = ramfs_root(), *next;
	const char *p = path;
	size_t len;
	int rc;

	while ((len = path_component(&p))) {
		const char *name = p;
		bool last;

		p += len;
		last = !path_component(&p);
		if (!S_ISDIR(n->mode))
			return -ENOTDIR;
		next = ramfs_step(n, name, len);
		if (!next) {
			rc = ramfs_add(n, name, len, last ? mode : S_IFDIR | 0755, &next);
			if (rc)
				return rc;
		}
		n = next;
	}
	if ((n->mode & S_IFMT) != (mode & S_IFMT))
		return -EEXIST;
	n->mode = mode;
	*out = n;
	return 0;
}

int path_from_user(const char *user_path, char **out)
{
	char *buf = pages_alloc(1);
	long len;

	if (!buf)
		return -ENOMEM;
	len = strncpy_from_user(buf, user_path, PATH_MAX);
	if (len < 0 || len == PATH_MAX) {
		page_free(buf);
		return len < 0 ? (int)len : -ENAMETOOLONG;
	}
	*out = buf;
	return 0;
}

void path_free(char *path)
{
	page_free(path);
}
