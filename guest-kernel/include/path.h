/*
 * Path names: components separated by slashes, absolute from the root or
 * relative to the current process's working directory (the root for the
 * kernel's own lookups at boot). No symbolic link is followed.
 */
#ifndef PATH_H
#define PATH_H

#include "ramfs.h"

#define PATH_MAX 4096

struct path_last {
	const char *name;
	size_t len;            /* 0 for the root itself */
};

/* Moves *path to its next component; returns the component's length, 0 at the end. */
size_t path_component(const char **path);
int path_lookup(const char *path, struct rnode **out);
/* The directory holding path's last component, and that component,
 * which may be "." or "..". */
int path_parent(const char *path, struct rnode **dir, struct path_last *last);
/* For the kernel's own files: makes the absolute path with mode's type and
 * any directory missing above it, or gives what is there if it has that type. */
int path_make(const char *path, uint32_t mode, struct rnode **out);

/* A path from user memory, in a page of its own (free it with path_free). */
int path_from_user(const char *user_path, char **out);
void path_free(char *path);

#endif
