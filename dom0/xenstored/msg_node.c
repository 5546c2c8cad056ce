/* XS_DIRECTORY, XS_DIRECTORY_PART, XS_READ, XS_WRITE, XS_MKDIR, XS_RM. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "access.h"
#include "create.h"
#include "messages.h"
#include "path.h"
#include "quota.h"
#include "remove.h"
#include "watch.h"

/* The node a one-path request names, if c may perm it. */
static int node_arg(struct xs_conn *c, const char *arg, unsigned int perm,
		    char *path, const struct xs_node **node)
{
	int rc = access_path(c, arg, false, path);

	return rc ? rc : access_node(c, path, perm, node);
}

/* Watches hear of path as it is now in c's view. */
static void changed(struct xs_conn *c, const char *path)
{
	const struct xs_node *node;

	if (!store_get(&c->daemon->store, c->tx, path, &node))
		watch_notify(c, event_new(path, false, node));
}

int msg_directory(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const struct xs_node *node;
	int rc = node_arg(c, req_onearg(req), XS_PERM_READ, path, &node);

	return rc ? rc : reply(c, req, node->children, node->children_len);
}

/* How many bytes of children, from off on, fit in room: whole names only. */
static unsigned int part_length(const struct xs_node *node, unsigned int off,
				unsigned int room)
{
	unsigned int len = 0, name;

	while (off + len < node->children_len) {
		name = (unsigned int)strlen(node->children + off + len) + 1;
		if (len + name > room)
			break;
		len += name;
	}
	return len;
}

/* Children from byte offset off, after the node's generation: the client
 * starts over if that changes between parts. An empty string after the
 * last name marks the end, as in Xen. */
int msg_directory_part(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF], *data;
	const char *vec[2];
	const struct xs_node *node;
	unsigned long off;
	unsigned int gen, len;
	bool last;
	int rc;

	if (xs_count_strings(req->data, req->len) != 2)
		return EINVAL;
	req_strings(req, vec, 2);
	if (!xs_parse_ulong(vec[1], UINT32_MAX, &off))
		return EINVAL;
	rc = node_arg(c, vec[0], XS_PERM_READ, path, &node);
	if (rc)
		return rc;
	data = malloc(XENSTORE_PAYLOAD_MAX);
	if (!data)
		return ENOMEM;
	gen = (unsigned int)snprintf(data, XENSTORE_PAYLOAD_MAX, "%" PRIu64,
				     node->generation) + 1;
	off = off < node->children_len ? off : node->children_len;
	len = part_length(node, (unsigned int)off, XENSTORE_PAYLOAD_MAX - gen - 1);
	memcpy(data + gen, node->children + off, len);
	last = off + len == node->children_len;
	if (last)
		data[gen + len] = '\0';
	rc = reply(c, req, data, gen + len + last);
	free(data);
	return rc;
}

int msg_read(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const struct xs_node *node;
	int rc = node_arg(c, req_onearg(req), XS_PERM_READ, path, &node);

	return rc ? rc : reply(c, req, node->value, node->value_len);
}

static int set_value(struct xs_conn *c, const struct xs_node *node,
		     const void *value, unsigned int len)
{
	struct xs_node *copy = node_copy(node);
	int rc = copy ? node_set_value(copy, value, len) : ENOMEM;

	if (!rc)
		rc = quota_node_fits(c, copy);
	if (rc) {
		node_free(copy);
		return rc;
	}
	return store_put(&c->daemon->store, c->tx, copy);
}

/* path, NUL, then the value: every byte to the end, NULs included. */
int msg_write(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const char *arg = NULL;
	const struct xs_node *node;
	unsigned int skip;
	int rc;

	if (!req_strings(req, &arg, 1))
		return EINVAL;
	skip = (unsigned int)strlen(arg) + 1;
	rc = node_arg(c, arg, XS_PERM_WRITE, path, &node);
	if (rc == ENOENT)
		rc = create_node(c, path, req->data + skip, req->len - skip);
	else if (!rc)
		rc = set_value(c, node, req->data + skip, req->len - skip);
	if (rc)
		return rc;
	changed(c, path);
	return reply_ok(c, req);
}

/* An existing node is fine, and fires nothing. */
int msg_mkdir(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const struct xs_node *node;
	int rc = node_arg(c, req_onearg(req), XS_PERM_WRITE, path, &node);

	if (rc == ENOENT) {
		rc = create_node(c, path, NULL, 0);
		if (!rc)
			changed(c, path);
	}
	return rc ? rc : reply_ok(c, req);
}

/* Removing an absent node is fine if its parent exists (Xen's rule). */
int msg_rm(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF], dir[XS_PATH_BUF];
	const struct xs_node *node;
	int rc = node_arg(c, req_onearg(req), XS_PERM_WRITE, path, &node);

	if (rc == ENOENT) {
		path_parent(path, dir);
		rc = store_get(&c->daemon->store, c->tx, dir, &node);
		return rc ? rc : reply_ok(c, req);
	}
	if (!rc && !strcmp(path, "/"))
		rc = EINVAL;
	if (!rc)
		rc = remove_node(c, path);
	return rc ? rc : reply_ok(c, req);
}
