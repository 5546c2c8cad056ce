#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "path.h"
#include "perms.h"
#include "transaction.h"
#include "watch.h"

static void watch_free(struct xs_watch *w)
{
	free(w->path);
	free(w->token);
	free(w);
}

int watch_add(struct xs_conn *c, const char *path, const char *token,
	      bool relative, struct xs_watch **out)
{
	struct xs_watch *w;

	for (w = c->watches; w; w = w->next)
		if (!strcmp(w->path, path) && !strcmp(w->token, token))
			return EEXIST;
	if (!c->privileged && c->nwatches >= c->daemon->quotas.watches)
		return E2BIG;
	w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(path)) || !(w->token = strdup(token))) {
		if (w)
			watch_free(w);
		return ENOMEM;
	}
	w->relative = relative;
	w->next = c->watches;
	c->watches = w;
	c->nwatches++;
	*out = w;
	return 0;
}

int watch_remove(struct xs_conn *c, const char *path, const char *token)
{
	struct xs_watch **p, *w;

	for (p = &c->watches; (w = *p); p = &w->next) {
		if (!strcmp(w->path, path) && !strcmp(w->token, token)) {
			*p = w->next;
			c->nwatches--;
			watch_free(w);
			return 0;
		}
	}
	return ENOENT;
}

void watch_remove_all(struct xs_conn *c)
{
	while (c->watches) {
		struct xs_watch *w = c->watches;

		c->watches = w->next;
		watch_free(w);
	}
	c->nwatches = 0;
}

void watch_send(struct xs_conn *c, const struct xs_watch *w, const char *path)
{
	char home[XS_HOME_BUF];

	path_home(c->domid, home);
	if (w->relative && path_is_below(path, home)) {
		path += strlen(home);
		if (*path == '/')
			path++;
	}
	conn_queue_event(c, path, w->token);
}

static bool readable(const struct xs_conn *c,
		     const struct xs_permissions *perms, unsigned int nperms)
{
	return perms && (perms_for(c->domid, c->privileged, perms, nperms) &
			 XS_PERM_READ);
}

static bool node_readable(const struct xs_conn *c, const struct xs_node *node)
{
	return node && readable(c, node->perms, node->nperms);
}

static bool may_hear(const struct xs_conn *c, const struct xs_event *e)
{
	const struct xs_store *s = &c->daemon->store;
	char parent[XS_PATH_BUF];

	if (c->privileged || readable(c, e->perms, e->nperms) ||
	    node_readable(c, store_committed(s, e->path)))
		return true;
	if (path_is_special(e->path) || !strcmp(e->path, "/"))
		return false;
	path_parent(e->path, parent);
	return node_readable(c, store_committed(s, parent));
}

static bool matches(const struct xs_watch *w, const struct xs_event *e)
{
	return e->exact ? !strcmp(w->path, e->path)
			: path_is_below(e->path, w->path);
}

void watch_fire(struct xs_daemon *d, const struct xs_event *e)
{
	struct xs_conn *c;
	struct xs_watch *w;

	for (c = d->conns; c; c = c->next) {
		if (c->dead || c->ignored || !c->watches || !may_hear(c, e))
			continue;
		for (w = c->watches; w; w = w->next)
			if (matches(w, e))
				watch_send(c, w, e->path);
	}
}

void watch_notify(struct xs_conn *c, struct xs_event *e)
{
	if (!e)
		return;
	if (c->tx) {
		tx_queue_event(c->tx, e);
		return;
	}
	watch_fire(c->daemon, e);
	event_free(e);
}
