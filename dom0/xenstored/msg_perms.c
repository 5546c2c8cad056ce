/* XS_GET_PERMS and XS_SET_PERMS: permissions as strings ("n0", "r5"...),
 * the owner's first; special nodes have them too. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "access.h"
#include "messages.h"
#include "path.h"
#include "quota.h"
#include "watch.h"

#define PERM_BUF (MAX_STRLEN(unsigned int) + 1)

int msg_get_perms(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF], *strings;
	const struct xs_node *node;
	unsigned int i, len = 0;
	int rc = access_path(c, req_onearg(req), true, path);

	if (!rc)
		rc = access_node(c, path, XS_PERM_READ, &node);
	if (rc)
		return rc;
	strings = malloc(node->nperms * PERM_BUF);
	if (!strings)
		return ENOMEM;
	for (i = 0; i < node->nperms; i++) {
		xs_perm_to_string(&node->perms[i], strings + len, PERM_BUF);
		len += (unsigned int)strlen(strings + len) + 1;
	}
	rc = reply(c, req, strings, len);
	free(strings);
	return rc;
}

/* The permissions a request sets, after its path: EINVAL if malformed,
 * ENOSPC past the quota for an unprivileged domain. */
static int parse_perms(const struct xs_conn *c, const struct xs_request *req,
		       struct xs_permissions **perms, unsigned int *nperms)
{
	unsigned int n = xs_count_strings(req->data, req->len);

	if (n < 2)
		return EINVAL;
	*nperms = n - 1;
	if (!c->privileged && *nperms > c->daemon->quotas.perms)
		return ENOSPC;
	*perms = malloc(*nperms * sizeof(**perms));
	if (!*perms)
		return ENOMEM;
	if (!xs_strings_to_perms(*perms, *nperms,
				 req->data + strlen(req->data) + 1)) {
		free(*perms);
		return EINVAL;
	}
	return 0;
}

static int apply(struct xs_conn *c, const char *path,
		 const struct xs_permissions *perms, unsigned int nperms)
{
	const struct xs_node *node;
	struct xs_node *copy;
	struct xs_event *e;
	int rc = access_node(c, path, XS_PERM_WRITE | XS_PERM_OWNER, &node);

	if (rc)
		return rc;
	/* Only dom0 gives a node away. */
	if (!c->privileged && perms[0].id != node_owner(node))
		return EPERM;
	copy = node_copy(node);
	rc = copy ? node_set_perms(copy, perms, nperms) : ENOMEM;
	if (!rc)
		rc = quota_node_fits(c, copy);
	if (rc) {
		node_free(copy);
		return rc;
	}
	/* Who could read it before hears of the change too. */
	e = event_new(path, false, node);
	rc = store_put(&c->daemon->store, c->tx, copy);
	if (rc)
		event_free(e);
	else
		watch_notify(c, e);
	return rc;
}

int msg_set_perms(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	struct xs_permissions *perms;
	unsigned int nperms;
	int rc = parse_perms(c, req, &perms, &nperms);

	if (rc)
		return rc;
	rc = access_path(c, req->data, true, path);
	if (!rc)
		rc = apply(c, path, perms, nperms);
	free(perms);
	return rc ? rc : reply_ok(c, req);
}
