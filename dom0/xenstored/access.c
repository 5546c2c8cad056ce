#include <errno.h>
#include <string.h>
#include "access.h"
#include "path.h"
#include "perms.h"

int access_path(const struct xs_conn *c, const char *arg, bool allow_special,
		char *out)
{
	return arg ? path_canonical(arg, c->domid, allow_special, out) : EINVAL;
}

unsigned int access_perms(const struct xs_conn *c, const struct xs_node *node)
{
	return perms_for(c->domid, c->privileged, node->perms, node->nperms);
}

static int ancestor_says(struct xs_conn *c, const char *path,
			 unsigned int perm, int error)
{
	char dir[XS_PATH_BUF];
	const struct xs_node *node = NULL;
	int rc;

	strcpy(dir, path);
	while (strcmp(dir, "/")) {
		path_parent(dir, dir);
		rc = store_get(&c->daemon->store, c->tx, dir, &node);
		if (!rc)
			break;
		if (rc != ENOENT)
			return rc;
	}
	return node && (access_perms(c, node) & perm) ? error : EACCES;
}

int access_node(struct xs_conn *c, const char *path, unsigned int perm,
		const struct xs_node **node)
{
	int rc = store_get(&c->daemon->store, c->tx, path, node);

	if (!rc && (access_perms(c, *node) & perm) != perm)
		rc = EACCES;
	if (rc == ENOENT)
		rc = ancestor_says(c, path, perm, rc);
	return rc;
}
