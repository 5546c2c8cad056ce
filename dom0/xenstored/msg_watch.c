/* XS_WATCH, XS_UNWATCH and XS_RESET_WATCHES; they ignore the transaction
 * id, as in Xen. */
#include <errno.h>
#include "access.h"
#include "conn.h"
#include "messages.h"
#include "path.h"
#include "watch.h"

/* path, NUL, token, NUL: exactly two strings. */
static int watch_args(const struct xs_conn *c, const struct xs_request *req,
		      char *path, const char **token, bool *relative)
{
	const char *vec[2];

	if (req_strings(req, vec, 2) != 2)
		return EINVAL;
	*token = vec[1];
	*relative = vec[0][0] != '/' && !path_is_special(vec[0]);
	return access_path(c, vec[0], true, path);
}

/* The reply comes first, then the event every new watch fires at once. */
int msg_watch(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const char *token;
	struct xs_watch *w;
	bool relative;
	int rc = watch_args(c, req, path, &token, &relative);

	if (!rc)
		rc = watch_add(c, path, token, relative, &w);
	if (!rc)
		rc = reply_ok(c, req);
	if (!rc)
		watch_send(c, w, w->path);
	return rc;
}

int msg_unwatch(struct xs_conn *c, const struct xs_request *req)
{
	char path[XS_PATH_BUF];
	const char *token;
	bool relative;
	int rc = watch_args(c, req, path, &token, &relative);

	if (!rc)
		rc = watch_remove(c, path, token);
	return rc ? rc : reply_ok(c, req);
}

/* What Linux's xenbus sends when it starts, to drop a previous kernel's
 * watches and transactions. */
int msg_reset_watches(struct xs_conn *c, const struct xs_request *req)
{
	watch_remove_all(c);
	while (c->txs)
		conn_drop_tx(c, c->txs);
	return reply_ok(c, req);
}
