/* Node paths as Xen's xenstored accepts them: absolute ("/local/..."),
 * relative to the connection's home "/local/domain/<domid>", or special
 * ("@introduceDomain", where a request allows it). */
#ifndef XENSTORED_PATH_H
#define XENSTORED_PATH_H

#include <stdbool.h>
#include "wire.h"

/* Room for any canonical path and its NUL. */
#define XS_PATH_BUF (XENSTORE_ABS_PATH_MAX + 1)
/* Room for "/local/domain/<domid>". */
#define XS_HOME_BUF 32

/* Writes in's canonical form to out (XS_PATH_BUF bytes); EINVAL if in has
 * a character outside [A-Za-z0-9/_@-], a trailing or double '/', or is
 * longer than xs_wire.h allows. */
int path_canonical(const char *in, unsigned int domid, bool allow_special,
		   char *out);
void path_home(unsigned int domid, char *out);
/* Whether path is ancestor or below it (everything is below "/"). */
bool path_is_below(const char *path, const char *ancestor);
static inline bool path_is_special(const char *path)
{
	return path[0] == '@';
}
/* The parent of a path other than "/" into out (XS_PATH_BUF); out may be
 * path. */
void path_parent(const char *path, char *out);
const char *path_basename(const char *path);
/* parent "/" name into out; EINVAL if longer than a canonical path. */
int path_child(const char *parent, const char *name, char *out);

#endif
