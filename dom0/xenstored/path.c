/* Path syntax and length rules of Xen's canonicalize()/is_valid_nodename(). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "path.h"

#define LOCAL_DOMAIN "/local/domain/"

static bool valid_chars(const char *s)
{
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789-/_@") == strlen(s);
}

/* Where the part of path below /local/domain/<domid>/ starts, or 0: that
 * part may be XENSTORE_REL_PATH_MAX long, as for a relative path. */
static size_t local_offset(const char *path)
{
	size_t n = strlen(LOCAL_DOMAIN), digits;

	if (strncmp(path, LOCAL_DOMAIN, n))
		return 0;
	digits = strspn(path + n, "0123456789");
	if (digits < 1 || digits > 5 || path[n + digits] != '/')
		return 0;
	return n + digits + 1;
}

static bool well_formed(const char *path)
{
	size_t len = strlen(path);

	if (len > 1 && path[len - 1] == '/')
		return false;
	return !strstr(path, "//") &&
	       len - local_offset(path) <= XENSTORE_REL_PATH_MAX;
}

int path_canonical(const char *in, unsigned int domid, bool allow_special,
		   char *out)
{
	int n;

	if (!valid_chars(in) || (path_is_special(in) && !allow_special))
		return EINVAL;
	if (in[0] == '/' || path_is_special(in))
		n = snprintf(out, XS_PATH_BUF, "%s", in);
	else
		n = snprintf(out, XS_PATH_BUF, LOCAL_DOMAIN "%u/%s", domid, in);
	if (n >= XS_PATH_BUF || !well_formed(out))
		return EINVAL;
	return 0;
}

void path_home(unsigned int domid, char *out)
{
	snprintf(out, XS_HOME_BUF, LOCAL_DOMAIN "%u", domid);
}

bool path_is_below(const char *path, const char *ancestor)
{
	size_t len = strlen(ancestor);

	/* Xen's is_child(): a watch on "/" sees special events too. */
	if (!strcmp(ancestor, "/"))
		return true;
	return !strncmp(path, ancestor, len) &&
	       (path[len] == '/' || path[len] == '\0');
}

void path_parent(const char *path, char *out)
{
	const char *slash = strrchr(path, '/');
	size_t len = !slash || slash == path ? 1 : (size_t)(slash - path);

	/* A special path's parent is "/", as Xen's get_parent() has it. */
	if (!slash)
		path = "/";
	memmove(out, path, len);
	out[len] = '\0';
}

const char *path_basename(const char *path)
{
	return strrchr(path, '/') + 1;
}

int path_child(const char *parent, const char *name, char *out)
{
	const char *sep = strcmp(parent, "/") ? "/" : "";

	return snprintf(out, XS_PATH_BUF, "%s%s%s", parent, sep, name) <
	       XS_PATH_BUF ? 0 : EINVAL;
}
