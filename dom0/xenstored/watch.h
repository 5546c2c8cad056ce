/* Watches: a connection asks to hear of changes at a path or below it,
 * under a token of its own; special paths (@introduceDomain,
 * @releaseDomain) hear of domains coming and going. */
#ifndef XENSTORED_WATCH_H
#define XENSTORED_WATCH_H

#include <stdbool.h>
#include "conn.h"
#include "event.h"

struct xs_watch {
	struct xs_watch *next;
	char *path;		/* canonical, or special */
	char *token;
	bool relative;		/* events name paths from the home down */
};

/* EEXIST for a second watch with the same path and token, E2BIG past the
 * watch quota, as Xen answers. */
int watch_add(struct xs_conn *c, const char *path, const char *token,
	      bool relative, struct xs_watch **w);
int watch_remove(struct xs_conn *c, const char *path, const char *token);
void watch_remove_all(struct xs_conn *c);
/* Queues w's event for path on c. */
void watch_send(struct xs_conn *c, const struct xs_watch *w, const char *path);
/* A change made by c, after it is made: fired now, or when c's
 * transaction commits. Consumes e; NULL (no memory for it) is lost. */
void watch_notify(struct xs_conn *c, struct xs_event *e);
/* Fires e at every connection with a matching watch that may read the
 * node (its permissions then or now) or its parent, as Xen decides. */
void watch_fire(struct xs_daemon *d, const struct xs_event *e);

#endif
